// The MariaDB server killed (SIGKILL) and restarted three times during a
// stream of deploys from another process. The test runs its own server (the
// shared fixture's must stay up for the suites running in parallel).
// Afterwards: CHECK TABLE passes, versions run 1..N, exactly one is active,
// every acknowledged deploy is present, and the deployer carried on after
// each restart (it is killed itself at the end of the stream).
#include "CrashSupport.h"
#include "TestDatabase.h"
#include "TestWorld.h"

#include "db/Database.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace retell::core;
using retell::test::CrashWorker;
using retell::test::TestDatabase;
using retell::test::TestWorld;

namespace {

constexpr int kServerKills = 3;
constexpr int kDeploysBetweenKills = 25;

QString fixture(const QString &verb, const QString &dir)
{
    QProcess script;
    script.setProcessChannelMode(QProcess::MergedChannels);
    script.start(QStringLiteral(RETELL_SOURCE_DIR "/tests/mariadb/mariadb-fixture.sh"),
                 {verb, dir});
    if (!script.waitForFinished(180000))
        return QStringLiteral("mariadb-fixture.sh %1 did not finish").arg(verb);
    if (script.exitCode() != 0)
        return QString::fromUtf8(script.readAll());
    return {};
}

} // namespace

class TestServerKill final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void deploysSurviveServerKills();

private:
    QTemporaryDir m_server;
};

void TestServerKill::initTestCase()
{
    QVERIFY(m_server.isValid());
    const QString problem = fixture(QStringLiteral("start"), m_server.path());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    qputenv("RETELL_TEST_MARIADB_DIR", m_server.path().toUtf8());
    qputenv("RETELL_TEST_BACKEND", "mariadb");
}

void TestServerKill::cleanupTestCase()
{
    fixture(QStringLiteral("stop"), m_server.path());
}

void TestServerKill::deploysSurviveServerKills()
{
    TestDatabase db;
    RETELL_REQUIRE_DB(db);
    TestWorld::create(db.spec());
    // A stream longer than the test: the worker is killed at the end.
    CrashWorker worker(db.spec(), TestWorld::kBranchA, 1000000, -1, QStringLiteral("s"));
    QVERIFY2(worker.waitForLine(QStringLiteral("ready"), 60000), qPrintable(worker.output()));
    const auto deploysAcknowledged = [&worker](int count) {
        const int target = worker.okCount() + count;
        while (worker.okCount() < target) {
            if (!worker.waitForLine(QStringLiteral("ok "), 60000))
                return false;
        }
        return true;
    };
    for (int kill = 1; kill <= kServerKills; ++kill) {
        QVERIFY2(deploysAcknowledged(kDeploysBetweenKills), qPrintable(worker.output()));
        QString problem = fixture(QStringLiteral("kill"), m_server.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        Database::dropConnection(db.spec()); // ours died with the server
        // Deploys fail while the server is down; then it recovers.
        QVERIFY2(worker.waitForLine(QStringLiteral("failed "), 60000), qPrintable(worker.output()));
        problem = fixture(QStringLiteral("resume"), m_server.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(
            deploysAcknowledged(1),
            qPrintable(
                QStringLiteral("no deploy after restart %1: %2").arg(kill).arg(worker.output())));
    }
    QVERIFY2(deploysAcknowledged(kDeploysBetweenKills), qPrintable(worker.output()));
    worker.kill();
    int versions = 0;
    const QString problem = retell::test::checkHistory(db.spec(), TestWorld::kBranchA,
                                                       worker.acknowledged(), {}, &versions);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    qInfo("%d server kills; %d deploys acknowledged, %d versions stored", kServerKills,
          worker.okCount(), versions);
}

QTEST_GUILESS_MAIN(TestServerKill)
#include "tst_server_kill.moc"
