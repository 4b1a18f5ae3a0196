#pragma once

#include "diff/ToolsDiff.h"

#include <QTreeWidget>

#include <optional>

namespace retell::ui {

// Tools diff as a tree: one row per added/removed/changed tool, the changed
// JSON paths below it with old and new values.
class ToolsDiffTree final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolsDiffTree)

public:
    enum Column
    {
        NameColumn,
        OldColumn,
        NewColumn
    };

    explicit ToolsDiffTree(QWidget *parent = nullptr);
    ~ToolsDiffTree() override;

    void setToolsDiff(const core::ToolsDiff &diff);

    // The change the current row shows: a tool's key, and the JSON path for
    // a row below a changed tool. Empty on rows that show no change.
    struct ChangeRef
    {
        QString name;
        QString path;
    };
    ChangeRef selectedChange() const;
    // After the next setToolsDiff the current row is that change's, or the
    // row that took its place (a copied change is gone from the diff).
    void keepSelectionNear(const QString &name, const QString &path);

private:
    enum Role
    {
        NameRole = Qt::UserRole,
        PathRole
    };
    void restoreSelection();

    std::optional<ChangeRef> m_keep;
    int m_keepTopRow = -1;
    int m_keepChildRow = -1;
};

} // namespace retell::ui
