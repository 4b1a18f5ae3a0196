#include "offline/OfflineController.h"

#include "db/Database.h"
#include "offline/Sync.h"
#include "services/DisplayText.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"

namespace retell::ui {

namespace {

// A cheap question on the worker's own connection: is the server there?
core::Result<void> probeServer(const core::ConnectionSpec &server)
{
    auto db = core::Database::connection(server);
    if (!db)
        return db.error();
    auto q = core::Database::exec(*db, QStringLiteral("SELECT 1"));
    if (!q) {
        core::Database::dropConnection(server);
        return q.error();
    }
    q->finish();
    return {};
}

} // namespace

struct OfflineController::SyncOutcome
{
    std::optional<core::Result<core::SyncReport>> report;
    bool serverLost = false; // the push stopped because the server went away
};

OfflineController::OfflineController(Session *session, QObject *parent)
    : QObject(parent), m_session(session), m_worker(new ServiceWorker(this))
{
    Q_ASSERT(session->hasReplica());
    m_status.hasReplica = true;
    m_status.mode =
        session->isOffline() ? OfflineStatus::Mode::Offline : OfflineStatus::Mode::Online;
    m_probeTimer.setSingleShot(false);
    connect(&m_probeTimer, &QTimer::timeout, this, &OfflineController::probe);
    m_session->setErrorObserver([this](const core::Error &error) {
        if (core::isServerLost(error)) {
            m_lostMessages.insert(error.message);
            serverLost();
        }
    });
}

OfflineController::~OfflineController()
{
    m_session->setErrorObserver({});
}

void OfflineController::setProbeIntervals(int onlineMs, int offlineMs)
{
    m_onlineProbeMs = onlineMs;
    m_offlineProbeMs = offlineMs;
    updateProbeTimer();
}

void OfflineController::setLastSync(const QDateTime &utc)
{
    m_status.lastSync = utc;
    emit statusChanged(m_status);
}

void OfflineController::start()
{
    refreshOutbox();
    updateProbeTimer();
    if (m_status.mode == OfflineStatus::Mode::Online)
        sync();
}

QList<core::QueuedOperation> OfflineController::operationsOf(const QString &branchId) const
{
    QList<core::QueuedOperation> list;
    for (const core::QueuedOperation &op : m_operations) {
        if (op.branchId == branchId)
            list << op;
    }
    return list;
}

void OfflineController::setMode(OfflineStatus::Mode mode)
{
    m_status.mode = mode;
    updateProbeTimer();
    emit statusChanged(m_status);
}

void OfflineController::updateProbeTimer()
{
    // Work Offline means no traffic at all until the admin goes online again.
    if (m_status.chosen) {
        m_probeTimer.stop();
        return;
    }
    const int interval = m_status.isOffline() ? m_offlineProbeMs : m_onlineProbeMs;
    if (!m_probeTimer.isActive() || m_probeTimer.interval() != interval)
        m_probeTimer.start(interval);
}

void OfflineController::goOffline(bool chosen)
{
    const bool wasOffline = m_status.isOffline();
    m_status.chosen = chosen;
    if (isSyncing())
        m_sync.cancel();
    m_session->setOffline(true);
    setMode(OfflineStatus::Mode::Offline);
    if (!wasOffline)
        emit modeChanged(true);
    if (!chosen && !wasOffline)
        emit failed(tr("The server cannot be reached, so you are working offline: deploys wait "
                       "in the outbox until it is back."));
}

void OfflineController::goOnline()
{
    const bool wasOffline = m_status.isOffline();
    m_status.chosen = false;
    m_session->setOffline(false);
    setMode(OfflineStatus::Mode::Online);
    if (wasOffline)
        emit modeChanged(false);
}

void OfflineController::setWorkOffline(bool chosen)
{
    if (chosen) {
        goOffline(true);
        return;
    }
    if (!m_status.isOffline())
        return;
    // Back online only once the server answers; then the outbox goes out.
    m_status.chosen = false;
    m_syncAfterProbe = true;
    updateProbeTimer();
    emit statusChanged(m_status);
    probe();
}

bool OfflineController::saysServerLost(const QString &text) const
{
    return m_status.isOffline() && !m_status.chosen && m_lostMessages.contains(text);
}

void OfflineController::serverLost()
{
    if (m_status.mode == OfflineStatus::Mode::Online)
        goOffline(false);
}

void OfflineController::probe()
{
    if (m_probing || isSyncing() || m_status.chosen)
        return;
    m_probing = true;
    m_worker->run(
        this, [server = m_session->serverContext().spec] { return probeServer(server); },
        [this](core::Result<void> reached) {
            m_probing = false;
            const bool syncNow = std::exchange(m_syncAfterProbe, false);
            if (m_status.chosen)
                return; // Work Offline was chosen meanwhile
            if (!reached && core::isServerLost(reached.error())) {
                m_lostMessages.insert(errorText(reached.error()));
                if (syncNow)
                    emit failed(tr("The server still cannot be reached; you keep working "
                                   "offline."));
                serverLost();
                return;
            }
            if (!reached) {
                // The server answers but refuses us (password, grants): nothing
                // is pushed and nothing queued is dropped.
                if (m_status.isOffline() && syncNow)
                    emit failed(tr("The server refused the connection, so nothing was sent; "
                                   "everything queued stays in the outbox. %1")
                                    .arg(errorText(reached.error())));
                return;
            }
            if (m_status.isOffline()) {
                goOnline();
                emit message(tr("The server is back; sending what waits in the outbox."));
                sync();
            } else if (syncNow) {
                sync();
            }
        });
}

void OfflineController::sync()
{
    if (m_status.mode != OfflineStatus::Mode::Online)
        return;
    const bool firstFill = !m_status.lastSync.isValid();
    setMode(OfflineStatus::Mode::Syncing);
    const QString label = firstFill ? tr("Updating the local copy…") : tr("Syncing…");
    emit progressChanged(TaskProgress{0, 0, label});
    m_sync = m_worker->run(
        this,
        [server = m_session->serverContext(), replica = m_session->replicaContext(),
         actor = m_session->actor(), label](const TaskControl &control) {
            const auto report = control.progressCallback();
            const core::PullProgress progress{
                [report, label](qint64 done, qint64 total) { report(done, total, label); },
                control.cancelCheck()};
            SyncOutcome outcome;
            outcome.report = core::Sync(server, replica).run(actor, progress);
            const core::Result<core::SyncReport> &r = *outcome.report;
            if (!r || r->push.stopped) {
                const auto reached = probeServer(server.spec);
                outcome.serverLost = !reached && core::isServerLost(reached.error());
            }
            return outcome;
        },
        [this](const SyncOutcome &outcome) { onSynced(outcome); });
    m_sync.onProgress([this](const TaskProgress &p) { emit progressChanged(p); });
    m_sync.onCancelled([this] {
        if (isSyncing())
            setMode(OfflineStatus::Mode::Online);
        emit message(tr("Sync cancelled; what it brought so far is kept."));
        refreshOutbox();
    });
}

void OfflineController::cancelSync()
{
    if (isSyncing())
        m_sync.cancel();
}

void OfflineController::onSynced(const SyncOutcome &outcome)
{
    setMode(OfflineStatus::Mode::Online);
    refreshOutbox();
    const core::Result<core::SyncReport> &report = *outcome.report;
    if (outcome.serverLost || (!report && core::isServerLost(report.error()))) {
        goOffline(false);
        return;
    }
    if (!report) {
        emit failed(errorText(report.error()));
        return;
    }
    const core::PushReport &push = report->push;
    if (push.stopped) {
        // A bad password or revoked grants: stop, say so, keep everything.
        emit failed(tr("The server stopped the sync, so nothing more was sent; everything "
                       "queued stays in the outbox. %1")
                        .arg(push.stopReason));
        return;
    }
    if (report->pulled) {
        m_status.lastSync = m_session->serverContext().clock();
        emit lastSyncChanged(m_status.lastSync);
    }
    emit statusChanged(m_status);
    QStringList parts;
    if (const int applied = push.applied + push.replayed; applied > 0)
        parts << tr("%n queued operation(s) applied", nullptr, applied);
    if (push.conflicts > 0)
        parts << tr("%n conflict(s) to merge in the outbox", nullptr, push.conflicts);
    if (push.refused > 0)
        parts << tr("%n refused by the server", nullptr, push.refused);
    if (!parts.isEmpty())
        emit message(tr("Synced: %1.").arg(parts.join(QStringLiteral(", "))));
    const core::PullReport &pull = report->pull;
    if (!parts.isEmpty() || pull.versionsAdded > 0 || pull.activeChanged > 0 ||
        pull.branchesRemoved > 0)
        emit synced();
}

void OfflineController::refreshOutbox()
{
    m_worker->run(
        this,
        [replica = m_session->replicaContext()] { return core::Outbox(replica).operations(); },
        [this](core::Result<QList<core::QueuedOperation>> operations) {
            if (!operations) {
                emit failed(errorText(operations.error()));
                return;
            }
            setOperations(operations.value());
        });
}

void OfflineController::setOperations(const QList<core::QueuedOperation> &operations)
{
    m_operations = operations;
    using State = core::QueuedOperation::State;
    const auto count = [&operations](State state) {
        return int(std::count_if(operations.cbegin(), operations.cend(),
                                 [state](const auto &op) { return op.state == state; }));
    };
    m_status.pending = count(State::Pending);
    m_status.conflicts = count(State::Conflict);
    m_status.refused = count(State::Refused);
    emit operationsChanged(m_operations);
    emit statusChanged(m_status);
}

void OfflineController::changeOutbox(std::function<core::Result<void>(const core::Outbox &)> change,
                                     bool thenSync)
{
    m_worker->run(
        this,
        [replica = m_session->replicaContext(), change = std::move(change)] {
            return change(core::Outbox(replica));
        },
        [this, thenSync](core::Result<void> done) {
            if (!done)
                emit failed(errorText(done.error()));
            refreshOutbox();
            if (done && thenSync)
                sync();
        });
}

void OfflineController::retry(const QString &id)
{
    changeOutbox(
        [id](const core::Outbox &outbox) {
            return outbox.recordAttempt(id, core::QueuedOperation::State::Pending, QString(),
                                        QString());
        },
        true);
}

void OfflineController::drop(const QString &id)
{
    changeOutbox([id](const core::Outbox &outbox) { return outbox.remove(id); }, false);
}

void OfflineController::restore(const core::QueuedOperation &operation)
{
    changeOutbox([operation](const core::Outbox &outbox) { return outbox.restore(operation); },
                 false);
}

void OfflineController::resolve(const QString &id, const core::AgentConfig &merged, int baseVersion)
{
    changeOutbox([=](const core::Outbox &outbox) { return outbox.rebase(id, merged, baseVersion); },
                 true);
}

} // namespace retell::ui
