#include "panels/TemplatePickerPanel.h"

#include "domain/ToolsView.h"
#include "panels/TemplateDialog.h"
#include "services/DisplayText.h"
#include "services/TemplatesFacade.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace retell::ui {

namespace {
constexpr int kPreviewChars = 4000;

QString sourceText(core::TemplateSource source)
{
    switch (source) {
    case core::TemplateSource::BuiltIn:
        return TemplatePickerPanel::tr("built-in");
    case core::TemplateSource::Custom:
        return TemplatePickerPanel::tr("custom");
    case core::TemplateSource::WebApp:
        return TemplatePickerPanel::tr("from the web admin");
    }
    return {};
}

// Where a template comes from and, for a custom one, whose it is.
QString ownerText(const core::Template &t)
{
    if (t.source != core::TemplateSource::Custom)
        return sourceText(t.source);
    return t.companyName.isEmpty() ? TemplatePickerPanel::tr("custom, shared with every company")
                                   : TemplatePickerPanel::tr("custom, %1").arg(t.companyName);
}

// The language a template speaks, named in the UI's language.
QString languageText(const QString &code)
{
    if (code == QLatin1String("de"))
        return TemplatePickerPanel::tr("German");
    if (code == QLatin1String("en"))
        return TemplatePickerPanel::tr("English");
    return code.isEmpty() ? QString() : QLocale(code).nativeLanguageName();
}

// The UI's language first, then templates that do not say, then the others;
// otherwise in the order the service gave.
void sortForLanguage(QList<core::Template> &templates, const QString &uiLanguage)
{
    auto rank = [&](const core::Template &t) {
        return t.language == uiLanguage ? 0 : t.language.isEmpty() ? 1 : 2;
    };
    std::stable_sort(
        templates.begin(), templates.end(),
        [&](const core::Template &a, const core::Template &b) { return rank(a) < rank(b); });
}

QString toolsSummary(const QString &toolsJson)
{
    const core::ToolsView tools = core::ToolsView::parse(toolsJson);
    if (tools.isEmpty())
        return TemplatePickerPanel::tr("No tools.");
    QStringList lines;
    for (const core::ToolView &tool : tools.tools()) {
        lines << QStringLiteral("<b>%1</b> <i>(%2)</i> — %3")
                     .arg(tool.name.toHtmlEscaped(), tool.type.toHtmlEscaped(),
                          tool.description.toHtmlEscaped());
    }
    return lines.join(QStringLiteral("<br>"));
}
} // namespace

TemplatePickerPanel::TemplatePickerPanel(TemplatesFacade *templates, QWidget *parent)
    : QWidget(parent), m_service(templates), m_list(new QListWidget(this)),
      m_description(new QLabel(this)), m_tools(new QLabel(this)),
      m_preview(new QPlainTextEdit(this)), m_apply(new QPushButton(tr("&Apply to Branch"), this)),
      m_compare(new QPushButton(tr("&Compare with Branch"), this)),
      m_save(new QPushButton(tr("&Save as Template…"), this)),
      m_rename(new QPushButton(tr("Re&name…"), this)), m_edit(new QPushButton(tr("&Edit…"), this)),
      m_delete(new QPushButton(tr("De&lete…"), this)),
      m_undo(new QPushButton(tr("&Undo Delete"), this)), m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("templatePickerPanel"));
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_apply->setObjectName(QStringLiteral("applyTemplateButton"));
    m_compare->setObjectName(QStringLiteral("compareTemplateButton"));
    m_save->setObjectName(QStringLiteral("saveTemplateButton"));
    m_rename->setObjectName(QStringLiteral("renameTemplateButton"));
    m_edit->setObjectName(QStringLiteral("editTemplateButton"));
    m_delete->setObjectName(QStringLiteral("deleteTemplateButton"));
    m_undo->setObjectName(QStringLiteral("undoDeleteTemplateButton"));
    m_menu->setObjectName(QStringLiteral("templateContextMenu"));
    m_description->setWordWrap(true);
    m_tools->setWordWrap(true);
    m_tools->setTextFormat(Qt::RichText);
    m_preview->setReadOnly(true);
    m_preview->setObjectName(QStringLiteral("templatePreview"));
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_apply->setToolTip(tr("Fill the editor with this template as a draft; nothing is deployed"));
    m_compare->setToolTip(tr("Show side by side what applying this template would change"));
    m_rename->setToolTip(tr("Rename this custom template (F2)"));
    m_edit->setToolTip(tr("Change the description, prompt and tools of this custom template"));
    m_delete->setToolTip(
        tr("Delete this custom template (Del); versions deployed from it stay as they are"));
    m_undo->hide();

    // Description and tools scroll on their own, so a template with many
    // tools never pushes the prompt preview out of sight.
    auto *summary = new QWidget;
    auto *summaryLayout = new QVBoxLayout(summary);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    summaryLayout->addWidget(m_description);
    summaryLayout->addWidget(m_tools);
    summaryLayout->addStretch();
    auto *summaryScroll = new QScrollArea(this);
    summaryScroll->setWidget(summary);
    summaryScroll->setWidgetResizable(true);
    summaryScroll->setFrameShape(QFrame::NoFrame);
    auto *details = new QSplitter(Qt::Vertical, this);
    details->setObjectName(QStringLiteral("templateDetailsSplitter"));
    details->addWidget(summaryScroll);
    details->addWidget(m_preview);
    details->setStretchFactor(0, 1);
    details->setStretchFactor(1, 1);
    details->setSizes({1000, 1000}); // halves, whatever the dock's height

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("templateSplitter"));
    splitter->addWidget(m_list);
    splitter->addWidget(details);
    splitter->setStretchFactor(1, 3);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_rename);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_undo);
    buttons->addStretch();
    buttons->addWidget(m_compare);
    buttons->addWidget(m_save);
    buttons->addWidget(m_apply);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    // The context menu offers what the buttons do, in the same state.
    for (QPushButton *button : {m_apply, m_compare, m_save, m_rename, m_edit, m_delete}) {
        if (button == m_rename)
            m_menu->addSeparator();
        QAction *action = m_menu->addAction(button->text(), button, &QPushButton::click);
        action->setObjectName(button->objectName() + QStringLiteral("Action"));
        m_menuActions.append({action, button});
    }
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (QListWidgetItem *item = m_list->itemAt(pos))
            m_list->setCurrentItem(item);
        m_menu->popup(m_list->viewport()->mapToGlobal(pos));
    });
    // Keys on the list: F2 renames, Del deletes (see eventFilter).
    m_list->installEventFilter(this);

    connect(m_list, &QListWidget::currentRowChanged, this, &TemplatePickerPanel::showCurrent);
    connect(m_list, &QListWidget::itemDoubleClicked, m_apply, &QPushButton::click);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (const auto t = currentTemplate())
            emit applyRequested(*t);
    });
    connect(m_save, &QPushButton::clicked, this, &TemplatePickerPanel::saveAsTemplateRequested);
    connect(m_compare, &QPushButton::clicked, this, [this] {
        if (const auto t = currentTemplate())
            emit compareRequested(*t);
    });
    connect(m_rename, &QPushButton::clicked, this, &TemplatePickerPanel::renameCurrent);
    connect(m_edit, &QPushButton::clicked, this, &TemplatePickerPanel::editCurrent);
    connect(m_delete, &QPushButton::clicked, this, &TemplatePickerPanel::deleteCurrent);
    connect(m_undo, &QPushButton::clicked, this, &TemplatePickerPanel::undoDelete);
    updateButtons();
}

TemplatePickerPanel::~TemplatePickerPanel() = default;

bool TemplatePickerPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        QPushButton *button = key->key() == Qt::Key_F2 && key->modifiers() == Qt::NoModifier
                                  ? m_rename
                              : key->matches(QKeySequence::Delete) ? m_delete
                                                                   : nullptr;
        if (button) {
            if (button->isEnabled())
                button->click();
            return true; // never the list's own F2 (in-place editing)
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TemplatePickerPanel::reload()
{
    m_service->list(this, [this](core::Result<QList<core::Template>> result) {
        if (!result) {
            emit failed(errorText(result.error()));
            return;
        }
        const auto current =
            m_selectNext ? std::exchange(m_selectNext, std::nullopt) : currentTemplate();
        m_templates = result.value();
        const QString uiLanguage = QLocale().name().section(QLatin1Char('_'), 0, 0);
        sortForLanguage(m_templates, uiLanguage);
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const core::Template &t : std::as_const(m_templates)) {
            const QString language = languageText(t.language);
            auto *item = new QListWidgetItem(
                language.isEmpty() ? t.name : tr("%1 · %2").arg(t.name, language), m_list);
            item->setData(Qt::UserRole, t.language);
            item->setToolTip(QStringLiteral("%1 (%2)").arg(t.description, ownerText(t)));
        }
        int row = 0;
        for (int i = 0; current && i < m_templates.size(); ++i)
            if (m_templates.at(i).name == current->name &&
                m_templates.at(i).companyId == current->companyId)
                row = i;
        m_list->setCurrentRow(m_templates.isEmpty() ? -1 : row);
        showCurrent();
        emit loaded();
    });
}

bool TemplatePickerPanel::selectTemplate(const QString &name)
{
    for (int row = 0; row < m_templates.size(); ++row) {
        if (m_templates.at(row).name.compare(name, Qt::CaseInsensitive) == 0) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

std::optional<core::Template> TemplatePickerPanel::currentTemplate() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_templates.size())
        return std::nullopt;
    return m_templates.at(row);
}

void TemplatePickerPanel::setTarget(const std::optional<core::Branch> &branch, bool mayEdit)
{
    m_branch = branch;
    m_mayEdit = branch && mayEdit;
    updateButtons();
}

void TemplatePickerPanel::updateButtons()
{
    const auto t = currentTemplate();
    const bool applies = t && m_branch && core::TemplateService::appliesTo(*t, *m_branch);
    m_apply->setEnabled(m_mayEdit && applies);
    m_apply->setToolTip(
        t && m_branch && !applies
            ? tr("\"%1\" belongs to %2; it can only be applied to that company's branches.")
                  .arg(t->name, t->companyName)
            : tr("Fill the editor with this template as a draft; nothing is deployed"));
    m_compare->setEnabled(t.has_value());
    // Viewers have no save right: the button says so instead of failing after the dialog.
    m_save->setEnabled(m_mayEdit && !m_dialog);
    m_save->setToolTip(
        m_mayEdit ? tr("Save the editor's content as a new template of this branch's company")
                  : tr("Saving a template needs the editor role on the branch shown"));
    const bool changeable = t && t->changeable && !m_dialog && !m_confirmation;
    m_rename->setEnabled(changeable);
    m_edit->setEnabled(changeable);
    m_delete->setEnabled(changeable);
    for (const auto &[action, button] : std::as_const(m_menuActions))
        action->setEnabled(button->isEnabled());
}

void TemplatePickerPanel::showCurrent()
{
    const auto t = currentTemplate();
    updateButtons();
    if (!t) {
        m_description->clear();
        m_tools->clear();
        m_preview->clear();
        return;
    }
    QString note = ownerText(*t);
    if (const QString language = languageText(t->language); !language.isEmpty())
        note += QStringLiteral(" — ") + language;
    if (t->source != core::TemplateSource::Custom)
        note += QStringLiteral(" — ") + tr("read-only");
    else if (!t->changeable)
        note +=
            QStringLiteral(" — ") + tr("only its company's admins and its author may change it");
    m_description->setText(
        QStringLiteral("<b>%1</b> — %2<br><small>%3</small>")
            .arg(t->name.toHtmlEscaped(), t->description.toHtmlEscaped(), note.toHtmlEscaped()));
    m_tools->setText(toolsSummary(t->config.toolsJson));
    QString preview = t->config.prompt.left(kPreviewChars);
    if (t->config.prompt.size() > kPreviewChars)
        preview += QStringLiteral("\n…");
    m_preview->setPlainText(preview);
}

TemplateDialog *TemplatePickerPanel::startDialog(int mode, const core::Template &initial)
{
    auto *dialog = new TemplateDialog(TemplateDialog::Mode(mode), initial, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QObject::destroyed, this, [this, dialog] {
        if (m_dialog == dialog)
            m_dialog = nullptr;
        updateButtons();
    });
    updateButtons();
    dialog->open();
    return dialog;
}

void TemplatePickerPanel::promptSaveAsTemplate(const core::AgentConfig &content)
{
    if (!m_mayEdit || m_dialog)
        return;
    TemplateDialog *dialog = startDialog(int(TemplateDialog::Mode::Save), core::Template{});
    dialog->offerSharing(m_service->actor().isGlobalAdmin());
    connect(dialog, &TemplateDialog::submitted, this, [this, dialog, content] {
        saveAsTemplate(content, dialog->name(), dialog->description(),
                       dialog->sharedWithEveryCompany());
    });
}

void TemplatePickerPanel::saveAsTemplate(const core::AgentConfig &content, const QString &name,
                                         const QString &description, bool sharedWithEveryCompany)
{
    if (!m_branch)
        return;
    const QString company = sharedWithEveryCompany ? QString() : m_branch->companyId;
    QPointer<TemplateDialog> dialog = m_dialog;
    if (dialog)
        dialog->setBusy(true);
    m_service->save(this, company, name, description, content,
                    [this, dialog](core::Result<core::Template> result) {
                        if (!closeDialogOnSaved(dialog, result))
                            return;
                        emit templateSaved(result->name);
                        reload();
                    });
}

bool TemplatePickerPanel::closeDialogOnSaved(TemplateDialog *dialog,
                                             const core::Result<core::Template> &result)
{
    if (dialog)
        dialog->setBusy(false);
    if (!result) {
        if (dialog)
            dialog->showError(errorText(result.error())); // the dialog keeps what was typed
        else
            emit failed(errorText(result.error()));
        return false;
    }
    if (dialog)
        dialog->accept();
    m_deleted.reset();
    m_undo->hide();
    m_selectNext = result.value();
    return true;
}

void TemplatePickerPanel::renameCurrent()
{
    if (const auto t = currentTemplate(); t && t->changeable && !m_dialog) {
        TemplateDialog *dialog = startDialog(int(TemplateDialog::Mode::Rename), *t);
        connect(dialog, &TemplateDialog::submitted, this,
                [this, original = *t] { submitChange(original); });
    }
}

void TemplatePickerPanel::editCurrent()
{
    if (const auto t = currentTemplate(); t && t->changeable && !m_dialog) {
        TemplateDialog *dialog = startDialog(int(TemplateDialog::Mode::Edit), *t);
        connect(dialog, &TemplateDialog::submitted, this,
                [this, original = *t] { submitChange(original); });
    }
}

void TemplatePickerPanel::submitChange(const core::Template &original)
{
    QPointer<TemplateDialog> dialog = m_dialog;
    if (!dialog)
        return;
    core::TemplateChange change;
    if (dialog->name() != original.name)
        change.name = dialog->name();
    if (dialog->mode() == TemplateDialog::Mode::Edit) {
        if (dialog->description() != original.description)
            change.description = dialog->description();
        if (dialog->config() != original.config)
            change.config = dialog->config();
    }
    if (!change.name && !change.description && !change.config) {
        dialog->accept(); // nothing changed, nothing to write
        return;
    }
    dialog->setBusy(true);
    m_service->update(
        this, original, change, [this, dialog, original](core::Result<core::Template> result) {
            if (!closeDialogOnSaved(dialog, result))
                return;
            emit templateChanged(
                result->name != original.name
                    ? tr("Template \"%1\" renamed to \"%2\".").arg(original.name, result->name)
                    : tr("Template \"%1\" saved.").arg(result->name));
            reload();
        });
}

void TemplatePickerPanel::deleteCurrent()
{
    const auto t = currentTemplate();
    if (!t || !t->changeable || m_dialog || m_confirmation)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Template"),
                                tr("Delete the template \"%1\" (%2)?").arg(t->name, ownerText(*t)),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteTemplateConfirmation"));
    box->setInformativeText(tr("Versions deployed from it keep their content. You can undo this "
                               "until the next template change."));
    QPushButton *confirm = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmDeleteTemplateButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, confirm, tmpl = *t] {
        const bool confirmed = box->clickedButton() == confirm;
        m_confirmation = nullptr;
        updateButtons();
        if (confirmed)
            remove(tmpl);
    });
    updateButtons();
    box->open();
}

void TemplatePickerPanel::remove(const core::Template &tmpl)
{
    m_service->remove(this, tmpl, [this](core::Result<core::Template> result) {
        if (!result) {
            emit failed(errorText(result.error()));
            return;
        }
        const core::Template &tmpl = result.value();
        m_deleted = tmpl; // as it was stored, for undo
        m_undo->show();
        emit templateChanged(tr("Template \"%1\" deleted.").arg(tmpl.name));
        reload();
    });
}

void TemplatePickerPanel::undoDelete()
{
    if (!m_deleted)
        return;
    const core::Template tmpl = *m_deleted;
    m_service->save(this, tmpl.companyId, tmpl.name, tmpl.description, tmpl.config,
                    [this, tmpl](core::Result<core::Template> result) {
                        if (!result) {
                            emit failed(errorText(result.error()));
                            return;
                        }
                        m_deleted.reset();
                        m_undo->hide();
                        m_selectNext = result.value();
                        emit templateChanged(tr("Template \"%1\" restored.").arg(tmpl.name));
                        reload();
                    });
}

} // namespace retell::ui
