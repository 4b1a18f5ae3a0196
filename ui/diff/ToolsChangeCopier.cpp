#include "ToolsChangeCopier.h"

#include "DiffView.h"
#include "ToolsDiffTree.h"
#include "diff/ToolsPatch.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QTabWidget>

#include <Qsci/qsciscintilla.h>

namespace retell::ui {

using core::Side;

ToolsChangeCopier::ToolsChangeCopier(DiffView *view, QsciScintilla *editor, Side editSide,
                                     ChangeCopier::Wording wording)
    : QObject(view), m_view(view), m_tree(view->toolsTree()), m_editor(editor), m_editSide(editSide)
{
    const bool revert = wording == ChangeCopier::Wording::Revert;
    m_action =
        new QAction(revert ? tr("&Revert this tool change") : tr("&Take this tool change"), this);
    m_action->setObjectName(QStringLiteral("copyToolChangeAction"));
    m_action->setShortcut(
        QKeySequence(Qt::ALT | (editSide == Side::Right ? Qt::Key_Right : Qt::Key_Left)));
    m_action->setShortcutContext(Qt::WidgetShortcut);
    m_action->setToolTip((revert ? tr("Put the version's tool (or the selected JSON path) back in "
                                      "your edit (%1)")
                                 : tr("Copy the other side's tool (or the selected JSON path) into "
                                      "your edit (%1)"))
                             .arg(m_action->shortcut().toString(QKeySequence::NativeText)));
    // A button in the view's bar while the Tools tab shows. The key is taken
    // in the tree itself (eventFilter): as a shortcut it would be ambiguous
    // with the prompt copier's, which covers the view.
    view->addBarAction(m_action);
    m_tabs = view->findChild<QTabWidget *>();
    if (m_tabs)
        connect(m_tabs, &QTabWidget::currentChanged, this, &ToolsChangeCopier::updateAction);
    connect(m_action, &QAction::triggered, this, &ToolsChangeCopier::copySelected);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(150);
    connect(&m_refresh, &QTimer::timeout, this, &ToolsChangeCopier::refresh);
    connect(editor, &QsciScintilla::textChanged, &m_refresh, qOverload<>(&QTimer::start));
    connect(view, &DiffView::diffReady, this, &ToolsChangeCopier::updateAction);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ToolsChangeCopier::updateAction);
    m_tree->installEventFilter(this);
    m_tree->viewport()->installEventFilter(this);
    updateAction();
}

ToolsChangeCopier::~ToolsChangeCopier() = default;

void ToolsChangeCopier::detach()
{
    if (m_editor)
        m_editor->disconnect(&m_refresh);
    m_editor = nullptr;
    m_refresh.stop();
    updateAction();
}

bool ToolsChangeCopier::canCopy() const
{
    return m_editor && !m_editor->isReadOnly() && m_view->layout() && !m_view->isComputing() &&
           m_view->layout()->tools.ok();
}

void ToolsChangeCopier::updateAction()
{
    m_action->setVisible(m_editor && (!m_tabs || m_tabs->currentWidget() == m_tree));
    m_action->setEnabled(canCopy() && !m_tree->selectedChange().name.isEmpty());
}

void ToolsChangeCopier::copySelected()
{
    const ToolsDiffTree::ChangeRef ref = m_tree->selectedChange();
    copyChange(ref.name, ref.path);
}

bool ToolsChangeCopier::copyChange(const QString &name, const QString &path)
{
    if (!canCopy() || name.isEmpty())
        return false;
    const QString text = m_editor->text();
    if (text.toUtf8() != m_view->side(m_editSide).toolsJson) {
        refresh(); // typed, not diffed yet
        return false;
    }
    const QList<core::ToolChange> &changes = m_view->layout()->tools.changes;
    const auto change = std::find_if(changes.cbegin(), changes.cend(),
                                     [&](const core::ToolChange &c) { return c.name == name; });
    if (change == changes.cend())
        return false;
    const std::optional<QString> copied = core::copyToolChange(text, *change, m_editSide, path);
    if (!copied || *copied == text)
        return false;
    // Only the span that differs is replaced: the caret, the scroll position
    // and the undo history of the rest stay as they were.
    const QByteArray before = text.toUtf8();
    const QByteArray after = copied->toUtf8();
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    while (prefix > 0 && (before[prefix] & 0xc0) == 0x80) // never split a UTF-8 sequence
        --prefix;
    while (suffix > 0 && (before[before.size() - suffix] & 0xc0) == 0x80)
        --suffix;
    const QByteArray replacement = after.mid(prefix, after.size() - prefix - suffix);
    m_editor->beginUndoAction();
    m_editor->SendScintilla(QsciScintilla::SCI_SETTARGETRANGE, static_cast<unsigned long>(prefix),
                            long(before.size() - suffix));
    m_editor->SendScintilla(QsciScintilla::SCI_REPLACETARGET,
                            static_cast<unsigned long>(replacement.size()),
                            replacement.constData());
    m_editor->endUndoAction();
    m_tree->keepSelectionNear(name, path);
    refresh();
    emit this->copied(name, path);
    return true;
}

void ToolsChangeCopier::refresh()
{
    m_refresh.stop();
    if (!m_editor)
        return;
    core::DiffSide edit = m_view->side(m_editSide);
    edit.toolsJson = m_editor->text().toUtf8();
    if (edit.toolsJson != m_view->side(m_editSide).toolsJson)
        m_view->setSide(m_editSide, edit);
}

bool ToolsChangeCopier::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (!m_editor || QKeySequence(key->keyCombination()) != m_action->shortcut())
            return false;
        if (event->type() == QEvent::ShortcutOverride) {
            event->accept(); // a key press for the tree, not the view's shortcut
            return true;
        }
        copySelected();
        return true;
    }
    // The type before the tree: its viewport also sends events while the
    // tree is being destroyed, when m_tree is no longer a tree.
    if (event->type() != QEvent::ContextMenu || watched != m_tree->viewport() || !canCopy())
        return false;
    const auto *menuEvent = static_cast<QContextMenuEvent *>(event);
    QTreeWidgetItem *item = m_tree->itemAt(menuEvent->pos());
    if (!item)
        return false;
    m_tree->setCurrentItem(item);
    if (m_tree->selectedChange().name.isEmpty())
        return false;
    auto *menu = new QMenu(m_tree);
    menu->setObjectName(QStringLiteral("toolsDiffMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_action);
    menu->popup(menuEvent->globalPos());
    return true;
}

} // namespace retell::ui
