#include "app/ActionRegistry.h"

#include "panels/StatusIcons.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QWidget>

namespace retell::ui {

namespace {

struct ActionSpec
{
    ActionId id;
    const char *name;
    const char *text; // translated at creation
    const char *icon;
    QList<QKeySequence> keys;
};

QKeySequence keys(const char *portable)
{
    return QKeySequence(QString::fromLatin1(portable), QKeySequence::PortableText);
}

// Keys are not translated: a shortcut is the same in every language.
const QList<ActionSpec> &specs()
{
    static const QList<ActionSpec> list = {
        {ActionId::Connect,
         "connectAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Connect…"),
         "connect",
         {keys("Ctrl+O")}},
        {ActionId::SaveDraft,
         "saveDraftAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Save Draft"),
         "save",
         {keys("Ctrl+S")}},
        {ActionId::Quit,
         "quitAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Quit"),
         "quit",
         {keys("Ctrl+Q")}},
        {ActionId::Undo,
         "undoAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Undo"),
         nullptr,
         {keys("Ctrl+Z")}},
        {ActionId::Redo,
         "redoAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Redo"),
         nullptr,
         {keys("Ctrl+Y"), keys("Ctrl+Shift+Z")}},
        {ActionId::Cut,
         "cutAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Cu&t"),
         nullptr,
         {keys("Ctrl+X")}},
        {ActionId::Copy,
         "copyAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Copy"),
         nullptr,
         {keys("Ctrl+C")}},
        {ActionId::Paste,
         "pasteAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Paste"),
         nullptr,
         {keys("Ctrl+V")}},
        {ActionId::SelectAll,
         "selectAllAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Select &All"),
         nullptr,
         {keys("Ctrl+A")}},
        {ActionId::Find,
         "findAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Find…"),
         "find",
         {keys("Ctrl+F")}},
        {ActionId::Replace,
         "replaceAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Replace…"),
         "replace",
         {keys("Ctrl+H")}},
        {ActionId::FindNext,
         "findNextAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Find &Next"),
         nullptr,
         {keys("F3")}},
        {ActionId::FindPrevious,
         "findPreviousAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Find Pre&vious"),
         nullptr,
         {keys("Shift+F3")}},
        {ActionId::FilterBranches,
         "filterAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Filter &Branches"),
         "filter",
         {keys("Ctrl+L")}},
        {ActionId::NextPanel,
         "nextPanelAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Ne&xt Panel"),
         nullptr,
         {keys("F6")}},
        {ActionId::PreviousPanel,
         "previousPanelAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Pre&vious Panel"),
         nullptr,
         {keys("Shift+F6")}},
        {ActionId::TabMovesFocus,
         "tabMovesFocusAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Tab Moves Focus"),
         nullptr,
         {keys("Ctrl+M")}},
        {ActionId::Validate,
         "validateAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Validate"),
         "validate",
         {keys("F7")}},
        {ActionId::NextFinding,
         "nextFindingAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Next Finding"),
         "next",
         {keys("F8")}},
        {ActionId::PreviousFinding,
         "previousFindingAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Previous Finding"),
         "previous",
         {keys("Shift+F8")}},
        {ActionId::Deploy,
         "deployAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Deploy…"),
         "deploy",
         {keys("Ctrl+Shift+D"), keys("Ctrl+Return")}},
        {ActionId::Rollback, "rollbackAction", nullptr, nullptr, {keys("Ctrl+Shift+R")}},
        {ActionId::OpenVersion, "openVersionAction", nullptr, nullptr, {keys("Ctrl+Shift+O")}},
        {ActionId::Compare, "compareAction", nullptr, nullptr, {keys("Ctrl+Shift+C")}},
        {ActionId::CompareSelected,
         "compareSelectedAction",
         nullptr,
         nullptr,
         {keys("Ctrl+Shift+K")}},
        {ActionId::CompareActive, "compareActiveAction", nullptr, nullptr, {keys("Ctrl+Alt+C")}},
        {ActionId::ComparePrevious,
         "comparePreviousAction",
         nullptr,
         nullptr,
         {keys("Ctrl+Shift+P")}},
        {ActionId::CompareDraft,
         "compareDraftAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Compare Draft with &Active"),
         "compare",
         {keys("Ctrl+Alt+A")}},
        {ActionId::RestoreDraft,
         "restoreDraftAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Restore D&raft"),
         "draft",
         {keys("Ctrl+Alt+R")}},
        {ActionId::DiscardDraft,
         "discardDraftAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Disc&ard Draft"),
         nullptr,
         {keys("Ctrl+Alt+D")}},
        {ActionId::Refresh,
         "refreshAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Re&fresh"),
         "refresh",
         {keys("F5")}},
        {ActionId::WorkOffline,
         "workOfflineAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Work &Offline"),
         nullptr,
         {keys("Ctrl+Alt+O")}},
        {ActionId::SyncNow,
         "syncNowAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "S&ync Now"),
         "refresh",
         {keys("F9")}},
        {ActionId::ShowBranches, "showBranchesAction", nullptr, nullptr, {keys("Alt+1")}},
        {ActionId::ShowTemplates, "showTemplatesAction", nullptr, nullptr, {keys("Alt+2")}},
        {ActionId::ShowHistory, "showHistoryAction", nullptr, nullptr, {keys("Alt+3")}},
        {ActionId::ShowOutbox, "showOutboxAction", nullptr, nullptr, {keys("Alt+4")}},
        {ActionId::ShowFleet,
         "showFleetAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Fleet…"),
         "compare",
         {keys("Ctrl+Shift+F")}},
        {ActionId::RollOut,
         "rollOutAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Roll Out a Change…"),
         "deploy",
         {keys("Ctrl+Shift+G")}},
        {ActionId::ShowAudit,
         "showAuditAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Audit Log…"),
         nullptr,
         {keys("Ctrl+Shift+A")}},
        {ActionId::ManageAccess,
         "manageAccessAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Manage A&ccess…"),
         nullptr,
         {keys("Ctrl+Shift+M")}},
        {ActionId::LinkRetell,
         "linkRetellAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Link to Retell Agent…"),
         nullptr,
         {}},
        {ActionId::RetellApiKey,
         "retellApiKeyAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "Retell API &Key…"),
         nullptr,
         {}},
        {ActionId::KeyboardShortcuts,
         "keyboardShortcutsAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&Keyboard Shortcuts"),
         nullptr,
         {keys("F1")}},
        {ActionId::About,
         "aboutAction",
         QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "&About Retell Agent Admin"),
         "app",
         {}},
    };
    return list;
}

const ActionSpec &specOf(ActionId id)
{
    return specs().at(qsizetype(id));
}

struct RowSpec
{
    const char *what;
    QList<ActionId> ids;
};

// The README's keyboard table, in this order.
const QList<RowSpec> &rowSpecs()
{
    static const QList<RowSpec> rows = {
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "save draft"), {ActionId::SaveDraft}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "deploy"), {ActionId::Deploy}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "validate now"), {ActionId::Validate}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "next / previous finding"),
         {ActionId::NextFinding, ActionId::PreviousFinding}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "find / replace"),
         {ActionId::Find, ActionId::Replace}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "find next / previous"),
         {ActionId::FindNext, ActionId::FindPrevious}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "undo / redo"),
         {ActionId::Undo, ActionId::Redo}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "cut / copy / paste / select all"),
         {ActionId::Cut, ActionId::Copy, ActionId::Paste, ActionId::SelectAll}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "roll back to the selected version"),
         {ActionId::Rollback}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "open the selected version read-only"),
         {ActionId::OpenVersion}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "compare the selected version(s)"),
         {ActionId::Compare}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry",
                           "compare with active / previous / selected"),
         {ActionId::CompareActive, ActionId::ComparePrevious, ActionId::CompareSelected}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry",
                           "compare your edit with the active version"),
         {ActionId::CompareDraft}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "restore / discard the draft"),
         {ActionId::RestoreDraft, ActionId::DiscardDraft}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "refresh"), {ActionId::Refresh}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "filter branches"),
         {ActionId::FilterBranches}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "next / previous panel"),
         {ActionId::NextPanel, ActionId::PreviousPanel}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry",
                           "Tab moves focus in the editors (on / off)"),
         {ActionId::TabMovesFocus}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "work offline (on / off)"),
         {ActionId::WorkOffline}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry",
                           "sync now: send the outbox, then update the local copy"),
         {ActionId::SyncNow}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry",
                           "show / hide branches, templates, history, outbox"),
         {ActionId::ShowBranches, ActionId::ShowTemplates, ActionId::ShowHistory,
          ActionId::ShowOutbox}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry",
                           "fleet of all branches / roll out a change / audit log"),
         {ActionId::ShowFleet, ActionId::RollOut, ActionId::ShowAudit}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "manage access (grants)"),
         {ActionId::ManageAccess}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "keyboard shortcuts"),
         {ActionId::KeyboardShortcuts}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "connect to another database"),
         {ActionId::Connect}},
        {QT_TRANSLATE_NOOP("retell::ui::ActionRegistry", "quit"), {ActionId::Quit}},
    };
    return rows;
}

QString plainText(const QString &menuText)
{
    return QString(menuText).remove(QLatin1Char('&')).remove(QStringLiteral("…"));
}

} // namespace

ActionRegistry::ActionRegistry(QWidget *window) : QObject(window), m_window(window)
{
    for (const ActionSpec &spec : specs()) {
        Q_ASSERT(&spec == &specOf(spec.id)); // the list is in enum order
        if (!spec.text)
            continue; // made by a panel, adopted later
        auto *action = new QAction(tr(spec.text), this);
        if (spec.icon)
            action->setIcon(themeIcon(QString::fromLatin1(spec.icon)));
        m_actions[std::size_t(spec.id)] = action;
        adopt(spec.id, action);
    }
}

ActionRegistry::~ActionRegistry() = default;

void ActionRegistry::adopt(ActionId id, QAction *action)
{
    const ActionSpec &spec = specOf(id);
    m_actions[std::size_t(id)] = action;
    action->setObjectName(QString::fromLatin1(spec.name));
    action->setShortcuts(spec.keys);
    if (!spec.keys.isEmpty()) {
        action->setToolTip(QStringLiteral("%1 (%2)").arg(
            plainText(action->text()), spec.keys.constFirst().toString(QKeySequence::NativeText)));
    }
    m_window->addAction(action);
}

QAction *ActionRegistry::find(const QString &objectName) const
{
    for (QAction *a : m_actions) {
        if (a && a->objectName() == objectName)
            return a;
    }
    return nullptr;
}

QList<QAction *> ActionRegistry::actions() const
{
    QList<QAction *> list;
    for (QAction *a : m_actions) {
        if (a)
            list << a;
    }
    return list;
}

QList<QKeySequence> ActionRegistry::keys() const
{
    QList<QKeySequence> all;
    for (QAction *a : m_actions) {
        if (a)
            all << a->shortcuts();
    }
    return all;
}

QList<KeyboardRow> ActionRegistry::keyboardTable(const QList<KeyboardRow> &extraRows) const
{
    QList<KeyboardRow> rows;
    for (const RowSpec &spec : rowSpecs()) {
        KeyboardRow row{tr(spec.what), {}};
        for (ActionId id : spec.ids) {
            const QAction *a = action(id);
            row.keys << (a ? a->shortcuts() : specOf(id).keys);
        }
        rows << row;
    }
    return rows + extraRows;
}

QString ActionRegistry::markdownTable(const QList<KeyboardRow> &rows)
{
    QString text = QStringLiteral("| action | keys |\n| --- | --- |\n");
    for (const KeyboardRow &row : rows)
        text += QStringLiteral("| %1 | %2 |\n").arg(row.what, row.keysText());
    return text;
}

QString ActionRegistry::htmlTable(const QList<KeyboardRow> &rows)
{
    QString html = QStringLiteral("<table cellpadding=\"4\"><tr><th align=\"left\">%1</th>"
                                  "<th align=\"left\">%2</th></tr>")
                       .arg(tr("Action"), tr("Keys"));
    for (const KeyboardRow &row : rows) {
        html += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>")
                    .arg(row.what.toHtmlEscaped(),
                         row.keysText(QKeySequence::NativeText, tr(" or ")).toHtmlEscaped());
    }
    return html + QStringLiteral("</table>");
}

QDialog *ActionRegistry::createShortcutsPage(const QList<KeyboardRow> &rows, QWidget *parent)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("keyboardShortcutsPage"));
    dialog->setWindowTitle(tr("Keyboard Shortcuts"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *browser = new QTextBrowser(dialog);
    browser->setHtml(htmlTable(rows));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser, 1);
    layout->addWidget(buttons);
    dialog->resize(560, 620);
    return dialog;
}

} // namespace retell::ui
