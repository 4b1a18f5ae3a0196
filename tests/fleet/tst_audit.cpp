// The audit log (issue 13 §6): deploys, imports and rollbacks read from
// retell_agent_prompts, grants and revokes written with the change, refused
// logins and operations written right after the refusal; filters; and who
// sees which entries (a company's admin never another company's).
#include "FleetWorld.h"
#include "TestDatabase.h"

#include "access/AccessService.h"
#include "access/AuthService.h"
#include "db/Database.h"
#include "fleet/AuditService.h"
#include "rollout/Rollout.h"
#include "versions/VersionService.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace retell::core;
using retell::test::FleetWorld;
using retell::test::TestDatabase;
using retell::test::TestWorld;

namespace {

const QDateTime kStart(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);

// "kind branch-or-scope vversion by" per entry, newest first.
QStringList describe(const QList<AuditEntry> &entries)
{
    QStringList lines;
    for (const AuditEntry &e : entries) {
        QString where = e.branchName.isEmpty() ? e.companyName : e.branchName;
        if (where.isEmpty())
            where = QStringLiteral("-");
        QString line = auditKindName(e.kind) + QLatin1Char(' ') + where;
        if (e.version > 0)
            line += QStringLiteral(" v%1").arg(e.version);
        if (!e.subjectEmail.isEmpty())
            line += QStringLiteral(" for ") + e.subjectEmail;
        if (!e.operation.isEmpty())
            line += QStringLiteral(" (") + e.operation + QLatin1Char(')');
        line +=
            QStringLiteral(" by ") + (e.userEmail.isEmpty() ? QStringLiteral("-") : e.userEmail);
        lines << line;
    }
    return lines;
}

} // namespace

class TestAudit final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qInfo("backend: %s", qPrintable(TestDatabase::backend()));
        RETELL_REQUIRE_DB(m_db);
        m_now = kStart;
        m_ctx = ServiceContext{m_db.spec(), [this] { return m_now; }};
        m_world = FleetWorld::create(m_ctx);
        VersionService versions(m_ctx);
        AccessService access(m_ctx);
        const AgentConfig one{QStringLiteral("Greet the caller, then end_call."),
                              TestWorld::kTools};
        const AgentConfig two{QStringLiteral("Greet warmly, then end_call."), TestWorld::kTools};
        auto step = [this] { m_now = m_now.addSecs(60); };

        step(); // 08:01 deploy Alpha v1
        QVERIFY(versions.deploy(m_world.ann, TestWorld::kBranchA,
                                DeployRequest{one, {}, QStringLiteral("first")}));
        step(); // 08:02 import Alpha v2
        DeployRequest imported{two, {}, QStringLiteral("from the old system")};
        imported.imported = true;
        QVERIFY(versions.deploy(m_world.ann, TestWorld::kBranchA, imported));
        step(); // 08:03 rollback Alpha to v1 (v3)
        QVERIFY(versions.rollback(m_world.ann, TestWorld::kBranchA, 1, QStringLiteral("oops")));
        step(); // 08:04 Carl deploys Gamma v1
        QVERIFY(versions.deploy(m_world.carl, FleetWorld::kBranchC,
                                DeployRequest{one, {}, QStringLiteral("clinic start")}));
        step(); // 08:05 Ann grants Nina editor on Alpha
        QVERIFY(access.grant(&m_world.ann, FleetWorld::kNina, Role::Editor, GrantScope::Branch,
                             TestWorld::kBranchA));
        step(); // 08:06 Olga revokes it
        QVERIFY(access.revoke(m_world.olga, FleetWorld::kNina, GrantScope::Branch,
                              TestWorld::kBranchA));
        step(); // 08:07 a refused login
        QVERIFY(!AuthService(m_ctx).login(QStringLiteral("mallory@example.com"),
                                          QStringLiteral("secret-guess")));
        step(); // 08:08 Carl may not deploy to Acme's Alpha
        auto refusedDeploy = versions.deploy(m_world.carl, TestWorld::kBranchA,
                                             DeployRequest{two, {}, QStringLiteral("sneaky")});
        QCOMPARE(refusedDeploy.error().kind, ErrorKind::Permission);
        step(); // 08:09 nor grant in Acme
        auto refusedGrant = access.grant(&m_world.carl, FleetWorld::kNina, Role::Admin,
                                         GrantScope::Company, QStringLiteral("1"));
        QCOMPARE(refusedGrant.error().kind, ErrorKind::Permission);
        step(); // 08:10 Vera, a viewer, may not roll back
        auto refusedRollback = versions.rollback(m_world.vera, TestWorld::kBranchA, 2);
        QCOMPARE(refusedRollback.error().kind, ErrorKind::Permission);
        step();
    }

    void globalAdminSeesEverything()
    {
        auto entries = AuditService(m_ctx).entries(m_world.ann, {});
        QVERIFY2(entries, entries ? "" : qPrintable(entries.error().message));
        const QString ann = QStringLiteral("ann@example.com");
        QCOMPARE(describe(entries.value()),
                 QStringList({
                     QStringLiteral("refused Alpha (rollback) by ") + FleetWorld::kVera,
                     QStringLiteral("refused Acme Salons (grant) by ") + FleetWorld::kCarl,
                     QStringLiteral("refused Alpha (deploy) by ") + FleetWorld::kCarl,
                     QStringLiteral("login-refused - by mallory@example.com"),
                     QStringLiteral("revoke Alpha for ") + FleetWorld::kNina +
                         QStringLiteral(" by ") + FleetWorld::kOlga,
                     QStringLiteral("grant Alpha for ") + FleetWorld::kNina +
                         QStringLiteral(" by ") + ann,
                     QStringLiteral("deploy Gamma v1 by ") + FleetWorld::kCarl,
                     QStringLiteral("rollback Alpha v3 by ") + ann,
                     QStringLiteral("import Alpha v2 by ") + ann,
                     QStringLiteral("deploy Alpha v1 by ") + ann,
                 }));
        const AuditEntry &rollback = entries->at(7);
        QCOMPARE(rollback.at, kStart.addSecs(180));
        QCOMPARE(rollback.notes, QStringLiteral("Rollback to version 1: oops"));
        QCOMPARE(rollback.branchId, TestWorld::kBranchA);
        QCOMPARE(rollback.companyName, QStringLiteral("Acme Salons"));
        QCOMPARE(rollback.userName, QStringLiteral("Ann Admin"));
        const AuditEntry &grant = entries->at(5);
        QCOMPARE(grant.role, std::optional<Role>(Role::Editor));
        QCOMPARE(grant.scope, std::optional<GrantScope>(GrantScope::Branch));
        QCOMPARE(grant.companyId, QStringLiteral("1"));
        QCOMPARE(grant.companyName, QStringLiteral("Acme Salons"));
    }

    void refusedLoginKeepsNoPassword()
    {
        const QString stored = TestWorld::scalar(
            m_db.spec(),
            QStringLiteral("SELECT COUNT(*) FROM retell_admin_audit WHERE detail LIKE ? OR "
                           "user_email LIKE ? OR operation LIKE ?"),
            {QStringLiteral("%secret-guess%"), QStringLiteral("%secret-guess%"),
             QStringLiteral("%secret-guess%")});
        QCOMPARE(stored, QStringLiteral("0"));
    }

    // Tenant isolation: each company's admin sees the entries of their own
    // company (the refusals of others inside it too), nothing else.
    void companyAdminsSeeTheirCompanyOnly()
    {
        AuditService audit(m_ctx);
        auto olga = audit.entries(m_world.olga, {});
        QVERIFY2(olga, olga ? "" : qPrintable(olga.error().message));
        for (const AuditEntry &e : std::as_const(*olga))
            QCOMPARE(e.companyId, QStringLiteral("1"));
        QCOMPARE(olga->size(), 8);
        auto carl = audit.entries(m_world.carl, {});
        QVERIFY(carl);
        QCOMPARE(describe(carl.value()),
                 QStringList{QStringLiteral("deploy Gamma v1 by ") + FleetWorld::kCarl});
        // Asking for the other company's branch by name: not found for Carl.
        AuditQuery other;
        other.branch = QStringLiteral("Alpha");
        auto alpha = audit.entries(m_world.carl, other);
        QVERIFY(!alpha);
        QCOMPARE(alpha.error().kind, ErrorKind::NotFound);
        // Nor by company: nothing.
        AuditQuery acme;
        acme.company = QStringLiteral("Acme Salons");
        auto acmeEntries = audit.entries(m_world.carl, acme);
        QVERIFY(acmeEntries);
        QVERIFY(acmeEntries->isEmpty());
    }

    void nonAdminsMayNotRead()
    {
        auto vera = AuditService(m_ctx).entries(m_world.vera, {});
        QVERIFY(!vera);
        QCOMPARE(vera.error().kind, ErrorKind::Permission);
    }

    void filters_data()
    {
        QTest::addColumn<AuditQuery>("query");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("newest");
        AuditQuery rollbacks;
        rollbacks.kinds = {AuditKind::Rollback};
        QTest::newRow("kind rollback")
            << rollbacks << 1 << QStringLiteral("rollback Alpha v3 by ann@example.com");
        AuditQuery grants;
        grants.kinds = {AuditKind::Grant, AuditKind::Revoke, AuditKind::Import};
        QTest::newRow("grants, revokes and imports")
            << grants << 3
            << QStringLiteral("revoke Alpha for nina@bravo.example by olga@acme.example");
        AuditQuery carl;
        carl.userEmail = QStringLiteral("CARL@bravo.example");
        QTest::newRow("user") << carl << 3
                              << QStringLiteral(
                                     "refused Acme Salons (grant) by carl@bravo.example");
        AuditQuery gamma;
        gamma.branch = QStringLiteral("Gamma");
        QTest::newRow("branch by name")
            << gamma << 1 << QStringLiteral("deploy Gamma v1 by carl@bravo.example");
        AuditQuery bravo;
        bravo.company = QStringLiteral("bravo clinics");
        QTest::newRow("company by name")
            << bravo << 1 << QStringLiteral("deploy Gamma v1 by carl@bravo.example");
        AuditQuery acme;
        acme.company = QStringLiteral("1");
        QTest::newRow("company by id")
            << acme << 8 << QStringLiteral("refused Alpha (rollback) by vera@acme.example");
        AuditQuery window;
        window.since = kStart.addSecs(120);
        window.until = kStart.addSecs(240);
        QTest::newRow("since inclusive, until exclusive")
            << window << 2 << QStringLiteral("rollback Alpha v3 by ann@example.com");
        AuditQuery limited;
        limited.limit = 2;
        QTest::newRow("limit keeps the newest")
            << limited << 2 << QStringLiteral("refused Alpha (rollback) by vera@acme.example");
    }

    void filters()
    {
        QFETCH(AuditQuery, query);
        QFETCH(int, expected);
        QFETCH(QString, newest);
        auto entries = AuditService(m_ctx).entries(m_world.ann, query);
        QVERIFY2(entries, entries ? "" : qPrintable(entries.error().message));
        QCOMPARE(entries->size(), expected);
        QCOMPARE(describe(entries.value()).first(), newest);
    }

    void webApplicationVersionsAreListed()
    {
        // A row the web application wrote: no user, its own kind of note.
        auto conn = Database::connection(m_db.spec());
        QVERIFY(conn);
        auto q = Database::exec(
            conn.value(),
            QStringLiteral("INSERT INTO retell_agent_prompts (branch_id, version, prompt_content, "
                           "functions_config, is_active, is_template, deployed_at, "
                           "deployment_notes) VALUES (?, 9, 'web', '[]', FALSE, FALSE, ?, ?)"),
            {TestWorld::kBranchB, toSqlTimestamp(kStart.addSecs(3600)),
             QStringLiteral("Rollback to version 2")});
        QVERIFY2(q, q ? "" : qPrintable(q.error().message));
        auto entries = AuditService(m_ctx).entries(m_world.ann, {});
        QVERIFY(entries);
        QCOMPARE(describe(entries.value()).first(), QStringLiteral("rollback Beta v9 by -"));
    }

    // A rollout's versions are rollouts, its undo's rollbacks, both with the
    // rollout's id; a company admin sees only their company's.
    void rolloutsAndTheirUndo()
    {
        m_now = kStart.addSecs(7200);
        const AgentConfig before{QStringLiteral("Greet the caller, then end_call."),
                                 TestWorld::kTools};
        const AgentConfig after{QStringLiteral("Greet the caller by name, then end_call."),
                                TestWorld::kTools};
        const RolloutService rollouts(m_ctx);
        const RolloutChange change =
            RolloutChange::difference(before, after, QStringLiteral("greet by name"));
        auto preview =
            rollouts.preview(m_world.ann, change, {TestWorld::kBranchA, FleetWorld::kBranchC});
        QVERIFY2(preview, preview ? "" : qPrintable(preview.error().message));
        auto applied = rollouts.apply(m_world.ann, change, preview->items, QStringLiteral("names"));
        QVERIFY2(applied, applied ? "" : qPrintable(applied.error().message));
        m_now = m_now.addSecs(60);
        auto undone = rollouts.undo(m_world.ann, applied->id);
        QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message));

        AuditQuery query;
        query.kinds = {AuditKind::Rollout};
        auto entries = AuditService(m_ctx).entries(m_world.ann, query);
        QVERIFY(entries);
        QCOMPARE(describe(entries.value()),
                 QStringList({QStringLiteral("rollout Gamma v2 by ann@example.com"),
                              QStringLiteral("rollout Alpha v4 by ann@example.com")}));
        for (const AuditEntry &e : std::as_const(*entries))
            QCOMPARE(e.rolloutId, applied->id);
        auto newest = AuditService(m_ctx).entries(m_world.ann, {});
        QVERIFY(newest);
        QCOMPARE(newest->first().kind, AuditKind::Rollback);
        QCOMPARE(newest->first().rolloutId, applied->id);
        auto carl = AuditService(m_ctx).entries(m_world.carl, query);
        QVERIFY(carl);
        QCOMPARE(describe(carl.value()),
                 QStringList{QStringLiteral("rollout Gamma v2 by ann@example.com")});
    }

    // The grant and its entry commit together: when the entry cannot be
    // written, the grant is not made either.
    void grantAndEntryCommitTogether()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const ServiceContext ctx{db.spec()};
        const FleetWorld world = FleetWorld::create(ctx);
        auto conn = Database::connection(db.spec());
        QSqlQuery drop(conn.value()); // DDL: not a prepared statement (PostgreSQL)
        QVERIFY2(drop.exec(QStringLiteral("DROP TABLE retell_admin_audit")),
                 qPrintable(drop.lastError().text()));
        auto granted = AccessService(ctx).grant(&world.ann, FleetWorld::kNina, Role::Viewer,
                                                GrantScope::Company, QStringLiteral("2"));
        QVERIFY(!granted);
        QCOMPARE(TestWorld::scalar(db.spec(),
                                   QStringLiteral("SELECT COUNT(*) FROM retell_admin_grants g JOIN "
                                                  "users u ON u.id = g.user_id WHERE u.email = ?"),
                                   {FleetWorld::kNina}),
                 QStringLiteral("0"));
    }

private:
    TestDatabase m_db;
    QDateTime m_now;
    ServiceContext m_ctx;
    FleetWorld m_world;
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
