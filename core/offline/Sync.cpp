#include "Sync.h"

#include "Replica.h"
#include "db/Database.h"

namespace retell::core {

namespace {

const QString kServerKey = QStringLiteral("replica_of");

// A replica belongs to the shared database it was first synced with: its
// outbox is never pushed to another one (a --replica mix-up, a renamed
// server). Recorded by the first sync as replicaFileName(server).
Result<void> checkServer(const ServiceContext &replica, const ConnectionSpec &server)
{
    const QString identity = replicaFileName(server);
    QString recorded;
    auto r = Database::writeTransaction(replica.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto q = Database::exec(
            db, QStringLiteral("SELECT value FROM retell_admin_meta WHERE name = ?"), {kServerKey});
        if (!q)
            return q.error();
        if (q->next()) {
            recorded = q->value(0).toString();
            return {};
        }
        auto ins = Database::exec(
            db, QStringLiteral("INSERT INTO retell_admin_meta (name, value) VALUES (?, ?)"),
            {kServerKey, identity});
        return ins ? Result<void>() : Result<void>(ins.error());
    });
    if (!r)
        return r;
    if (!recorded.isEmpty() && recorded != identity) {
        Error e = Error::usage(
            QStringLiteral("The replica %1 belongs to another database; nothing was pushed or "
                           "pulled (sync it with its own database, or use another replica).")
                .arg(replica.spec.path));
        e.code = QStringLiteral("offline.other_server");
        e.args = {replica.spec.path, recorded, identity};
        return e;
    }
    return {};
}

} // namespace

Result<SyncReport> Sync::run(const Actor &actor, const PullProgress &progress) const
{
    SyncReport report;
    if (progress.cancelled && progress.cancelled()) {
        report.pull.cancelled = true;
        return report;
    }
    if (auto same = checkServer(m_replica, m_server.spec); !same)
        return same.error();
    auto pushed = OutboxPush(m_server, m_replica).push(actor);
    if (!pushed)
        return pushed.error();
    report.push = pushed.value();
    if (report.push.stopped)
        return report;
    auto pulled = ReplicaPull(m_server, m_replica).pull(actor, progress);
    if (!pulled)
        return pulled.error();
    report.pull = pulled.value();
    report.pulled = !report.pull.cancelled;
    return report;
}

} // namespace retell::core
