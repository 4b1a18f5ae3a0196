#pragma once

#include "fleet/FleetService.h"
#include "panels/RetellMark.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

namespace retell::ui {

// Every branch the admin may see, one row each (issue 13 §1): company,
// branch, active version, its template, deployed at and by, validation
// status, estimated tokens, drift from the reference, and markers for a
// local draft and operations queued offline. Filled at once from
// FleetService::rows (a thousand rows are cheap); sorted and filtered
// through FleetFilter.
class FleetModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetModel)

public:
    enum Column
    {
        CompanyColumn,
        BranchColumn,
        VersionColumn,
        TemplateColumn,
        DeployedAtColumn,
        DeployedByColumn,
        StatusColumn,
        TokensColumn,
        DriftColumn,
        RetellColumn, // issue 15: live, not live yet, dashboard edit, not linked
        LocalColumn,  // draft and queued markers
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        BranchIdRole,
        CompanyIdRole,
        TemplateRole,
        StatusRole, // int(core::ValidationStatus); -1 with nothing deployed
        DriftRole,  // lines + tools changed; -1 without a reference
        DraftRole,  // bool
        QueuedRole, // int
        FilterTextRole
    };

    explicit FleetModel(QObject *parent = nullptr);
    ~FleetModel() override;

    void setRows(const QList<core::FleetRow> &rows);
    const QList<core::FleetRow> &rows() const { return m_rows; }
    const core::FleetRow &row(int row) const { return m_rows.at(row); }
    int rowOfBranch(const QString &branchId) const;

    void setDraftBranches(const QSet<QString> &branchIds);
    void setQueuedCounts(const QHash<QString, int> &counts);
    // Retell's state per branch (issue 15); branches without one show nothing.
    void setRetellMarks(const QHash<QString, RetellMark> &marks);

    // "12 lines, 1 tool" / "same" / "" (no reference).
    static QString driftText(const core::FleetRow &row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const core::FleetRow &row, Column column) const;
    QVariant sortKey(const core::FleetRow &row, Column column) const;
    QString localText(const QString &branchId) const;
    void markersChanged();

    QList<core::FleetRow> m_rows;
    QSet<QString> m_drafts;
    QHash<QString, int> m_queued;
    QHash<QString, RetellMark> m_retell;
};

} // namespace retell::ui
