// The outbox pushed through a proxy that cuts the link at every step of the
// server transaction (issue 12, "cut at every step"), on MariaDB and
// PostgreSQL: before the push (idle links dropped or their sessions killed),
// after BEGIN, after the version row's INSERT, during COMMIT, and after
// COMMIT before its answer reaches the app. After each cut and a second
// push: every queued operation is applied exactly once (its id recorded
// once, one version row of its content), versions run 1..N with exactly one
// active per branch, nothing is lost, and an operation whose answer was lost
// is recognised as a replay.
#include "CuttingProxy.h"
#include "OfflineWorld.h"
#include "TestDatabase.h"

#include "db/Database.h"
#include "offline/OutboxPush.h"

#include <QTest>

#include <memory>

using namespace retell::core;
using namespace retell::test;
using Point = CuttingProxy::Point;
using Method = CuttingProxy::Method;

Q_DECLARE_METATYPE(CuttingProxy::Point)
Q_DECLARE_METATYPE(CuttingProxy::Method)

class TestPushCuts final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        RETELL_REQUIRE_DB(m_db);
        m_world = std::make_unique<OfflineWorld>(m_db.spec(), 3);
        QVERIFY2(m_world->isValid(), qPrintable(m_world->error()));
        m_proxy = std::make_unique<CuttingProxy>(m_db.spec());
        QVERIFY(m_proxy->isListening());
    }

    void cleanupTestCase()
    {
        Database::dropConnection(m_proxy->spec());
        m_proxy.reset();
        m_world.reset();
    }

    // Three deploys made offline on one branch, each on top of the one
    // before (all based on the replica's active version): all apply, in
    // order. (The push used to rebase only the second one; the third became
    // a conflict.)
    void aChainOfThreeApplies()
    {
        QVERIFY(m_world->pull().isEmpty());
        const QString branch = m_world->branches().at(2);
        for (int i = 0; i < 3; ++i)
            QVERIFY(m_world->queueDeploy(branch));
        auto pushed = OutboxPush(m_world->server(), m_world->replica()).push(m_world->actor());
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        QCOMPARE(pushed->conflicts, 0);
        QCOMPARE(pushed->applied, 3);
        QCOMPARE(m_world->check(true), QString());
    }

    // The proxy reads the statements the drivers really send.
    void theProxySeesTheTransaction()
    {
        QVERIFY(m_world->pull().isEmpty());
        QVERIFY(m_world->queueDeploy(m_world->branches().at(0)));
        m_proxy->setLogging(true);
        auto pushed =
            OutboxPush(ServiceContext{m_proxy->spec()}, m_world->replica()).push(m_world->actor());
        const QStringList log = m_proxy->log();
        m_proxy->setLogging(false);
        QVERIFY(pushed && pushed->applied == 1);
        const QString stream = log.join(QLatin1Char('\n'));
        QVERIFY2(stream.contains(QLatin1String("INSERT INTO retell_agent_prompts")),
                 qPrintable(stream));
        QVERIFY2(stream.contains(QLatin1String("COMMIT")), qPrintable(stream));
        QVERIFY2(stream.contains(m_db.isMariaDb() ? QLatin1String("START TRANSACTION")
                                                  : QLatin1String("BEGIN")),
                 qPrintable(stream));
        QCOMPARE(m_world->check(true), QString());
    }

    void cutAtEveryStep_data()
    {
        QTest::addColumn<Point>("point");
        QTest::addColumn<Method>("method");
        QTest::addColumn<int>("skip");
        for (const Point point : {Point::None, Point::AfterBegin, Point::AfterInsert,
                                  Point::DuringCommit, Point::AfterCommit}) {
            // The first operation cut, or the second (on top of the first).
            for (const int skip : {0, 1}) {
                const QString name =
                    QStringLiteral("%1, %2, operation %3")
                        .arg(CuttingProxy::pointName(point), CuttingProxy::methodName(Method::Drop))
                        .arg(skip + 1);
                QTest::newRow(qPrintable(name)) << point << Method::Drop << skip;
                if (point == Point::None)
                    break; // no operation to count before the push
            }
            if (point == Point::None || point == Point::AfterBegin || point == Point::AfterInsert)
                QTest::newRow(qPrintable(CuttingProxy::pointName(point) + QStringLiteral(", ") +
                                         CuttingProxy::methodName(Method::KillSession)))
                    << point << Method::KillSession << 0;
        }
    }

    void cutAtEveryStep()
    {
        QFETCH(Point, point);
        QFETCH(Method, method);
        QFETCH(int, skip);
        QVERIFY(m_world->pull().isEmpty());
        const QString one = m_world->branches().at(0), two = m_world->branches().at(1);
        // Two deploys on one branch (the second on top of the first), one on another.
        QVERIFY(m_world->queueDeploy(one));
        QVERIFY(m_world->queueDeploy(one));
        QVERIFY(m_world->queueDeploy(two));
        const ServiceContext through{m_proxy->spec()};
        const OutboxPush push(through, m_world->replica());
        if (point == Point::None) {
            // A link open and idle (as after an earlier sync), then lost.
            QVERIFY(Database::connection(through.spec));
            QVERIFY(m_proxy->cutAll(method) >= 1);
        } else {
            m_proxy->arm(point, method, skip);
        }
        auto first = push.push(m_world->actor());
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QVERIFY(point == Point::None || m_proxy->fired());
        m_proxy->disarm();
        QCOMPARE(first->replayed, 0);
        QCOMPARE(first->conflicts + first->refused, 0);
        // Nothing lost or doubled even before the recovery.
        QCOMPARE(m_world->check(false), QString());
        // A cut at COMMIT leaves the outcome unknown to the app: it stops.
        if (point == Point::DuringCommit || point == Point::AfterCommit)
            QVERIFY2(first->stopped, qPrintable(first->stopReason));

        auto second = push.push(m_world->actor());
        QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
        QVERIFY2(!second->stopped, qPrintable(second->stopReason));
        QCOMPARE(second->conflicts + second->refused + second->waiting, 0);
        QCOMPARE(first->applied + second->applied + second->replayed, 3);
        // The server committed, the answer was lost: recognised by its id.
        if (point == Point::AfterCommit)
            QCOMPARE(second->replayed, 1);
        else if (point != Point::DuringCommit)
            QCOMPARE(second->replayed, 0);
        int applied = 0;
        QCOMPARE(m_world->check(true, &applied), QString());
        QCOMPARE(applied, m_world->queuedCount());
        qInfo("first push: %d applied%s; second: %d applied, %d replayed", first->applied,
              first->stopped ? " then stopped" : "", second->applied, second->replayed);
    }

private:
    TestDatabase m_db;
    std::unique_ptr<OfflineWorld> m_world;
    std::unique_ptr<CuttingProxy> m_proxy;
};

QTEST_GUILESS_MAIN(TestPushCuts)
#include "tst_push_cuts.moc"
