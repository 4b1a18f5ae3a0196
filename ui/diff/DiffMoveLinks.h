#pragma once

#include "diff/DiffTypes.h"

#include <QObject>

namespace retell::ui {

class DiffView;

// The link between the two places of a moved paragraph in the side-by-side
// view: the arrow beside either place (DiffPane::MoveMargin) goes to the
// other one when clicked and says where it is when hovered.
class DiffMoveLinks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffMoveLinks)

public:
    explicit DiffMoveLinks(DiffView *view);
    ~DiffMoveLinks() override;

    // The row of the other place of the moved line shown at `row`, or -1.
    int otherPlace(core::Side side, int row) const;
    // "Moved to line 12 on the right" / "Moved here from line 3 on the left".
    QString description(core::Side side, int row) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    DiffView *m_view;
};

} // namespace retell::ui
