#include "TestDatabase.h"
#include "TestWorld.h"

#include <QProcess>
#include <QSet>
#include <QTest>

#include <memory>
#include <vector>

using namespace retell::core;
using retell::test::TestDatabase;
using retell::test::TestWorld;

// Several processes deploy to one branch at the same moment: versions must be
// exactly 1..N (after any template rows), exactly one active, none lost.
class TestConcurrency final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("backend: %s", qPrintable(TestDatabase::backend())); }

    void processesDeployingToOneBranch_data()
    {
        QTest::addColumn<int>("processes");
        QTest::addColumn<int>("deploysEach");
        QTest::addColumn<int>("templateRows");
        QTest::newRow("4 processes x 50 deploys") << 4 << 50 << 0;
        QTest::newRow("4 processes x 25 deploys after 3 template rows") << 4 << 25 << 3;
    }

    void processesDeployingToOneBranch()
    {
        QFETCH(int, processes);
        QFETCH(int, deploysEach);
        QFETCH(int, templateRows);
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        TestWorld::create(db.spec());
        for (int v = 1; v <= templateRows; ++v)
            TestWorld::scalar(
                db.spec(),
                QStringLiteral("INSERT INTO retell_agent_prompts (branch_id, version, "
                               "prompt_content, functions_config, is_template, template_name) "
                               "VALUES (?, ?, 't', '[]', TRUE, ?)"),
                {TestWorld::kBranchA, v, QStringLiteral("T%1").arg(v)});
        QCOMPARE(TestWorld::promptRows(db.spec()), templateRows);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RETELL_ADMIN_DB_PASSWORD"), db.spec().password);
        std::vector<std::unique_ptr<QProcess>> workers;
        for (int p = 0; p < processes; ++p) {
            auto proc = std::make_unique<QProcess>();
            proc->setProcessEnvironment(env);
            proc->start(QStringLiteral(DEPLOY_WORKER_PATH),
                        {db.url(), TestWorld::kBranchA, QString::number(deploysEach),
                         QStringLiteral("p%1").arg(p)});
            QVERIFY(proc->waitForStarted());
            workers.push_back(std::move(proc));
        }
        for (auto &proc : workers) {
            while (!proc->canReadLine())
                QVERIFY2(proc->waitForReadyRead(30000), "worker did not get ready");
            QCOMPARE(proc->readLine().trimmed(), QByteArray("ready"));
        }
        for (auto &proc : workers) {
            proc->write("go\n");
            QVERIFY(proc->waitForBytesWritten(5000));
        }
        QSet<QString> reported;
        int interleaved = 0; // workers whose versions are not one contiguous block
        for (auto &proc : workers) {
            QVERIFY(proc->waitForFinished(600000));
            const QString out = QString::fromUtf8(proc->readAllStandardOutput());
            QVERIFY2(proc->exitCode() == 0,
                     qPrintable(out + QString::fromUtf8(proc->readAllStandardError())));
            int previous = -1;
            bool contiguous = true;
            for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                QVERIFY2(line.startsWith(QLatin1String("ok ")), qPrintable(line));
                const QString version = line.section(QLatin1Char(' '), 2, 2);
                const int number = version.mid(1).toInt();
                contiguous = contiguous && (previous < 0 || number == previous + 1);
                previous = number;
                QVERIFY2(!reported.contains(version),
                         qPrintable(QStringLiteral("version reported twice: ") + version));
                reported.insert(version);
            }
            interleaved += contiguous ? 0 : 1;
        }
        qInfo("%d of %d workers had their deploys interleaved with others", interleaved, processes);
        // InnoDB queues lock waiters fairly, so on MariaDB the workers must
        // interleave; SQLite's busy handler sleeps and lets one writer run on,
        // so there the go line only guarantees that they ran at the same time.
        if (TestDatabase::isServer())
            QVERIFY2(interleaved > 0, "the workers never overlapped, so this run proved nothing");
        const int total = processes * deploysEach;
        QCOMPARE(reported.size(), total);
        const ConnectionSpec &spec = db.spec();
        const QString branch =
            QStringLiteral("branch_id = '%1' AND is_template = FALSE").arg(TestWorld::kBranchA);
        QCOMPARE(TestWorld::promptRows(spec, branch), total);
        QCOMPARE(TestWorld::scalar(
                     spec, QStringLiteral("SELECT MIN(version) FROM retell_agent_prompts WHERE ") +
                               branch)
                     .toInt(),
                 templateRows + 1);
        QCOMPARE(TestWorld::scalar(
                     spec, QStringLiteral("SELECT MAX(version) FROM retell_agent_prompts WHERE ") +
                               branch)
                     .toInt(),
                 templateRows + total);
        QCOMPARE(TestWorld::scalar(
                     spec, QStringLiteral(
                               "SELECT COUNT(DISTINCT version) FROM retell_agent_prompts WHERE ") +
                               branch)
                     .toInt(),
                 total);
        QCOMPARE(
            TestWorld::scalar(
                spec,
                QStringLiteral(
                    "SELECT COUNT(DISTINCT deployment_notes) FROM retell_agent_prompts WHERE ") +
                    branch)
                .toInt(),
            total);
        QCOMPARE(TestWorld::promptRows(spec, QStringLiteral("is_active = TRUE")), 1);
        QCOMPARE(TestWorld::promptRows(
                     spec,
                     QStringLiteral("is_active = TRUE AND version = %1").arg(templateRows + total)),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
