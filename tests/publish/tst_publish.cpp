// Publishing to Retell (issue 15) on a real database against the loopback
// Retell stand-in: exactly once per version through lost answers, a 422
// keeps the version not live with Retell's message, a 429 waits for its
// Retry-After (injected clock), a dashboard edit is detected and imported,
// held + overwrite, unlinked branches untouched, tenant isolation.
#include "PublishWorld.h"

#include "access/AuthService.h"
#include "db/Database.h"

#include <thread>

using namespace retell::core;
using retell::test::FakeFault;
using retell::test::kBranchA;
using retell::test::kBranchB;
using retell::test::salonPrompt;
using retell::test::TestDatabase;
using retell::test::TestWorld;
using retell::test::World;

namespace QTest {
template <> char *toString(const Publication::State &state)
{
    return qstrdup(qPrintable(Publication::stateName(state)));
}
template <> char *toString(const LiveStatus::Kind &kind)
{
    return qstrdup(qPrintable(LiveStatus::kindName(kind)));
}
} // namespace QTest

class TestPublish final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("backend: %s", qPrintable(TestDatabase::backend())); }

    void deployOfALinkedBranchGoesLiveInThreeRoundTrips()
    {
        World w;
        REQUIRE_WORLD(w);
        VERIFY_OK(w.link());
        auto v1 = w.deploy(QStringLiteral("First."));
        VERIFY_OK(v1);
        // Written with the version, in its transaction: pending.
        QCOMPARE(w.sql(QStringLiteral("SELECT state FROM retell_admin_publications WHERE "
                                      "prompt_id = ?"),
                       {v1->version.rowId}),
                 QStringLiteral("pending"));
        auto first = w.publish();
        VERIFY_OK(first);
        QCOMPARE(first->state, Publication::State::Live);
        QCOMPARE(first->retellVersion, std::optional<int>(1));
        QCOMPARE(w.retellPrompt(), salonPrompt(QStringLiteral("First.")));
        QCOMPARE(w.sql(QStringLiteral("SELECT retell_agent_id FROM retell_agent_prompts WHERE "
                                      "id = ?"),
                       {v1->version.rowId}),
                 w.agentId);
        QCOMPARE(w.sql(QStringLiteral("SELECT retell_version FROM retell_agent_prompts WHERE "
                                      "id = ?"),
                       {v1->version.rowId}),
                 QStringLiteral("1"));
        // The first publish after linking asks for the latest version once.
        QCOMPARE(w.fake.model().log().size(), 4);

        w.fake.model().clearLog();
        VERIFY_OK(w.deploy(QStringLiteral("Second.")));
        auto second = w.publish();
        VERIFY_OK(second);
        QCOMPARE(second->state, Publication::State::Live);
        QCOMPARE(second->retellVersion, std::optional<int>(2));
        QCOMPARE(w.fake.model().log().size(), 3);
        QCOMPARE(w.requests(QStringLiteral("/create-agent-version")), 1);
        QCOMPARE(w.requests(QStringLiteral("/update-retell-llm")), 1);
        QCOMPARE(w.requests(QStringLiteral("/publish-agent-version")), 1);
        // Title and marker identify the version in Retell.
        const QJsonArray versions =
            w.fake.model().state(w.agentId).value(QStringLiteral("versions")).toArray();
        QCOMPARE(versions.last().toObject().value(QStringLiteral("version_title")).toString(),
                 QStringLiteral("v2 · Alpha"));
        QCOMPARE(w.publishedWithMarkerOf(2), 1);
        // Published again: nothing to do, nothing sent.
        w.fake.model().clearLog();
        auto again = w.publish();
        VERIFY_OK(again);
        QCOMPARE(again->state, Publication::State::Live);
        QCOMPARE(w.fake.model().log().size(), 0);
    }

    void exactlyOnceWhenTheAnswerIsLost_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("rollback");
        for (const bool rollback : {false, true})
            for (const char *path :
                 {"/create-agent-version", "/update-retell-llm", "/publish-agent-version"})
                QTest::addRow("%s after %s", rollback ? "rollback" : "deploy", path + 1)
                    << QString::fromLatin1(path) << rollback;
    }

    void exactlyOnceWhenTheAnswerIsLost()
    {
        QFETCH(QString, path);
        QFETCH(bool, rollback);
        World w;
        REQUIRE_WORLD(w);
        VERIFY_OK(w.linkedAndLive(QStringLiteral("One.")));
        VERIFY_OK(w.deploy(QStringLiteral("Two.")));
        VERIFY_OK(w.publish());
        const int before = w.publishedVersions();

        // The request is applied, then the connection drops before the answer.
        w.fault(path, FakeFault::Mode::DropAfterApply);
        Result<DeployOutcome> written = rollback
                                            ? VersionService(w.context).rollback(w.ann, kBranchA, 1)
                                            : w.deploy(QStringLiteral("Three."));
        VERIFY_OK(written);
        QCOMPARE(written->version.version, 3);
        auto failed = w.publish();
        VERIFY_OK(failed);
        QCOMPARE(failed->state, Publication::State::Pending);
        QVERIFY2(failed->errorCode.startsWith(QLatin1String("retell.")),
                 qPrintable(failed->errorCode));
        QVERIFY(failed->nextAttemptAt.has_value());

        // Not due yet: the background retry leaves it.
        auto early = w.publishDue();
        VERIFY_OK(early);
        QVERIFY(early->isEmpty());
        // Due after the backoff: live, published once.
        w.advance(int(w.now->secsTo(*failed->nextAttemptAt)));
        auto retried = w.publishDue();
        VERIFY_OK(retried);
        QCOMPARE(retried->size(), 1);
        QCOMPARE(retried->first().state, Publication::State::Live);
        QCOMPARE(w.publishedWithMarkerOf(3), 1);
        QCOMPARE(w.publishedVersions(), before + 1);
        QCOMPARE(w.sql(QStringLiteral("SELECT retell_version FROM retell_agent_prompts WHERE "
                                      "branch_id = ? AND version = 3"),
                       {kBranchA}),
                 QString::number(*retried->first().retellVersion));
        const QString expected =
            rollback ? salonPrompt(QStringLiteral("One.")) : salonPrompt(QStringLiteral("Three."));
        QCOMPARE(w.retellPrompt(), expected);
        // And never again.
        auto more = w.publishDue();
        VERIFY_OK(more);
        QVERIFY(more->isEmpty());
        QCOMPARE(w.publishedWithMarkerOf(3), 1);
    }

    // A worker that published and died before recording it: its lease
    // keeps the others off; after it the marker says the version is live.
    void aPublishCutOffByACrashIsRecoveredAfterItsLease()
    {
        World w;
        REQUIRE_WORLD(w);
        VERIFY_OK(w.linkedAndLive(QStringLiteral("One.")));
        VERIFY_OK(w.deploy(QStringLiteral("Two.")));
        w.fault(QStringLiteral("/publish-agent-version"), FakeFault::Mode::DropAfterApply);
        VERIFY_OK(w.publish());
        auto conn = Database::connection(w.db.spec());
        QVERIFY(conn);
        QVERIFY(Database::exec(conn.value(),
                               QStringLiteral("UPDATE retell_admin_publications SET state = "
                                              "'publishing', next_attempt_at = NULL, "
                                              "lease_until = ? WHERE version = 2"),
                               {toSqlTimestamp(w.now->addSecs(60))}));
        const int publishCalls = w.requests(QStringLiteral("/publish-agent-version"));

        auto held = w.publishDue();
        VERIFY_OK(held);
        QVERIFY(held->isEmpty());
        auto now = w.publish();
        VERIFY_OK(now);
        QCOMPARE(now->state, Publication::State::Publishing);
        w.advance(61);
        auto recovered = w.publishDue();
        VERIFY_OK(recovered);
        QCOMPARE(recovered->size(), 1);
        QCOMPARE(recovered->first().state, Publication::State::Live);
        QCOMPARE(w.requests(QStringLiteral("/publish-agent-version")), publishCalls);
        QCOMPARE(w.publishedWithMarkerOf(2), 1);
    }

    // Two admins' apps publishing the same version at once: the lease lets
    // one through; the other sees it publishing or live, never sends it.
    void twoWorkersPublishTheSameVersionOnce()
    {
        World w;
        REQUIRE_WORLD(w);
        VERIFY_OK(w.linkedAndLive(QStringLiteral("One.")));
        VERIFY_OK(w.deploy(QStringLiteral("Two.")));
        FakeFault slow;
        slow.pathPrefix = QStringLiteral("/create-agent-version");
        slow.mode = FakeFault::Mode::Slow;
        slow.delayMs = 300;
        slow.count = 2;
        w.fake.model().addFault(slow);
        const int creates = w.requests(QStringLiteral("/create-agent-version"));
        std::optional<Result<Publication>> results[2];
        std::thread workers[2];
        for (int i = 0; i < 2; ++i)
            workers[i] = std::thread([&w, &results, i] {
                results[i] = Publisher(w.context, w.factory).publishBranch(w.ann, kBranchA);
                Database::closeThreadConnections();
            });
        for (std::thread &t : workers)
            t.join();
        int live = 0;
        for (const auto &r : results) {
            VERIFY_OK(*r);
            live += (*r)->isLive();
            QVERIFY((*r)->isLive() || (*r)->state == Publication::State::Publishing);
        }
        QVERIFY(live >= 1);
        QCOMPARE(w.requests(QStringLiteral("/create-agent-version")), creates + 1);
        QCOMPARE(w.publishedWithMarkerOf(2), 1);
    }

    void rejectionKeepsTheVersionNotLiveWithRetellsMessage()
    {
        World w;
        REQUIRE_WORLD(w);
        VERIFY_OK(w.link());
        VERIFY_OK(w.deploy(QStringLiteral("One.")));
        const QString retellSays =
            QStringLiteral("general_prompt exceeds the maximum of 8192 tokens.");
        w.fault(QStringLiteral("/update-retell-llm"), FakeFault::Mode::Status, 422, retellSays);
        auto rejected = w.publish();
        VERIFY_OK(rejected);
        QCOMPARE(rejected->state, Publication::State::Rejected);
        QCOMPARE(rejected->errorCode, QStringLiteral("retell.rejected"));
        QVERIFY2(rejected->errorMessage.contains(retellSays), qPrintable(rejected->errorMessage));
        QVERIFY2(!rejected->nextAttemptAt,
                 qPrintable(rejected->nextAttemptAt->toString(Qt::ISODate)));
        QCOMPARE(w.sql(QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts WHERE "
                                      "retell_version IS NOT NULL")),
                 QStringLiteral("0"));
        // Not retried by the background, however long it waits.
        w.fake.model().clearLog();
        w.advance(24 * 3600);
        auto due = w.publishDue();
        VERIFY_OK(due);
        QVERIFY(due->isEmpty());
        QCOMPARE(w.fake.model().log().size(), 0);
        auto status = DriftService(w.context, w.factory).check(w.ann, kBranchA);
        VERIFY_OK(status);
        QCOMPARE(status->kind, LiveStatus::Kind::Behind);
        // A forced publish tries again.
        auto forced = w.publish(true);
        VERIFY_OK(forced);
        QCOMPARE(forced->state, Publication::State::Live);
    }

    void rateLimitIsRetriedAfterRetryAfter()
    {
        World w;
        REQUIRE_WORLD(w);
        VERIFY_OK(w.link());
        VERIFY_OK(w.deploy(QStringLiteral("One.")));
        w.fault(QStringLiteral("/create-agent-version"), FakeFault::Mode::Status, 429,
                QStringLiteral("Too many requests."), QStringLiteral("120"));
        auto limited = w.publish();
        VERIFY_OK(limited);
        QCOMPARE(limited->state, Publication::State::Pending);
        QCOMPARE(limited->errorCode, QStringLiteral("retell.rate_limited"));
        QCOMPARE(limited->nextAttemptAt, std::optional(w.now->addSecs(120)));
        // Neither the background nor "publish now" goes before Retry-After.
        w.fake.model().clearLog();
        w.advance(119);
        auto early = w.publishDue();
        VERIFY_OK(early);
        QVERIFY(early->isEmpty());
        auto now = w.publish();
        VERIFY_OK(now);
        QCOMPARE(now->state, Publication::State::Pending);
        QCOMPARE(w.fake.model().log().size(), 0);
        w.advance(1);
        auto retried = w.publishDue();
        VERIFY_OK(retried);
        QCOMPARE(retried->size(), 1);
        QCOMPARE(retried->first().state, Publication::State::Live);
        QCOMPARE(retried->first().attempts, 2);
    }

    void dashboardEditIsDetectedAndImported()
    {
        World w;
        REQUIRE_WORLD(w);
        VERIFY_OK(w.linkedAndLive(QStringLiteral("One.")));
        DriftService drift(w.context, w.factory);
        auto live = drift.check(w.ann, kBranchA);
        VERIFY_OK(live);
        QCOMPARE(live->kind, LiveStatus::Kind::Live);

        const QString edited = salonPrompt(QStringLiteral("Edited in the dashboard."));
        const QJsonArray tools{
            QJsonObject{{QStringLiteral("type"), QStringLiteral("end_call")},
                        {QStringLiteral("name"), QStringLiteral("end_call")},
                        {QStringLiteral("description"), QStringLiteral("Hang up when done.")}}};
        w.fake.model().dashboardEdit({{QStringLiteral("llm_id"), w.llmId},
                                      {QStringLiteral("general_prompt"), edited},
                                      {QStringLiteral("general_tools"), tools},
                                      {QStringLiteral("publish"), true}});
        auto drifted = drift.check(w.ann, kBranchA);
        VERIFY_OK(drifted);
        QCOMPARE(drifted->kind, LiveStatus::Kind::DashboardEdit);
        QCOMPARE(drifted->liveConfig.prompt, edited);
        QCOMPARE(drifted->activeVersion, std::optional<int>(1));

        auto imported = drift.importLive(w.ann, kBranchA, QStringLiteral("keep Maria's fix"));
        VERIFY_OK(imported);
        QCOMPARE(imported->deployed.version.version, 2);
        QCOMPARE(imported->deployed.version.config.prompt, edited);
        QCOMPARE(imported->deployed.version.notes,
                 QStringLiteral("Imported from the Retell dashboard: keep Maria's fix"));
        QCOMPARE(imported->publication.state, Publication::State::Live);
        QCOMPARE(imported->publication.retellVersion, std::optional<int>(2));
        QCOMPARE(w.sql(QStringLiteral("SELECT detail FROM retell_admin_audit WHERE kind = "
                                      "'import' AND version = 2")),
                 QStringLiteral("retell-dashboard"));
        auto after = drift.check(w.ann, kBranchA);
        VERIFY_OK(after);
        QCOMPARE(after->kind, LiveStatus::Kind::Live);
        // Nothing left to publish: the imported version is what Retell runs.
        const int published = w.publishedVersions();
        auto due = w.publishDue();
        VERIFY_OK(due);
        QVERIFY(due->isEmpty());
        QCOMPARE(w.publishedVersions(), published);
    }

    void newerDashboardEditHoldsUntilOverwritten()
    {
        World w;
        REQUIRE_WORLD(w);
        VERIFY_OK(w.linkedAndLive(QStringLiteral("One.")));
        w.fake.model().dashboardEdit({{QStringLiteral("llm_id"), w.llmId},
                                      {QStringLiteral("general_prompt"), QStringLiteral("Hi.")},
                                      {QStringLiteral("publish"), true}});
        VERIFY_OK(w.deploy(QStringLiteral("Two.")));
        auto held = w.publish();
        VERIFY_OK(held);
        QCOMPARE(held->state, Publication::State::Held);
        QCOMPARE(held->errorCode, QString::fromLatin1(kRetellNewerEdit));
        QCOMPARE(w.retellPrompt(), QStringLiteral("Hi."));
        DriftService drift(w.context, w.factory);
        auto behind = drift.check(w.ann, kBranchA);
        VERIFY_OK(behind);
        QCOMPARE(behind->kind, LiveStatus::Kind::Behind);
        // Retried without force: still held, Retell untouched.
        auto again = w.publish();
        VERIFY_OK(again);
        QCOMPARE(again->state, Publication::State::Held);

        auto overwritten = drift.overwriteLive(w.ann, kBranchA);
        VERIFY_OK(overwritten);
        QCOMPARE(overwritten->state, Publication::State::Live);
        QVERIFY(overwritten->forced);
        QCOMPARE(w.retellPrompt(), salonPrompt(QStringLiteral("Two.")));
        auto live = drift.check(w.ann, kBranchA);
        VERIFY_OK(live);
        QCOMPARE(live->kind, LiveStatus::Kind::Live);
    }

    void unlinkedBranchesBehaveAsBefore()
    {
        World w;
        REQUIRE_WORLD(w);
        VERIFY_OK(w.link(kBranchA));
        auto deployed = w.deploy(QStringLiteral("Beta."), kBranchB);
        VERIFY_OK(deployed);
        QCOMPARE(w.sql(QStringLiteral("SELECT COUNT(*) FROM retell_admin_publications")),
                 QStringLiteral("0"));
        auto published = Publisher(w.context, w.factory).publishBranch(w.ann, kBranchB);
        QVERIFY(!published);
        QCOMPARE(published.error().kind, ErrorKind::NotFound);
        QCOMPARE(published.error().code, QString::fromLatin1(kRetellNotLinked));
        QCOMPARE(published.error().message,
                 QStringLiteral("Beta is not linked to a Retell agent."));
        auto status = DriftService(w.context, w.factory).check(w.ann, kBranchB);
        VERIFY_OK(status);
        QCOMPARE(status->kind, LiveStatus::Kind::NotLinked);
        QCOMPARE(w.fake.model().log().size(), 0);

        // Unlinking stops what waits; the versions stay.
        VERIFY_OK(w.deploy(QStringLiteral("Alpha.")));
        VERIFY_OK(LinkService(w.context).unlink(w.ann, kBranchA));
        QCOMPARE(w.sql(QStringLiteral("SELECT state FROM retell_admin_publications")),
                 QStringLiteral("superseded"));
        VERIFY_OK(w.deploy(QStringLiteral("Alpha again.")));
        QCOMPARE(w.sql(QStringLiteral("SELECT COUNT(*) FROM retell_admin_publications")),
                 QStringLiteral("1"));
        QCOMPARE(w.sql(QStringLiteral("SELECT COUNT(*) FROM retell_admin_audit WHERE kind IN "
                                      "('retell-link', 'retell-unlink')")),
                 QStringLiteral("2"));
    }

    void anAgentBelongsToOneBranchAndOneCompany()
    {
        World w;
        REQUIRE_WORLD(w);
        VERIFY_OK(w.link(kBranchA));
        auto twice = w.link(kBranchB);
        QVERIFY(!twice);
        QCOMPARE(twice.error().kind, ErrorKind::Conflict);
        QCOMPARE(twice.error().code, QString::fromLatin1(kRetellAgentLinked));

        // An admin of another company reaches nothing of Acme's.
        auto conn = Database::connection(w.db.spec());
        QVERIFY(conn);
        const QByteArray hash = AuthService::hashPassword("pw", 4).value();
        for (const QString &s :
             {QStringLiteral("INSERT INTO companies (name) VALUES ('Other Salons')"),
              QStringLiteral("INSERT INTO users (name, email, password) VALUES ('Otto', "
                             "'otto@example.com', '%1')")
                  .arg(QString::fromLatin1(hash)),
              QStringLiteral("INSERT INTO retell_admin_grants (user_id, scope, scope_id, role) "
                             "VALUES (2, 'company', '2', 'admin')")})
            QVERIFY(Database::exec(conn.value(), s));
        auto otto =
            AuthService(w.context).login(QStringLiteral("otto@example.com"), QStringLiteral("pw"));
        VERIFY_OK(otto);
        const QJsonObject other =
            w.fake.model().addAgent({{QStringLiteral("general_prompt"), QStringLiteral("x")}});
        auto linked = LinkService(w.context).link(
            otto.value(), kBranchB, other.value(QStringLiteral("agent_id")).toString(),
            other.value(QStringLiteral("llm_id")).toString());
        QVERIFY(!linked);
        QCOMPARE(linked.error().kind, ErrorKind::Permission);
        QVERIFY(!LinkService(w.context).unlink(otto.value(), kBranchA));
        VERIFY_OK(w.deploy(QStringLiteral("One.")));
        auto published = Publisher(w.context, w.factory).publishBranch(otto.value(), kBranchA);
        QVERIFY(!published);
        QCOMPARE(published.error().kind, ErrorKind::Permission);
        auto links = LinkService(w.context).links(otto.value());
        VERIFY_OK(links);
        QVERIFY(links->isEmpty());
        auto due = Publisher(w.context, w.factory).publishDue(otto.value());
        VERIFY_OK(due);
        QVERIFY(due->isEmpty());
        auto drift = DriftService(w.context, w.factory).checkMany(otto.value());
        VERIFY_OK(drift);
        QVERIFY(drift->statuses.isEmpty());
        QCOMPARE(w.fake.model().log().size(), 0);
        QCOMPARE(w.sql(QStringLiteral("SELECT COUNT(*) FROM retell_admin_audit WHERE kind = "
                                      "'refused'")),
                 QStringLiteral("3"));
    }

    void driftOfManyBranchesReportsProgressAndStops()
    {
        World w;
        REQUIRE_WORLD(w);
        VERIFY_OK(w.link(kBranchA));
        const QJsonObject second = w.fake.model().addAgent(
            {{QStringLiteral("general_prompt"), QStringLiteral("Beta in Retell.")}});
        VERIFY_OK(LinkService(w.context).link(w.ann, kBranchB,
                                              second.value(QStringLiteral("agent_id")).toString(),
                                              second.value(QStringLiteral("llm_id")).toString()));
        VERIFY_OK(w.deploy(QStringLiteral("One.")));
        VERIFY_OK(w.publish());
        DriftService drift(w.context, w.factory);
        QList<int> seen;
        auto report = drift.checkMany(w.ann, {}, [&](int done, int total) {
            QCOMPARE(total, 2);
            seen << done;
        });
        VERIFY_OK(report);
        QCOMPARE(report->statuses.size(), 2);
        QVERIFY(!report->cancelled);
        QCOMPARE(seen.last(), 2);
        for (const LiveStatus &s : report->statuses)
            QVERIFY2(!s.error, qPrintable(s.error ? s.error->message : QString()));
        for (const LiveStatus &s : report->statuses)
            QCOMPARE(s.kind, s.branchId == kBranchA ? LiveStatus::Kind::Live
                                                    : LiveStatus::Kind::DashboardEdit);

        std::stop_source stop;
        stop.request_stop();
        w.fake.model().clearLog();
        auto cancelled = drift.checkMany(w.ann, {}, {}, stop.get_token());
        VERIFY_OK(cancelled);
        QVERIFY(cancelled->cancelled);
        for (const LiveStatus &s : cancelled->statuses) {
            QCOMPARE(s.kind, LiveStatus::Kind::Unknown);
            QCOMPARE(s.error->code, QString::fromLatin1(kRetellCancelled));
        }
        QCOMPARE(w.fake.model().log().size(), 0);

        // Retell down: Unknown with the reason, never a wrong answer.
        w.fault(QStringLiteral("/get-retell-llm"), FakeFault::Mode::Status, 503);
        auto down = drift.check(w.ann, kBranchA);
        VERIFY_OK(down);
        QCOMPARE(down->kind, LiveStatus::Kind::Unknown);
        QCOMPARE(down->error->code, QStringLiteral("retell.server"));
    }
};

QTEST_GUILESS_MAIN(TestPublish)
#include "tst_publish.moc"
