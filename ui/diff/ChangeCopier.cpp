#include "ChangeCopier.h"

#include "DiffPane.h"
#include "DiffView.h"
#include "ToolsDiffTree.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QMenu>
#include <QTabWidget>

namespace retell::ui {

using core::Side;

namespace {

// Lines [start, start + count) a change block covers on one side; an empty
// range sits before the next line that side has.
struct LineSpan
{
    int start = 0;
    int count = 0;
};

LineSpan blockLines(const core::LineDiff &diff, const ChangeBlock &block, Side side)
{
    for (int row = block.firstRow; row < block.firstRow + block.rowCount; ++row) {
        if (!diff.rows.at(row).hasLine(side))
            continue;
        LineSpan span{diff.rows.at(row).line[side], 0};
        for (; row < block.firstRow + block.rowCount; ++row)
            span.count += diff.rows.at(row).hasLine(side) ? 1 : 0;
        return span;
    }
    for (int row = block.firstRow + block.rowCount; row < diff.rows.size(); ++row) {
        if (diff.rows.at(row).hasLine(side))
            return {diff.rows.at(row).line[side], 0};
    }
    return {diff.lineCount(side), 0};
}

QByteArrayView spanBytes(const core::LineTable &lines, LineSpan span)
{
    const qsizetype from = lines.starts.value(span.start, lines.bytes.size());
    const qsizetype to = lines.starts.value(span.start + span.count, lines.bytes.size());
    return QByteArrayView(lines.bytes).sliced(from, to - from);
}

} // namespace

ChangeCopier::ChangeCopier(DiffView *view, QsciScintilla *editor, Side editSide, Wording wording)
    : QObject(view), m_view(view), m_editor(editor), m_editSide(editSide), m_wording(wording)
{
    m_action = new QAction(
        wording == Wording::Revert ? tr("&Revert this change") : tr("&Take this change"), this);
    m_action->setObjectName(QStringLiteral("copyChangeAction"));
    m_action->setShortcut(shortcut());
    m_action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_action->setToolTip(
        (wording == Wording::Revert
             ? tr("Put the version's text back in your edit for the current change (%1)")
             : tr("Copy the other side's text into your edit for the current change (%1)"))
            .arg(shortcut().toString(QKeySequence::NativeText)));
    view->addAction(m_action);
    view->addBarAction(m_action);
    connect(m_action, &QAction::triggered, this, [this] { copyChange(currentChange()); });

    // The comparison follows the editor; typing is diffed once it pauses.
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(150);
    connect(&m_refresh, &QTimer::timeout, this, &ChangeCopier::refresh);
    connect(editor, &QsciScintilla::textChanged, &m_refresh, qOverload<>(&QTimer::start));
    connect(view, &DiffView::diffReady, this, &ChangeCopier::markChanges);
    connect(view, &DiffView::currentChangeChanged, this,
            [this] { m_action->setEnabled(canCopy() && currentChange() >= 0); });
    const Side other = core::opposite(editSide);
    connect(view->pane(other), &QsciScintilla::marginClicked, this,
            [this](int margin, int row, Qt::KeyboardModifiers) {
                if (margin == DiffPane::CopyMargin)
                    copyChange(changeAtRow(row));
            });
    for (const Side side : core::bothSides)
        view->pane(side)->viewport()->installEventFilter(this);
    // Its button shows with the prompt; the Tools tab has its own.
    m_tabs = view->findChild<QTabWidget *>();
    if (m_tabs)
        connect(m_tabs, &QTabWidget::currentChanged, this, &ChangeCopier::markChanges);
    markChanges();
}

ChangeCopier::~ChangeCopier() = default;

QKeySequence ChangeCopier::shortcut() const
{
    return QKeySequence(Qt::ALT | (m_editSide == Side::Right ? Qt::Key_Right : Qt::Key_Left));
}

void ChangeCopier::detach()
{
    if (m_editor)
        m_editor->disconnect(&m_refresh);
    m_editor = nullptr;
    m_refresh.stop();
    markChanges();
}

bool ChangeCopier::canCopy() const
{
    return m_editor && !m_editor->isReadOnly() && m_view->layout() && !m_view->isComputing();
}

int ChangeCopier::currentChange() const
{
    if (m_view->currentChange() >= 0)
        return m_view->currentChange();
    int line = 0, index = 0;
    m_view->pane(m_editSide)->getCursorPosition(&line, &index);
    return changeAtRow(line);
}

int ChangeCopier::changeAtRow(int row) const
{
    const DiffLayout *layout = m_view->layout();
    if (!layout)
        return -1;
    for (int i = 0; i < layout->blocks.size(); ++i) {
        const ChangeBlock &block = layout->blocks.at(i);
        if (row >= block.firstRow && row < block.firstRow + block.rowCount)
            return i;
    }
    return -1;
}

void ChangeCopier::markChanges()
{
    QList<int> rows;
    if (canCopy()) {
        for (const ChangeBlock &block : m_view->layout()->blocks)
            rows.append(block.firstRow);
    }
    m_view->pane(core::opposite(m_editSide))->setCopyMarks(rows, m_editSide);
    m_action->setEnabled(canCopy() && currentChange() >= 0);
    m_action->setVisible(m_editor && (!m_tabs || m_tabs->currentWidget() != m_view->toolsTree()));
}

bool ChangeCopier::copyChange(int index)
{
    if (!canCopy())
        return false;
    const DiffLayout *layout = m_view->layout();
    const QByteArray text = m_editor->text().toUtf8();
    if (text != layout->diff.lines[m_editSide].bytes) {
        refresh(); // an edit not diffed yet: the rows would not match the editor
        return false;
    }
    if (index < 0 || index >= layout->blocks.size())
        return false;
    const ChangeBlock &block = layout->blocks.at(index);
    const Side other = core::opposite(m_editSide);
    const LineSpan from = blockLines(layout->diff, block, other);
    const LineSpan to = blockLines(layout->diff, block, m_editSide);
    const QByteArray replacement = spanBytes(layout->diff.lines[other], from).toByteArray();
    const core::LineTable &editLines = layout->diff.lines[m_editSide];
    const qsizetype start = editLines.starts.value(to.start, text.size());
    const qsizetype end = editLines.starts.value(to.start + to.count, text.size());
    const int top = m_view->pane(m_editSide)->firstVisibleRow();
    m_editor->beginUndoAction();
    m_editor->SendScintilla(QsciScintilla::SCI_SETTARGETRANGE, static_cast<unsigned long>(start),
                            long(end));
    m_editor->SendScintilla(QsciScintilla::SCI_REPLACETARGET,
                            static_cast<unsigned long>(replacement.size()),
                            replacement.constData());
    m_editor->endUndoAction();
    refresh();
    m_view->pane(m_editSide)->setFirstVisibleRow(top);
    emit copied(index);
    return true;
}

void ChangeCopier::refresh()
{
    m_refresh.stop();
    if (!m_editor)
        return;
    core::DiffSide edit = m_view->side(m_editSide);
    edit.prompt = m_editor->text().toUtf8();
    if (edit.prompt != m_view->side(m_editSide).prompt)
        m_view->setSide(m_editSide, edit);
}

bool ChangeCopier::eventFilter(QObject *watched, QEvent *event)
{
    // The type first: the view's panes also send events while it is being
    // destroyed, when m_view is no longer a DiffView (see DiffMoveLinks).
    if (event->type() != QEvent::ContextMenu)
        return false;
    DiffPane *pane = m_view->paneOfViewport(watched);
    if (!pane || !canCopy())
        return false;
    const auto *menuEvent = static_cast<QContextMenuEvent *>(event);
    const int index = changeAtRow(pane->rowAt(menuEvent->pos().y()));
    if (index < 0)
        return false;
    QMenu *menu = pane->createStandardContextMenu();
    menu->setObjectName(QStringLiteral("diffPaneMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addSeparator();
    QAction *copy = menu->addAction(m_action->text(), this, [this, index] { copyChange(index); });
    copy->setShortcut(m_action->shortcut());
    menu->popup(menuEvent->globalPos());
    return true;
}

} // namespace retell::ui
