#pragma once

// What the offline robustness tests share (tst_push_cuts, tst_offline_soak,
// tst_offline_kill): a shared database with a few branches, a local replica
// (a real SQLite file) with its outbox, operations queued on it the way an
// offline admin queues them, and the checks that nothing was lost or
// applied twice.
#include "access/Actor.h"
#include "db/ServiceContext.h"
#include "offline/Outbox.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>
#include <QTemporaryDir>

namespace retell::test {

class OfflineWorld final
{
public:
    // TestWorld on `server` (company 1, user 1 "Ann Admin"), `branches`
    // branches in all, each with version 1 active; an empty replica filled
    // once from the server.
    OfflineWorld(const core::ConnectionSpec &server, int branches);
    Q_DISABLE_COPY_MOVE(OfflineWorld)

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    const core::Actor &actor() const { return m_actor; }
    const core::ServiceContext &server() const { return m_server; }
    const core::ServiceContext &replica() const { return m_replica; }
    QString replicaPath() const { return m_replica.spec.path; }
    const QStringList &branches() const { return m_branches; }

    // Pulls the replica from `server` (the direct one unless given), as a
    // sync does after its push.
    QString pull(const core::ServiceContext *through = nullptr);
    // Queues a deploy with content of its own, based on the replica's active
    // version of the branch (as an offline edit is); remembered for check().
    core::Result<core::QueuedOperation> queueDeploy(const QString &branch);
    // Queues a rollback to version 1.
    core::Result<core::QueuedOperation> queueRollback(const QString &branch);
    // Remembers operations queued by another process.
    void remember(const core::QueuedOperation &op) { m_queued << op; }
    qsizetype queuedCount() const { return m_queued.size(); }

    // "" or what is wrong: every branch has versions 1..N and exactly one
    // active; every operation queued so far is either recorded once on the
    // server with exactly one version row of its content, or still in the
    // outbox with none; when `settled` (after a push that was not cut), it
    // is not both, and nothing is left pending. `applied` gets how many the
    // server holds.
    QString check(bool settled, int *applied = nullptr) const;

private:
    core::Result<core::QueuedOperation> queue(const core::QueuedOperation &op);
    QString checkIn(QSqlDatabase &db, bool settled, int *applied) const;

    core::ServiceContext m_server;
    core::ServiceContext m_replica;
    core::Actor m_actor;
    QStringList m_branches;
    QTemporaryDir m_dir;
    QList<core::QueuedOperation> m_queued;
    QString m_error;
};

} // namespace retell::test
