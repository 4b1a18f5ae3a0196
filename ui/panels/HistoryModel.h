#pragma once

#include "common/Result.h"
#include "domain/Types.h"
#include "versions/VersionService.h"

#include <QAbstractTableModel>

#include <functional>

namespace retell::ui {

// A branch's version history, newest first, fetched page by page as the view
// scrolls (keyset pages through VersionService::history), with no cap.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column
    {
        VersionColumn,
        ActiveColumn,
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
        ActiveRole
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

    const core::VersionSummary &summary(int row) const { return m_rows.at(row); }
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
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void pageLoaded();
    void loadFailed(const QString &message);

private:
    QList<core::VersionSummary> m_rows;
    PageLoader m_loader;
    QString m_branchId;
    quint64 m_generation = 0; // pages of an earlier branch are dropped
    bool m_fetching = false;
    bool m_hasMore = false;
    int m_total = 0;
};

} // namespace retell::ui
