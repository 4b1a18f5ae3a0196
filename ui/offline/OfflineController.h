#pragma once

#include "async/Task.h"
#include "offline/OfflineStatus.h"
#include "offline/Outbox.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace retell::ui {

class ServiceWorker;
class Session;

// Online, offline and between (issue 12 §5): goes offline by itself when
// the server is lost (a service call answered "unreachable" or the periodic
// probe failed) or when the admin chooses Work Offline; comes back when the
// probe reaches the server again, then syncs. The sync (push the outbox, then
// pull), the probe and the outbox changes run on a worker thread of their
// own, with their own connections. The session runs every other service on
// the replica while offline.
class OfflineController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfflineController)

public:
    // session must have a replica (Session::setReplica).
    explicit OfflineController(Session *session, QObject *parent = nullptr);
    ~OfflineController() override;

    // How often the server is probed while online and while offline.
    void setProbeIntervals(int onlineMs, int offlineMs);
    // Reads the outbox, starts probing and (online) syncs: the first fill of a new replica.
    void start();

    // The last sync of an earlier session (the indicator's "last sync").
    void setLastSync(const QDateTime &utc);
    const OfflineStatus &status() const { return m_status; }
    // Offline because the server was lost, and text is how a call or the
    // probe said so: the status and "working offline" already tell it.
    bool saysServerLost(const QString &text) const;
    const QList<core::QueuedOperation> &operations() const { return m_operations; }
    bool isSyncing() const { return m_status.mode == OfflineStatus::Mode::Syncing; }
    // The operations queued for a branch (pending rows in the history).
    QList<core::QueuedOperation> operationsOf(const QString &branchId) const;

public slots:
    void setWorkOffline(bool chosen);
    // Push, then pull, with progress; nothing when offline or already syncing.
    void sync();
    void cancelSync();
    void refreshOutbox();
    // A refused operation goes back to pending and is pushed now.
    void retry(const QString &id);
    void drop(const QString &id);
    void restore(const core::QueuedOperation &operation);
    // A conflict merged: the result, based on the active version it was
    // merged with, is pending again and pushed now.
    void resolve(const QString &id, const core::AgentConfig &merged, int baseVersion);
    // A service call found the server gone.
    void serverLost();
    void probe();

signals:
    void statusChanged(const retell::ui::OfflineStatus &status);
    // The session switched between server and replica: what is shown is reread.
    void modeChanged(bool offline);
    void operationsChanged(const QList<retell::core::QueuedOperation> &operations);
    void progressChanged(const retell::ui::TaskProgress &progress);
    // After a sync that changed something (what the panels show is reread).
    void synced();
    // A sync finished whole at this time (UTC).
    void lastSyncChanged(const QDateTime &utc);
    void message(const QString &text);
    void failed(const QString &text);

private:
    struct SyncOutcome;
    void setMode(OfflineStatus::Mode mode);
    void goOffline(bool chosen);
    void goOnline();
    void onSynced(const SyncOutcome &outcome);
    void setOperations(const QList<core::QueuedOperation> &operations);
    // Runs an outbox change on the worker; then the outbox is read again.
    void changeOutbox(std::function<core::Result<void>(const core::Outbox &)> change,
                      bool thenSync);
    void updateProbeTimer();

    Session *m_session;
    ServiceWorker *m_worker;
    QTimer m_probeTimer;
    TaskHandle m_sync;
    OfflineStatus m_status;
    QSet<QString> m_lostMessages; // how calls and the probe said the server was lost
    QList<core::QueuedOperation> m_operations;
    int m_onlineProbeMs = 15000;
    int m_offlineProbeMs = 5000;
    bool m_probing = false;
    bool m_syncAfterProbe = false;
};

} // namespace retell::ui
