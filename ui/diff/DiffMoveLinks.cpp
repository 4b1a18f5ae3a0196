#include "DiffMoveLinks.h"

#include "DiffPane.h"
#include "DiffView.h"

#include <QHelpEvent>
#include <QToolTip>

namespace retell::ui {

using core::Side;

DiffMoveLinks::DiffMoveLinks(DiffView *view) : QObject(view), m_view(view)
{
    for (const Side side : core::bothSides) {
        DiffPane *pane = view->pane(side);
        pane->viewport()->installEventFilter(this);
        connect(pane, &QsciScintilla::marginClicked, this,
                [this, side](int margin, int row, Qt::KeyboardModifiers) {
                    if (margin != DiffPane::MoveMargin)
                        return;
                    const int target = otherPlace(side, row);
                    if (target >= 0)
                        m_view->goToRow(target);
                });
    }
}

DiffMoveLinks::~DiffMoveLinks() = default;

int DiffMoveLinks::otherPlace(Side side, int row) const
{
    const DiffLayout *layout = m_view->layout();
    if (!layout || row < 0 || row >= layout->diff.rows.size() || layout->rowMove[side].at(row) < 0)
        return -1;
    const int line = layout->diff.rows.at(row).line[side];
    return layout->rowOfLine(core::opposite(side), layout->moves.counterpart(side, line));
}

QString DiffMoveLinks::description(Side side, int row) const
{
    const int target = otherPlace(side, row);
    if (target < 0)
        return {};
    const DiffLayout *layout = m_view->layout();
    const int move = layout->rowMove[side].at(row);
    const int otherLine = layout->diff.rows.at(target).line[core::opposite(side)] + 1;
    const bool changed = !layout->moves.moves.at(move).identical();
    QString text = side == Side::Left ? tr("Moved to line %1 on the right").arg(otherLine)
                                      : tr("Moved here from line %1 on the left").arg(otherLine);
    if (changed)
        text += tr(", with changes");
    return text + tr(" (click to go there)");
}

bool DiffMoveLinks::eventFilter(QObject *watched, QEvent *event)
{
    // The type first: the panes' viewports also send events while the view
    // is being destroyed, when m_view is no longer a DiffView (UBSan: "member
    // call ... which does not point to an object of type 'DiffView'").
    if (event->type() != QEvent::ToolTip)
        return false;
    Side side = Side::Left;
    DiffPane *pane = m_view->paneOfViewport(watched, &side);
    if (!pane)
        return false;
    const auto *help = static_cast<QHelpEvent *>(event);
    if (pane->marginAt(help->pos().x()) != DiffPane::MoveMargin)
        return false;
    const QString text = description(side, pane->rowAt(help->pos().y()));
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, pane->viewport());
    return true;
}

} // namespace retell::ui
