// Seeded soak of the offline push (issue 12): rounds of operations queued on
// several branches (deploys chained on one another, rollbacks), each round
// pushed through the cutting proxy with one or two random cuts (any step of
// the server transaction, link dropped or session killed, at a random
// operation), then pushed cleanly. After every push nothing is lost or
// doubled; after every clean push everything queued is applied exactly once,
// versions run 1..N with one active per branch.
//   RETELL_SOAK_SEED=N        replays a run (the seed is printed)
//   RETELL_SOAK_OPERATIONS=N  operations in all (default 240)
#include "CuttingProxy.h"
#include "OfflineWorld.h"
#include "TestDatabase.h"

#include "db/Database.h"
#include "offline/OutboxPush.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace retell::core;
using namespace retell::test;
using Point = CuttingProxy::Point;
using Method = CuttingProxy::Method;

namespace {

constexpr Point kPoints[] = {Point::None, Point::AfterBegin, Point::AfterInsert,
                             Point::DuringCommit, Point::AfterCommit};

} // namespace

class TestOfflineSoak final : public QObject
{
    Q_OBJECT

private slots:
    void randomCutsLoseNothingAndDoubleNothing();

private:
    TestDatabase m_db;
};

void TestOfflineSoak::randomCutsLoseNothingAndDoubleNothing()
{
    RETELL_REQUIRE_DB(m_db);
    const quint32 seed = qEnvironmentVariableIsSet("RETELL_SOAK_SEED")
                             ? quint32(qEnvironmentVariableIntValue("RETELL_SOAK_SEED"))
                             : QRandomGenerator::global()->generate();
    const int target = qEnvironmentVariableIsSet("RETELL_SOAK_OPERATIONS")
                           ? qEnvironmentVariableIntValue("RETELL_SOAK_OPERATIONS")
                           : 240;
    qInfo("RETELL_SOAK_SEED=%u RETELL_SOAK_OPERATIONS=%d", seed, target);
    QRandomGenerator random(seed);
    OfflineWorld world(m_db.spec(), 4);
    QVERIFY2(world.isValid(), qPrintable(world.error()));
    CuttingProxy proxy(m_db.spec());
    QVERIFY(proxy.isListening());
    const ServiceContext through{proxy.spec()};
    const OutboxPush push(through, world.replica());
    // Whether the branch's active content is version 1's (a rollback to it
    // would change nothing and be refused).
    QHash<QString, bool> atVersionOne;
    for (const QString &branch : world.branches())
        atVersionOne.insert(branch, true);
    QHash<QString, int> cuts; // "point, method" -> how many fired
    int rounds = 0, replayed = 0, stops = 0;
    while (world.queuedCount() < target) {
        ++rounds;
        QVERIFY(world.pull().isEmpty()); // the sync after the previous push
        const int count = int(random.bounded(1, 9));
        for (int i = 0; i < count; ++i) {
            const QString branch = world.branches().at(int(random.bounded(4)));
            const bool rollback = !atVersionOne.value(branch) && random.bounded(10) == 0;
            QVERIFY(rollback ? world.queueRollback(branch) : world.queueDeploy(branch));
            atVersionOne[branch] = rollback;
        }
        const int cutPushes = int(random.bounded(0, 3));
        for (int p = 0; p < cutPushes; ++p) {
            const Point point = kPoints[random.bounded(5)];
            const bool killable =
                point == Point::None || point == Point::AfterBegin || point == Point::AfterInsert;
            const Method method =
                killable && random.bounded(2) ? Method::KillSession : Method::Drop;
            bool fired = false;
            if (point == Point::None) {
                fired = Database::connection(through.spec) && proxy.cutAll(method) > 0;
            } else {
                proxy.arm(point, method, int(random.bounded(count)));
            }
            auto pushed = push.push(world.actor());
            QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
            fired = fired || proxy.fired();
            proxy.disarm();
            if (fired)
                ++cuts[CuttingProxy::pointName(point) + QStringLiteral(", ") +
                       CuttingProxy::methodName(method)];
            stops += pushed->stopped ? 1 : 0;
            replayed += pushed->replayed;
            QCOMPARE(pushed->conflicts + pushed->refused, 0);
            const QString problem = world.check(false);
            QVERIFY2(
                problem.isEmpty(),
                qPrintable(
                    QStringLiteral("seed %1, round %2: %3").arg(seed).arg(rounds).arg(problem)));
        }
        auto clean = push.push(world.actor());
        QVERIFY2(clean, qPrintable(clean ? QString() : clean.error().message));
        QVERIFY2(!clean->stopped, qPrintable(clean->stopReason));
        replayed += clean->replayed;
        const QString problem = world.check(true);
        QVERIFY2(
            problem.isEmpty(),
            qPrintable(QStringLiteral("seed %1, round %2: %3").arg(seed).arg(rounds).arg(problem)));
    }
    int applied = 0;
    QCOMPARE(world.check(true, &applied), QString());
    QCOMPARE(applied, world.queuedCount());
    qInfo("%d operations in %d rounds; %d pushes stopped by a cut, %d replays recognised", applied,
          rounds, stops, replayed);
    for (auto it = cuts.cbegin(); it != cuts.cend(); ++it)
        qInfo("  cut %s: %d", qPrintable(it.key()), it.value());
    Database::dropConnection(through.spec);
}

QTEST_GUILESS_MAIN(TestOfflineSoak)
#include "tst_offline_soak.moc"
