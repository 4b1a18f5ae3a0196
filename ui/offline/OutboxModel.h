#pragma once

#include "offline/Outbox.h"

#include <QAbstractTableModel>
#include <QHash>

namespace retell::ui {

// The operations queued in the outbox of the local replica, in push order:
// branch, kind, base version, state, attempts, why the last attempt failed
// (one plain sentence) and when it was made.
class OutboxModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxModel)

public:
    enum Column
    {
        BranchColumn,
        KindColumn,
        BaseColumn,
        StateColumn,
        AttemptsColumn,
        ErrorColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StateRole
    };

    explicit OutboxModel(QObject *parent = nullptr);
    ~OutboxModel() override;

    // Rows keep their place where the same operation is still queued.
    void setOperations(const QList<core::QueuedOperation> &operations);
    // Branch id -> name, for the Branch column (the id when unknown).
    void setBranchNames(const QHash<QString, QString> &names);
    const QList<core::QueuedOperation> &operations() const { return m_operations; }
    const core::QueuedOperation &operation(int row) const { return m_operations.at(row); }
    int rowOf(const QString &id) const;
    int count(core::QueuedOperation::State state) const;

    static QString kindText(core::QueuedOperation::Kind kind);
    static QString stateText(core::QueuedOperation::State state);
    // Why it did not apply, in a sentence for the admin (empty: not tried yet).
    static QString errorText(const core::QueuedOperation &operation);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<core::QueuedOperation> m_operations;
    QHash<QString, QString> m_branchNames;
};

} // namespace retell::ui
