#include "OfflineWorld.h"

#include "OfflineQueue.h"
#include "TestWorld.h"

#include "db/Database.h"
#include "db/Migrator.h"
#include "offline/ReplicaPull.h"
#include "versions/VersionService.h"

#include <QHash>
#include <QSqlQuery>

namespace retell::test {

using namespace retell::core;

namespace {

struct Row
{
    int version = 0;
    bool active = false;
    QString prompt;
};

} // namespace

OfflineWorld::OfflineWorld(const ConnectionSpec &server, int branches) : m_server{server}
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return;
    }
    m_actor = TestWorld::create(server);
    m_branches = {TestWorld::kBranchA, TestWorld::kBranchB};
    auto conn = Database::connection(server);
    if (!conn) {
        m_error = conn.error().message;
        return;
    }
    for (int i = m_branches.size(); i < branches; ++i) {
        const QString id =
            QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c34%1").arg(i, 2, 10, QLatin1Char('0'));
        auto q = Database::exec(
            conn.value(),
            QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES (?, 1, ?)"),
            {id, QStringLiteral("Branch %1").arg(i)});
        if (!q) {
            m_error = q.error().message;
            return;
        }
        m_branches << id;
    }
    const VersionService versions(m_server);
    for (const QString &branch : std::as_const(m_branches)) {
        DeployRequest first{AgentConfig{offlinePrompt(QStringLiteral("v1")), TestWorld::kTools},
                            QString(), QStringLiteral("first version")};
        if (auto d = versions.deploy(m_actor, branch, first); !d) {
            m_error = d.error().message;
            return;
        }
    }
    auto replica =
        ConnectionSpec::parse(QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("r.db")));
    if (!replica) {
        m_error = replica.error().message;
        return;
    }
    m_replica = ServiceContext{replica.value()};
    if (auto m = Migrator::migrate(m_replica.spec); !m) {
        m_error = m.error().message;
        return;
    }
    m_error = pull();
}

QString OfflineWorld::pull(const ServiceContext *through)
{
    auto pulled = ReplicaPull(through ? *through : m_server, m_replica).pull(m_actor);
    return pulled ? QString() : pulled.error().message;
}

Result<QueuedOperation> OfflineWorld::queue(const QueuedOperation &op)
{
    auto queued = queueOnReplica(m_replica, op, m_actor.user.id);
    if (queued)
        m_queued << queued.value();
    return queued;
}

Result<QueuedOperation> OfflineWorld::queueDeploy(const QString &branch)
{
    return queue(offlineDeploy(branch, QStringLiteral("offline %1").arg(m_queued.size())));
}

Result<QueuedOperation> OfflineWorld::queueRollback(const QString &branch)
{
    QueuedOperation op;
    op.branchId = branch;
    op.kind = QueuedOperation::Kind::Rollback;
    op.toVersion = 1;
    op.notes = QStringLiteral("offline rollback %1").arg(m_queued.size());
    return queue(op);
}

QString OfflineWorld::check(bool settled, int *appliedCount) const
{
    auto conn = Database::connection(m_server.spec);
    if (!conn)
        return conn.error().message;
    // One snapshot for all the reads: a cut during COMMIT leaves the server
    // finishing that commit while the check runs.
    const QString begin = m_server.spec.dialect == Dialect::MySQL
                              ? QStringLiteral("START TRANSACTION WITH CONSISTENT SNAPSHOT")
                          : m_server.spec.dialect == Dialect::PostgreSQL
                              ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ")
                              : QStringLiteral("BEGIN");
    if (m_server.spec.dialect == Dialect::MySQL)
        QSqlQuery(conn.value())
            .exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
    if (!QSqlQuery(conn.value()).exec(begin))
        return QStringLiteral("cannot start a snapshot");
    const QString problem = checkIn(conn.value(), settled, appliedCount);
    Database::finishStatements(conn.value());
    QSqlQuery(conn.value()).exec(QStringLiteral("COMMIT"));
    return problem;
}

QString OfflineWorld::checkIn(QSqlDatabase &db, bool settled, int *appliedCount) const
{
    // The whole history and every recorded operation.
    QHash<QString, QList<Row>> history; // branch -> rows by version
    auto rows = Database::exec(
        db, QStringLiteral("SELECT branch_id, version, is_active, prompt_content FROM "
                           "retell_agent_prompts ORDER BY branch_id, version"));
    if (!rows)
        return rows.error().message;
    QHash<QString, int> promptCount;
    while (rows->next()) {
        const Row row{rows->value(1).toInt(), rows->value(2).toBool(), rows->value(3).toString()};
        history[rows->value(0).toString()] << row;
        ++promptCount[row.prompt];
    }
    for (const QString &branch : m_branches) {
        const QList<Row> &versions = history.value(branch);
        int active = 0;
        for (qsizetype i = 0; i < versions.size(); ++i) {
            if (versions[i].version != i + 1)
                return QStringLiteral("branch %1: version %2 where %3 belongs")
                    .arg(branch)
                    .arg(versions[i].version)
                    .arg(i + 1);
            active += versions[i].active ? 1 : 0;
        }
        if (active != 1)
            return QStringLiteral("branch %1: %2 active versions").arg(branch).arg(active);
    }
    QHash<QString, QPair<QString, int>> recorded; // op id -> branch, version
    auto applied = Database::exec(db, QStringLiteral("SELECT operation_id, branch_id, version FROM "
                                                     "retell_admin_applied_operations"));
    if (!applied)
        return applied.error().message;
    while (applied->next()) {
        const QString id = applied->value(0).toString();
        if (recorded.contains(id))
            return QStringLiteral("operation %1 recorded twice").arg(id);
        recorded.insert(id, {applied->value(1).toString(), applied->value(2).toInt()});
    }
    auto outbox = Outbox(m_replica).operations();
    if (!outbox)
        return outbox.error().message;
    QSet<QString> waiting;
    for (const QueuedOperation &op : std::as_const(*outbox))
        waiting.insert(op.id);
    if (settled && !outbox->isEmpty())
        return QStringLiteral(
                   "%1 operation(s) left in the outbox after a clean push, first %2 (%3)")
            .arg(outbox->size())
            .arg(outbox->first().notes, outbox->first().lastErrorMessage);
    int count = 0;
    for (const QueuedOperation &op : m_queued) {
        const bool isDeploy = op.kind != QueuedOperation::Kind::Rollback;
        const int copies = isDeploy ? promptCount.value(op.config.prompt) : 0;
        if (!recorded.contains(op.id)) {
            if (!waiting.contains(op.id))
                return QStringLiteral("%1 lost: neither applied nor queued").arg(op.notes);
            if (copies != 0)
                return QStringLiteral("%1 written without its operation record").arg(op.notes);
            continue;
        }
        ++count;
        const auto [branch, version] = recorded.value(op.id);
        const QList<Row> &versions = history.value(branch);
        if (branch != op.branchId || version < 1 || version > versions.size())
            return QStringLiteral("%1 recorded with version %2 that is not there")
                .arg(op.notes)
                .arg(version);
        if (isDeploy && (copies != 1 || versions[version - 1].prompt != op.config.prompt))
            return QStringLiteral("%1 applied %2 times").arg(op.notes).arg(copies);
    }
    if (appliedCount)
        *appliedCount = count;
    return {};
}

} // namespace retell::test
