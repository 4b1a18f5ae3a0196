#pragma once

#include "merge/ToolsMerge.h"

#include <QWidget>

class QComboBox;
class QTreeWidget;

namespace retell::ui {

// The tools tab of the merge window: one row per conflicting tool or JSON
// path with the three values and a choice, and the list of changes taken
// from each side (nothing is merged silently).
class ToolsMergePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolsMergePane)

public:
    explicit ToolsMergePane(QWidget *parent = nullptr);
    ~ToolsMergePane() override;

    void setMerge(const core::ToolsMerge &merge);
    void choose(int conflict, core::ConflictChoice choice);
    int conflictsLeft() const;
    // The merged tools as canonical JSON, conflicts resolved as chosen.
    QByteArray resultJson() const;

    QTreeWidget *conflictTree() const { return m_conflicts; }
    QTreeWidget *changeTree() const { return m_changes; }

signals:
    void resultChanged();

private:
    core::ToolsMerge m_merge;
    QList<core::ConflictChoice> m_choices;
    QList<QComboBox *> m_boxes;
    QTreeWidget *m_conflicts = nullptr;
    QTreeWidget *m_changes = nullptr;
};

} // namespace retell::ui
