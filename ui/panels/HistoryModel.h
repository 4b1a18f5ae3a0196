#pragma once

#include "common/Result.h"
#include "domain/Types.h"
#include "offline/Outbox.h"
#include "panels/RetellMark.h"
#include "versions/VersionService.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>

namespace retell::ui {

// A branch's version history, newest first, fetched page by page as the view
// scrolls (keyset pages through VersionService::history), with no cap. Above
// the versions: the branch's operations queued offline (issue 12), as
// pending rows without a version number (not selectable).
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column
    {
        VersionColumn,
        ActiveColumn,
        RetellColumn, // issue 15: live in Retell, pending, rejected, …
        TemplateColumn,
        StatusColumn,
        DeployedByColumn,
        DeployedAtColumn,
        NotesColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        VersionRole,
        ActiveRole,
        PendingRole // true on a queued operation's row
    };

    using PageCallback = std::function<void(core::Result<core::HistoryPage>)>;
    // Asks for the rows older than beforeVersion (0 = newest) and calls back
    // later, on the GUI thread.
    using PageLoader =
        std::function<void(const QString &branchId, int beforeVersion, PageCallback callback)>;

    explicit HistoryModel(QObject *parent = nullptr);
    ~HistoryModel() override;

    void setPageLoader(PageLoader loader) { m_loader = std::move(loader); }
    // Clears the rows and starts fetching the newest page of branchId.
    void setBranch(const QString &branchId);
    void reload() { setBranch(m_branchId); }
    QString branchId() const { return m_branchId; }

    // Operations queued offline, of every branch; the current branch's show on top.
    void setPendingOperations(const QList<core::QueuedOperation> &operations);
    // The Retell column per version of the current branch; versions without
    // an entry show `otherwise` ("—" on a linked branch, empty on others).
    void setRetellMarks(const QString &branchId, const QHash<int, RetellMark> &byVersion,
                        const QString &otherwise);
    int pendingCount() const { return int(m_pending.size()); }
    bool isPendingRow(int row) const { return row < m_pending.size(); }
    const core::QueuedOperation &pendingOperation(int row) const { return m_pending.at(row); }

    // row: a version's row (not a pending one).
    const core::VersionSummary &summary(int row) const { return m_rows.at(row - m_pending.size()); }
    int rowOfVersion(int version) const;
    std::optional<int> activeVersion() const;
    bool isFetching() const { return m_fetching; }
    int totalVersions() const { return m_total; }

    // deployment_notes in this UI's language: the notes the app writes itself
    // are stored in English and rendered here.
    static QString notesText(const QString &stored);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void pageLoaded();
    void loadFailed(const QString &message);

private:
    void updatePending();
    QVariant pendingData(const core::QueuedOperation &op, Column column, int role) const;

    QList<core::QueuedOperation> m_allPending;
    QList<core::QueuedOperation> m_pending; // the current branch's, in push order
    QList<core::VersionSummary> m_rows;
    QHash<int, RetellMark> m_retell;
    QString m_retellOtherwise;
    PageLoader m_loader;
    QString m_branchId;
    quint64 m_generation = 0; // pages of an earlier branch are dropped
    bool m_fetching = false;
    bool m_hasMore = false;
    int m_total = 0;
};

} // namespace retell::ui
