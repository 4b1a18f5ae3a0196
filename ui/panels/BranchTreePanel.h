#pragma once

#include "domain/Types.h"
#include "panels/RetellMark.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <optional>

class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace retell::ui {

// Companies → branches the user may see, each with its active version,
// validation status, an unsaved-draft marker and how many operations wait in
// the outbox; a filter narrows by name.
class BranchTreePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BranchTreePanel)

public:
    enum Column
    {
        NameColumn,
        VersionColumn,
        ColumnCount
    };
    enum Role
    {
        BranchIdRole = Qt::UserRole + 1
    };

    explicit BranchTreePanel(QWidget *parent = nullptr);
    ~BranchTreePanel() override;

    // Replaces the tree; keeps the current branch selected when it still exists.
    void setBranches(const QList<core::Branch> &branches);
    void setDraftBranches(const QSet<QString> &branchIds);
    void setHasDraft(const QString &branchId, bool hasDraft);
    bool hasDraft(const QString &branchId) const { return m_drafts.contains(branchId); }
    // Operations queued offline per branch (issue 12): a marker on the branch.
    void setQueuedCounts(const QHash<QString, int> &counts);
    int queuedCount(const QString &branchId) const { return m_queued.value(branchId); }

    // Retell's state of a linked branch (issue 15): a short marker after the
    // version ("drift") with its sentence as the tool tip; empty text: none.
    void setRetellMarks(const QHash<QString, RetellMark> &marks);
    RetellMark retellMark(const QString &branchId) const { return m_retell.value(branchId); }

    // Commands on the open branch, offered in its context menu too.
    void addBranchAction(QAction *action) { m_branchActions << action; }

    bool selectBranch(const QString &branchId);
    std::optional<core::Branch> currentBranch() const;
    std::optional<core::Branch> branch(const QString &branchId) const;
    QList<core::Branch> branches() const { return m_branches; }

    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    void focusFilter();

signals:
    void branchSelected(const core::Branch &branch);
    // Context menu: compare this branch's active version with the current one's.
    void compareWithCurrentRequested(const core::Branch &other);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onCurrentChanged();
    void showContextMenu(const QPoint &pos);
    void updateBranchItem(const QString &branchId);
    QStandardItem *itemFor(const QString &branchId) const;

    QLineEdit *m_filter = nullptr;
    QTreeView *m_view = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QList<core::Branch> m_branches;
    QHash<QString, QStandardItem *> m_items; // branch id → name item
    QSet<QString> m_drafts;
    QHash<QString, int> m_queued;
    QHash<QString, RetellMark> m_retell;
    QList<QAction *> m_branchActions;
    QString m_currentId;
    bool m_rebuilding = false;
};

} // namespace retell::ui
