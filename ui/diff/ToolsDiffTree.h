#pragma once

#include "diff/ToolsDiff.h"

#include <QTreeWidget>

namespace retell::ui {

// Tools diff as a tree: one row per added/removed/changed tool, the changed
// JSON paths below it with old and new values.
class ToolsDiffTree final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolsDiffTree)

public:
    enum Column { NameColumn, OldColumn, NewColumn };

    explicit ToolsDiffTree(QWidget *parent = nullptr);
    ~ToolsDiffTree() override;

    void setToolsDiff(const core::ToolsDiff &diff);
};

} // namespace retell::ui
