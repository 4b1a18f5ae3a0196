#include "TestDatabase.h"
#include "TestWorld.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "seed/Seeder.h"
#include "templates/TemplateService.h"
#include "versions/BranchService.h"
#include "versions/VersionNotes.h"
#include "versions/VersionService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlError>
#include <QTest>
#include <QThread>
#include <QTranslator>

#include <thread>

using namespace retell::core;
using retell::test::TestDatabase;

namespace {

using retell::test::TestWorld;
const QString kBranchA = TestWorld::kBranchA;
const QString kBranchB = TestWorld::kBranchB;
const QString kTools = TestWorld::kTools;

QString scalar(const ConnectionSpec &spec, const QString &sql, const QVariantList &bind = {})
{
    return TestWorld::scalar(spec, sql, bind);
}

Actor setUpWorld(const ConnectionSpec &spec)
{
    return TestWorld::create(spec);
}

DeployRequest request(const QString &prompt, const QString &notes = QStringLiteral("test deploy"))
{
    return DeployRequest{AgentConfig{prompt, kTools}, QString(), notes};
}

int count(const ConnectionSpec &spec, const QString &where = QStringLiteral("1 = 1"))
{
    return TestWorld::promptRows(spec, where);
}

} // namespace

class TestVersions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("backend: %s", qPrintable(TestDatabase::backend())); }

    void deployAppendsAndActivates()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const Actor ann = setUpWorld(db.spec());
        QDateTime now = QDateTime(QDate(2026, 3, 1), QTime(9, 30), Qt::UTC);
        ServiceContext ctx{db.spec(), [&] { return now; }};
        VersionService versions(ctx);
        for (int i = 1; i <= 3; ++i) {
            now = now.addSecs(60);
            auto out = versions.deploy(
                ann, kBranchA,
                request(QStringLiteral("Prompt %1: end the call with end_call.").arg(i)));
            QVERIFY2(out, out ? "" : qPrintable(out.error().message));
            QCOMPARE(out->version.version, i);
            QVERIFY(out->version.isActive);
        }
        QCOMPARE(
            count(db.spec(), QStringLiteral("branch_id = '%1' AND is_active = TRUE").arg(kBranchA)),
            1);
        auto active = versions.active(ann, kBranchA);
        QVERIFY(active);
        QCOMPARE(active->version, 3);
        QCOMPARE(active->deployedBy.value_or(0), ann.user.id);
        QCOMPARE(active->deployedByName, QStringLiteral("Ann Admin"));
        QCOMPARE(active->deployedAt, QDateTime(QDate(2026, 3, 1), QTime(9, 33), Qt::UTC));
        QCOMPARE(active->validationStatus, ValidationStatus::Valid);
        // Other branches are independent.
        auto b = versions.deploy(ann, kBranchB,
                                 request(QStringLiteral("Beta prompt, end with end_call.")));
        QVERIFY(b);
        QCOMPARE(b->version.version, 1);
        auto list = BranchService(ctx).branches(ann);
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).activeVersion.value_or(-1), 3);
        QCOMPARE(list->at(1).activeVersion.value_or(-1), 1);
    }

    void staleBaseVersionIsAConflict()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const Actor ann = setUpWorld(db.spec());
        VersionService versions(ServiceContext{db.spec()});
        DeployRequest first = request(QStringLiteral("First, end_call."));
        first.baseVersion = 0; // the branch has nothing yet
        QVERIFY(versions.deploy(ann, kBranchA, first));
        DeployRequest mine = request(QStringLiteral("Mine, started from v1; end_call."));
        mine.baseVersion = 1;
        DeployRequest theirs = request(QStringLiteral("Theirs, also from v1; end_call."));
        theirs.baseVersion = 1;
        auto won = versions.deploy(ann, kBranchA, theirs);
        QVERIFY(won);
        QCOMPARE(won->version.version, 2);
        auto lost = versions.deploy(ann, kBranchA, mine);
        QVERIFY(!lost);
        QCOMPARE(lost.error().kind, ErrorKind::Conflict);
        QVERIFY2(
            lost.error().message.contains(QLatin1String("Version 2 was deployed by Ann Admin")),
            qPrintable(lost.error().message));
        QCOMPARE(count(db.spec()), 2);
        QCOMPARE(versions.active(ann, kBranchA)->config.prompt, theirs.config.prompt);
        // The refusal carries what the UI needs to show their change or merge.
        QVERIFY(lost.error().versionConflict);
        const VersionConflict &c = *lost.error().versionConflict;
        QCOMPARE(c.branchId, kBranchA);
        QCOMPARE(c.baseVersion, std::optional<int>(1));
        QCOMPARE(c.current.version, 2);
        QCOMPARE(c.current.config, theirs.config);
        QCOMPARE(c.current.deployedByName, QStringLiteral("Ann Admin"));
    }

    void unchangedContentIsRefused()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const Actor ann = setUpWorld(db.spec());
        VersionService versions(ServiceContext{db.spec()});
        const DeployRequest first = request(QStringLiteral("Same text, end_call."));
        QVERIFY(versions.deploy(ann, kBranchA, first));
        // The same content again, with or without a base, with another note or template.
        DeployRequest again = first;
        again.notes = QStringLiteral("once more");
        again.templateName = QStringLiteral("Some template");
        for (const std::optional<int> base :
             {std::optional<int>(), std::optional<int>(1), std::optional<int>(0)}) {
            again.baseVersion = base;
            auto refused = versions.deploy(ann, kBranchA, again);
            QVERIFY(!refused);
            QCOMPARE(refused.error().kind, ErrorKind::Unchanged);
            QCOMPARE(refused.error().message, QStringLiteral("Nothing changed since version 1."));
            QVERIFY(refused.error().versionConflict);
            QCOMPARE(refused.error().versionConflict->current.version, 1);
            QCOMPARE(count(db.spec()), 1);
        }
        // A one-character difference is a change.
        DeployRequest changed = first;
        changed.config.toolsJson += QLatin1Char(' ');
        auto two = versions.deploy(ann, kBranchA, changed);
        QVERIFY2(two, two ? "" : qPrintable(two.error().message));
        QCOMPARE(two->version.version, 2);
        // Scripts may ask for the old behaviour.
        changed.allowUnchanged = true;
        auto three = versions.deploy(ann, kBranchA, changed);
        QVERIFY2(three, three ? "" : qPrintable(three.error().message));
        QCOMPARE(three->version.version, 3);

        // A rollback to a version whose content is active: refused likewise.
        auto rolled = versions.rollback(ann, kBranchA, 2, QStringLiteral("same as now"));
        QVERIFY(!rolled);
        QCOMPARE(rolled.error().kind, ErrorKind::Unchanged);
        QCOMPARE(
            rolled.error().message,
            QStringLiteral("Nothing changed since version 3: version 2 has the same content."));
        QCOMPARE(rolled.error().versionConflict->requestedVersion, 2);
        QVERIFY(!versions.rollback(ann, kBranchA, 3));
        QCOMPARE(count(db.spec()), 3);
        auto toFirst = versions.rollback(ann, kBranchA, 1);
        QVERIFY(toFirst);
        QCOMPARE(toFirst->version.version, 4);
        auto forced = versions.rollback(ann, kBranchA, 1, QString(), true);
        QVERIFY(forced);
        QCOMPARE(forced->version.version, 5);
        QCOMPARE(count(db.spec(), QStringLiteral("is_active = TRUE")), 1);
    }

    void lostConnectionIsReplaced()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const Actor ann = setUpWorld(db.spec());
        VersionService versions(ServiceContext{db.spec()});
        QVERIFY(
            versions.deploy(ann, kBranchA, request(QStringLiteral("Before the cut; end_call."))));
        auto lose = [&] {
            QSqlDatabase conn = Database::connection(db.spec()).value();
            if (!TestDatabase::isServer()) {
                conn.close(); // SQLite: the handle is gone behind the service's back
                return;
            }
            if (TestDatabase::isPostgres()) {
                // PostgreSQL: another session terminates this one's backend
                // and waits until it is gone.
                const QString pid =
                    TestWorld::scalar(db.spec(), QStringLiteral("SELECT pg_backend_pid()"));
                auto killer = std::thread([&] {
                    ConnectionSpec admin = TestDatabase::serverSpec();
                    admin.database = db.spec().database;
                    auto k = Database::connection(admin);
                    QVERIFY(k);
                    auto killed = Database::exec(
                        k.value(), QStringLiteral("SELECT pg_terminate_backend(?, 10000)"),
                        {pid.toInt()});
                    QVERIFY(killed && killed->next() && killed->value(0).toBool());
                    Database::dropConnection(admin);
                });
                killer.join();
                QVERIFY(conn.isOpen());
                return;
            }
            // MariaDB: the server kills this thread's session, as a restart or
            // a network cut would; the client still believes it is open.
            const QString id =
                TestWorld::scalar(db.spec(), QStringLiteral("SELECT CONNECTION_ID()"));
            ConnectionSpec admin = TestDatabase::serverSpec();
            admin.database = db.spec().database;
            auto killer = std::thread([&] {
                auto k = Database::connection(admin);
                QVERIFY(k);
                QVERIFY(Database::exec(k.value(), QStringLiteral("KILL ") + id));
                // KILL returns before the session is gone: wait until it is.
                for (int i = 0; i < 200; ++i) {
                    auto left = Database::exec(
                        k.value(),
                        QStringLiteral(
                            "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?"),
                        {id});
                    if (left && left->next() && left->value(0).toInt() == 0)
                        break;
                    QThread::msleep(10);
                }
                Database::dropConnection(admin);
            });
            killer.join();
            QVERIFY(conn.isOpen());
        };
        lose();
        auto afterCut =
            versions.deploy(ann, kBranchA, request(QStringLiteral("After the cut; end_call.")));
        QVERIFY2(afterCut,
                 afterCut ? "" : qPrintable(afterCut.error().message + afterCut.error().detail));
        QCOMPARE(afterCut->version.version, 2);
        lose();
        auto page = versions.history(ann, kBranchA);
        QVERIFY2(page, page ? "" : qPrintable(page.error().message));
        QCOMPARE(page->rows.size(), 2);
        lose();
        // A transaction whose connection died before it began is retried.
        auto tx = Database::writeTransaction(db.spec(), [&](QSqlDatabase &c) -> Result<void> {
            auto q =
                Database::exec(c,
                               QStringLiteral("UPDATE retell_agent_prompts SET deployment_notes = "
                                              "? WHERE version = 1 AND 1 = 0"),
                               {QStringLiteral("x")});
            return q ? Result<void>() : Result<void>(q.error());
        });
        QVERIFY2(tx, tx ? "" : qPrintable(tx.error().message + tx.error().detail));
        QCOMPARE(count(db.spec()), 2);
        QCOMPARE(count(db.spec(), QStringLiteral("is_active = TRUE")), 1);
    }

    void templateRowsTakePartInNumbering()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const Actor ann = setUpWorld(db.spec());
        auto c = Database::connection(db.spec());
        for (int v = 1; v <= 3; ++v) {
            auto q = Database::exec(
                c.value(),
                QStringLiteral("INSERT INTO retell_agent_prompts (branch_id, version, "
                               "prompt_content, functions_config, is_template, template_name) "
                               "VALUES (?, ?, 'tmpl', '[]', TRUE, ?)"),
                {kBranchA, v, QStringLiteral("Web template %1").arg(v)});
            QVERIFY(q);
        }
        VersionService versions(ServiceContext{db.spec()});
        auto out = versions.deploy(
            ann, kBranchA, request(QStringLiteral("First real version, end_call at the end.")));
        QVERIFY(out);
        QCOMPARE(out->version.version, 4);
        auto page = versions.history(ann, kBranchA, 0, 100, true);
        QVERIFY(page);
        QCOMPARE(page->total, 1); // template rows are not history
        auto templates = TemplateService(ServiceContext{db.spec()}).templates(ann);
        QVERIFY(templates);
        QVERIFY(std::any_of(templates->begin(), templates->end(), [](const Template &t) {
            return t.source == TemplateSource::WebApp && t.name == QLatin1String("Web template 3");
        }));
    }

    // validation_errors and the rollback note do not depend on the language of
    // whoever deployed: codes, English messages and arguments are stored, and
    // rendered again in the reader's language.
    void rollbackWritesACopy()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const Actor ann = setUpWorld(db.spec());
        VersionService versions(ServiceContext{db.spec()});
        for (int i = 1; i <= 3; ++i)
            QVERIFY(versions.deploy(
                ann, kBranchA, request(QStringLiteral("Version %1 text, then end_call.").arg(i))));
        const QString before =
            scalar(db.spec(),
                   QStringLiteral("SELECT prompt_content FROM retell_agent_prompts WHERE version = "
                                  "1 AND branch_id = ?"),
                   {kBranchA});
        auto rolled = versions.rollback(ann, kBranchA, 1, QStringLiteral("v3 confused callers"));
        QVERIFY2(rolled, rolled ? "" : qPrintable(rolled.error().message));
        QCOMPARE(rolled->version.version, 4);
        QCOMPARE(rolled->version.config.prompt, before);
        QCOMPARE(rolled->version.notes,
                 QStringLiteral("Rollback to version 1: v3 confused callers"));
        auto v4 = versions.version(ann, kBranchA, 4);
        QVERIFY(v4);
        QCOMPARE(v4->config, versions.version(ann, kBranchA, 1)->config);
        QVERIFY(v4->isActive);
        QCOMPARE(count(db.spec(), QStringLiteral("is_active = TRUE")), 1);
        // Earlier rows are unchanged apart from losing the active flag.
        QCOMPARE(scalar(db.spec(),
                        QStringLiteral("SELECT prompt_content FROM retell_agent_prompts WHERE "
                                       "version = 1 AND branch_id = ?"),
                        {kBranchA}),
                 before);
        auto missing = versions.rollback(ann, kBranchA, 42);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
        QCOMPARE(count(db.spec()), 4);
    }

    void historyPagesWithoutCap()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const Actor ann = setUpWorld(db.spec());
        // Bulk rows straight into the table: history must page through all.
        auto c = Database::connection(db.spec());
        QSqlDatabase conn = c.value();
        QVERIFY(conn.transaction());
        for (int v = 1; v <= 1234; ++v) {
            auto q = Database::exec(
                conn,
                QStringLiteral("INSERT INTO retell_agent_prompts (branch_id, version, "
                               "prompt_content, functions_config, is_active, deployment_notes, "
                               "validation_status) VALUES (?, ?, 'p', '[]', ?, ?, 'valid')"),
                {kBranchA, v, v == 1234, QStringLiteral("note %1").arg(v)});
            QVERIFY(q);
        }
        QVERIFY(conn.commit());
        VersionService versions(ServiceContext{db.spec()});
        int before = 0;
        int seen = 0;
        int expected = 1234;
        bool first = true;
        for (;;) {
            auto page = versions.history(ann, kBranchA, before, 100, first);
            QVERIFY(page);
            if (first) {
                QCOMPARE(page->total, 1234);
                QVERIFY(page->rows.first().isActive);
                first = false;
            }
            for (const VersionSummary &s : std::as_const(page->rows)) {
                QCOMPARE(s.version, expected--);
                ++seen;
            }
            if (!page->hasMore)
                break;
            before = page->rows.last().version;
        }
        QCOMPARE(seen, 1234);
    }

    void badInputLeavesDatabaseUnchanged_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("tools");
        QTest::addColumn<QString>("notes");
        QTest::addColumn<int>("kind");
        QTest::newRow("malformed tools JSON") << "Say hello."
                                              << R"([{"name": "x",)"
                                              << "n" << int(ErrorKind::Validation);
        QTest::newRow("tools not an array") << "Say hello."
                                            << R"({"name":"x"})"
                                            << "n" << int(ErrorKind::Validation);
        QTest::newRow("10 MB prompt") << QString(10 * 1024 * 1024, QLatin1Char('a')) << "[]"
                                      << "n" << int(ErrorKind::Validation);
        QTest::newRow("empty prompt") << ""
                                      << "[]"
                                      << "n" << int(ErrorKind::Validation);
        QTest::newRow("missing notes")
            << "Say hello, then end_call." << kTools << "  " << int(ErrorKind::Usage);
    }

    void badInputLeavesDatabaseUnchanged()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, tools);
        QFETCH(QString, notes);
        QFETCH(int, kind);
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const Actor ann = setUpWorld(db.spec());
        VersionService versions(ServiceContext{db.spec()});
        QVERIFY(versions.deploy(ann, kBranchA, request(QStringLiteral("Good one; end_call."))));
        QElapsedTimer timer;
        timer.start();
        auto out = versions.deploy(ann, kBranchA,
                                   DeployRequest{AgentConfig{prompt, tools}, QString(), notes});
        QVERIFY(!out);
        QCOMPARE(int(out.error().kind), kind);
        QVERIFY(!out.error().message.isEmpty());
        QVERIFY2(!out.error().message.contains(QLatin1Char('\n')), "one plain sentence");
        QCOMPARE(count(db.spec()), 1);
        QCOMPARE(versions.active(ann, kBranchA)->version, 1);
    }

    void concurrentThreadsNeverCollide()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const Actor ann = setUpWorld(db.spec());
        constexpr int kThreads = 4;
        constexpr int kEach = 25;
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                VersionService versions(ServiceContext{db.spec()});
                for (int i = 0; i < kEach; ++i) {
                    auto out = versions.deploy(
                        ann, kBranchA,
                        request(QStringLiteral("thread %1 deploy %2, end_call.").arg(t).arg(i),
                                QStringLiteral("t%1-%2").arg(t).arg(i)));
                    if (!out) {
                        qWarning("deploy failed: %s",
                                 qPrintable(out.error().message + out.error().detail));
                        ++failures;
                    }
                }
            });
        }
        for (auto &th : threads)
            th.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(count(db.spec()), kThreads * kEach);
        QCOMPARE(scalar(db.spec(), QStringLiteral("SELECT MAX(version) FROM retell_agent_prompts"))
                     .toInt(),
                 kThreads * kEach);
        QCOMPARE(scalar(db.spec(),
                        QStringLiteral("SELECT COUNT(DISTINCT version) FROM retell_agent_prompts"))
                     .toInt(),
                 kThreads * kEach);
        QCOMPARE(count(db.spec(), QStringLiteral("is_active = TRUE")), 1);
        QCOMPARE(count(db.spec(),
                       QStringLiteral("is_active = TRUE AND version = %1").arg(kThreads * kEach)),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestVersions)
#include "tst_versions.moc"
