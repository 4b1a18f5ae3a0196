#pragma once

#include "audit/AuditLog.h"

#include <QAbstractTableModel>

namespace retell::ui {

// The audit log's entries, newest first as the service answers them: when,
// what, who, where, which version, and the details (notes, the grant, why
// something was refused).
class AuditModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditModel)

public:
    enum Column
    {
        AtColumn,
        KindColumn,
        UserColumn,
        CompanyColumn,
        BranchColumn,
        VersionColumn,
        DetailsColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        KindRole, // int(core::AuditKind)
        HasDiffRole
    };

    explicit AuditModel(QObject *parent = nullptr);
    ~AuditModel() override;

    void setEntries(const QList<core::AuditEntry> &entries);
    const QList<core::AuditEntry> &entries() const { return m_entries; }
    const core::AuditEntry &entry(int row) const { return m_entries.at(row); }

    static QString kindText(core::AuditKind kind);
    static QString detailsText(const core::AuditEntry &entry);
    // An entry that wrote a version has a diff: that version against the one before.
    static bool hasDiff(const core::AuditEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const core::AuditEntry &entry, Column column) const;

    QList<core::AuditEntry> m_entries;
};

} // namespace retell::ui
