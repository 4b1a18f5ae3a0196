// Pushing an offline outbox to the shared database (issue 12 §3-4), with the
// server on every backend and the replica a real SQLite file: queued deploys
// to two branches while another admin deployed to one of them; the push
// applies one (and the operation queued on top of it), marks the other a
// conflict; after the merge it applies too; a replay of an operation whose
// answer was lost writes nothing; a second push changes nothing; versions
// stay contiguous with exactly one active per branch.
#include "TestDatabase.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "offline/Outbox.h"
#include "offline/OutboxPush.h"
#include "offline/ReplicaPull.h"
#include "seed/Seeder.h"
#include "versions/BranchService.h"
#include "versions/VersionService.h"

#include <QTemporaryDir>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

// Versions 1..N with exactly one active: "ok", else what is wrong.
QString invariants(const ConnectionSpec &spec, const QString &branch)
{
    auto conn = Database::connection(spec);
    if (!conn)
        return conn.error().message;
    auto q = Database::exec(conn.value(),
                            QStringLiteral("SELECT version, is_active FROM retell_agent_prompts "
                                           "WHERE branch_id = ? ORDER BY version"),
                            {branch});
    if (!q)
        return q.error().message;
    int expected = 0, active = 0;
    while (q->next()) {
        if (q->value(0).toInt() != expected && q->value(0).toInt() != expected + 1)
            return QStringLiteral("gap after version %1").arg(expected);
        expected = q->value(0).toInt();
        active += q->value(1).toBool() ? 1 : 0;
    }
    return active == 1 ? QStringLiteral("ok") : QStringLiteral("%1 active").arg(active);
}

int activeVersion(const ServiceContext &server, const Actor &actor, const QString &branch)
{
    auto v = VersionService(server).active(actor, branch);
    return v ? v->version : 0;
}

} // namespace

class TestOutboxPush final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        RETELL_REQUIRE_DB(m_db);
        QVERIFY(m_dir.isValid());
        auto migrated = Migrator::migrate(m_db.spec());
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().message));
        auto seeded = Seeder::seedDemo(ServiceContext{m_db.spec()});
        QVERIFY2(seeded, qPrintable(seeded ? QString() : seeded.error().message));
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                          m_dir.filePath(QStringLiteral("replica.db")));
        QVERIFY(spec);
        QVERIFY(Migrator::migrate(spec.value()));
        m_replica = ServiceContext{spec.value()};
    }

    void cleanupTestCase() { Database::dropConnection(m_db.spec()); }

    void conflictsMergeAndEverythingAppliesOnce()
    {
        const ServiceContext server{m_db.spec()};
        auto owner = AuthService(server).login(QString::fromLatin1(demo::kCompanyAdmin),
                                               QString::fromLatin1(demo::kPassword));
        auto other = AuthService(server).login(QString::fromLatin1(demo::kSuperAdmin),
                                               QString::fromLatin1(demo::kPassword));
        QVERIFY(owner && other);
        QVERIFY(ReplicaPull(server, m_replica).pull(owner.value()));
        auto branches = BranchService(server).branches(owner.value());
        QVERIFY(branches && branches->size() >= 2);
        const QString one = branches->at(0).id, two = branches->at(1).id;
        const int baseOne = activeVersion(server, owner.value(), one);
        const int baseTwo = activeVersion(server, owner.value(), two);
        auto current = VersionService(server).active(owner.value(), one);
        QVERIFY(current);

        // Offline: a deploy to each branch, and a second one on top of the first on two.
        const Outbox outbox(m_replica);
        const auto queue = [&](const QString &branch, int base, const QString &prompt) {
            QueuedOperation op;
            op.branchId = branch;
            op.baseVersion = base;
            op.config = {prompt, current->config.toolsJson};
            op.notes = QStringLiteral("offline");
            op.userId = owner->user.id;
            return outbox.enqueue(op);
        };
        auto a =
            queue(one, baseOne, current->config.prompt + QStringLiteral("\nOffline line A.\n"));
        auto b =
            queue(two, baseTwo, current->config.prompt + QStringLiteral("\nOffline line B.\n"));
        auto c =
            queue(two, baseTwo, current->config.prompt + QStringLiteral("\nOffline B, then C.\n"));
        QVERIFY(a && b && c);

        // Meanwhile another admin deploys to branch one.
        DeployRequest theirs;
        theirs.config = {current->config.prompt + QStringLiteral("\nTheir line.\n"),
                         current->config.toolsJson};
        theirs.notes = QStringLiteral("online meanwhile");
        QVERIFY(VersionService(server).deploy(other.value(), one, theirs));

        auto pushed = OutboxPush(server, m_replica).push(owner.value());
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        QCOMPARE(pushed->applied, 2);
        QCOMPARE(pushed->conflicts, 1);
        QVERIFY(!pushed->stopped);
        QCOMPARE(activeVersion(server, owner.value(), two), baseTwo + 2);
        QCOMPARE(VersionService(server).active(owner.value(), two)->config.prompt,
                 c->config.prompt);
        auto left = outbox.operations();
        QVERIFY(left);
        QCOMPARE(left->size(), 1);
        QCOMPARE(left->first().id, a->id);
        QCOMPARE(left->first().state, QueuedOperation::State::Conflict);
        QCOMPARE(left->first().lastErrorCode, QStringLiteral("stale_base"));

        // Merged (theirs and ours) and rebased onto what is active now.
        const int now = activeVersion(server, owner.value(), one);
        QCOMPARE(now, baseOne + 1);
        QVERIFY(outbox.rebase(
            a->id,
            {theirs.config.prompt + QStringLiteral("Offline line A.\n"), current->config.toolsJson},
            now));
        pushed = OutboxPush(server, m_replica).push(owner.value());
        QVERIFY(pushed);
        QCOMPARE(pushed->applied, 1);
        QCOMPARE(activeVersion(server, owner.value(), one), baseOne + 2);
        QVERIFY(outbox.operations()->isEmpty());

        // Nothing left: a second push changes nothing.
        pushed = OutboxPush(server, m_replica).push(owner.value());
        QVERIFY(pushed);
        QCOMPARE(pushed->applied + pushed->replayed + pushed->conflicts + pushed->refused, 0);
        QCOMPARE(invariants(server.spec, one), QStringLiteral("ok"));
        QCOMPARE(invariants(server.spec, two), QStringLiteral("ok"));
    }

    // The link dropped after COMMIT: the server applied the operation, the
    // outbox still holds it. Pushing it again writes nothing.
    void aReplayIsRecognised()
    {
        const ServiceContext server{m_db.spec()};
        auto owner = AuthService(server).login(QString::fromLatin1(demo::kCompanyAdmin),
                                               QString::fromLatin1(demo::kPassword));
        QVERIFY(owner);
        auto branches = BranchService(server).branches(owner.value());
        QVERIFY(branches && !branches->isEmpty());
        // The last branch that has an active version.
        QString branch;
        Result<PromptVersion> current = Error::notFound(QString());
        for (const Branch &b : std::as_const(*branches)) {
            if (auto v = VersionService(server).active(owner.value(), b.id)) {
                branch = b.id;
                current = v;
            }
        }
        QVERIFY(current);
        QueuedOperation op;
        op.branchId = branch;
        op.baseVersion = current->version;
        op.config = {current->config.prompt + QStringLiteral("\nReplayed once.\n"),
                     current->config.toolsJson};
        op.notes = QStringLiteral("offline");
        op.userId = owner->user.id;
        auto queued = Outbox(m_replica).enqueue(op);
        QVERIFY(queued);
        // What the first push did before its answer was lost.
        DeployRequest request;
        request.config = queued->config;
        request.notes = queued->notes;
        request.baseVersion = current->version;
        request.operationId = queued->id;
        auto first = VersionService(server).deploy(owner.value(), branch, request);
        QVERIFY(first && !first->replayed);

        auto pushed = OutboxPush(server, m_replica).push(owner.value());
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        QCOMPARE(pushed->replayed, 1);
        QCOMPARE(pushed->applied, 0);
        QCOMPARE(activeVersion(server, owner.value(), branch), first->version.version);
        QVERIFY(Outbox(m_replica).operations()->isEmpty());
        // And the service answers a replay with the version it wrote.
        auto again = VersionService(server).deploy(owner.value(), branch, request);
        QVERIFY(again);
        QVERIFY(again->replayed);
        QCOMPARE(again->version.version, first->version.version);
        QCOMPARE(invariants(server.spec, branch), QStringLiteral("ok"));
    }

private:
    TestDatabase m_db;
    QTemporaryDir m_dir;
    ServiceContext m_replica;
};

QTEST_GUILESS_MAIN(TestOutboxPush)
#include "tst_outbox_push.moc"
