// What issue 12 must show, through the CLI, on MariaDB and PostgreSQL: the
// test runs its own server (the shared fixture's stays up for the suites
// running beside it). A replica filled by `sync`; the server stopped; deploys
// to two branches queued with --offline; the server started again and
// another admin deploying to one of those branches meanwhile; `sync` exits 6
// with one operation applied (the next version, the only active one) and one
// conflict, which `outbox --json` shows; `merge` with outbox:OPID and
// `resolve` settle it; `sync` exits 0 with the outbox empty; a second `sync`
// changes nothing. Offline login works for the user who synced and no one
// else; the replica file is 0600.
#include "FileMode.h"
#include "TestDatabase.h"
#include "cli_runner.h"

#include "db/Database.h"
#include "templates/TemplateService.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

const QString kBerlin = QStringLiteral("Berlin Mitte");
const QString kHamburg = QStringLiteral("Hamburg Altona");

// mariadb-fixture.sh or pgsql-fixture.sh VERB DIR: "" or what went wrong.
QString fixture(const QString &verb, const QString &dir)
{
    const QString script =
        TestDatabase::isPostgres()
            ? QStringLiteral(RETELL_SOURCE_DIR "/tests/pgsql/pgsql-fixture.sh")
            : QStringLiteral(RETELL_SOURCE_DIR "/tests/mariadb/mariadb-fixture.sh");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(script, {verb, dir});
    if (!p.waitForFinished(180000))
        return QStringLiteral("%1 %2 did not finish").arg(script, verb);
    return p.exitCode() == 0 ? QString() : QString::fromUtf8(p.readAll());
}

} // namespace

class TestCliOfflineSync final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.isValid() && m_files.isValid());
        const QString problem = fixture(QStringLiteral("start"), m_server.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        qputenv(TestDatabase::isPostgres() ? "RETELL_TEST_PGSQL_DIR" : "RETELL_TEST_MARIADB_DIR",
                m_server.path().toUtf8());
        m_db = std::make_unique<TestDatabase>();
        RETELL_REQUIRE_DB(*m_db);
        auto app = CliRunner::seededDemo(m_db->spec());
        QVERIFY2(app, qPrintable(app ? QString() : app.error().message));
        m_cli.setSpec(app.value());
        m_replica = m_files.filePath(QStringLiteral("replica.sqlite"));
    }

    void cleanupTestCase()
    {
        if (m_db)
            Database::dropConnection(m_db->spec());
        m_db.reset();
        fixture(QStringLiteral("stop"), m_server.path());
    }

    void offlineDeploysSyncMergeAndSettle()
    {
        // Online: the viewer and the admin log in (and never sync); the owner syncs.
        QCOMPARE(run({QStringLiteral("branches")}, kViewer).exitCode, 0);
        QCOMPARE(run({QStringLiteral("branches")}, kAdmin).exitCode, 0);
        const CliResult filled = run({QStringLiteral("sync")});
        QVERIFY2(filled.exitCode == 0, qPrintable(filled.describe()));
        QCOMPARE(fileMode(m_replica), 0600);
        const QJsonObject berlin = activeOf(kBerlin), hamburg = activeOf(kHamburg);
        const int berlinBase = berlin.value(QStringLiteral("version")).toInt();
        const int hamburgBase = hamburg.value(QStringLiteral("version")).toInt();
        QVERIFY(berlinBase > 0 && hamburgBase > 0);
        const QString berlinPrompt = berlin.value(QStringLiteral("prompt")).toString();
        const QString tools =
            writeTestFile(m_files, QStringLiteral("tools.json"),
                          QJsonDocument(berlin.value(QStringLiteral("tools")).toArray()).toJson());

        // The server stops; the owner works offline on both branches.
        QString problem = fixture(QStringLiteral("kill"), m_server.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        Database::dropConnection(m_db->spec());
        const CliResult down = run({QStringLiteral("branches")});
        QCOMPARE(down.exitCode, 7);
        QVERIFY2(down.firstErrorLine().contains(QStringLiteral("--offline")),
                 qPrintable(down.describe()));
        const QString ours = writeTestFile(
            m_files, QStringLiteral("ours.md"),
            (berlinPrompt + QStringLiteral("\nOffline: parking on Level 2.\n")).toUtf8());
        const QString hamburgPrompt =
            writeTestFile(m_files, QStringLiteral("hamburg.md"),
                          (activeOf(kHamburg, true).value(QStringLiteral("prompt")).toString() +
                           QStringLiteral("\nOffline: new phone number.\n"))
                              .toUtf8());
        const CliResult queuedBerlin =
            offline({QStringLiteral("deploy"), kBerlin, QStringLiteral("--prompt"), ours,
                     QStringLiteral("--tools"), tools, QStringLiteral("--notes"),
                     QStringLiteral("parking, offline")});
        QVERIFY2(queuedBerlin.exitCode == 0, qPrintable(queuedBerlin.describe()));
        const CliResult queuedHamburg =
            offline({QStringLiteral("deploy"), kHamburg, QStringLiteral("--prompt"), hamburgPrompt,
                     QStringLiteral("--tools"), tools, QStringLiteral("--notes"),
                     QStringLiteral("phone, offline")});
        QVERIFY2(queuedHamburg.exitCode == 0, qPrintable(queuedHamburg.describe()));
        // Offline login: the owner only.
        for (const Who &who : {kViewer, kAdmin, Who{kOwner.email, QStringLiteral("wrong")}}) {
            const CliResult refused = offline({QStringLiteral("branches")}, who);
            QCOMPARE(refused.exitCode, 4);
            QVERIFY2(refused.firstErrorLine().contains(
                         QStringLiteral("Unknown e-mail address or wrong password")),
                     qPrintable(refused.describe()));
        }

        // The server is back; another admin deploys to Berlin meanwhile.
        problem = fixture(QStringLiteral("resume"), m_server.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString theirs = writeTestFile(
            m_files, QStringLiteral("theirs.md"),
            (QStringLiteral("Greet callers by the salon's name.\n") + berlinPrompt).toUtf8());
        const CliResult meanwhile =
            run({QStringLiteral("deploy"), kBerlin, QStringLiteral("--prompt"), theirs,
                 QStringLiteral("--tools"), tools, QStringLiteral("--notes"),
                 QStringLiteral("greeting, online")},
                kAdmin);
        QVERIFY2(meanwhile.exitCode == 0, qPrintable(meanwhile.describe()));

        const CliResult first = run({QStringLiteral("sync")});
        QVERIFY2(first.exitCode == 6, qPrintable(first.describe()));
        QVERIFY2(first.stdoutText().contains(QStringLiteral("Pushed: 1 applied")),
                 qPrintable(first.describe()));
        QCOMPARE(versionRows(kHamburg), QStringLiteral("1..%1 active %1").arg(hamburgBase + 1));
        QCOMPARE(versionRows(kBerlin), QStringLiteral("1..%1 active %1").arg(berlinBase + 1));
        const CliResult box = run({QStringLiteral("outbox"), QStringLiteral("--json")});
        QVERIFY2(box.exitCode == 0, qPrintable(box.describe()));
        const QJsonArray ops = box.json().array();
        QCOMPARE(ops.size(), 1);
        const QJsonObject conflict = ops.first().toObject();
        QCOMPARE(conflict.value(QStringLiteral("state")).toString(), QStringLiteral("conflict"));
        QCOMPARE(conflict.value(QStringLiteral("base_version")).toInt(), berlinBase);
        QVERIFY(!conflict.value(QStringLiteral("last_error")).toString().isEmpty());
        const QString id = conflict.value(QStringLiteral("id")).toString();
        QVERIFY(queuedBerlin.stdoutText().contains(id));

        // Merged (cleanly: different lines) and resolved.
        const QString merged = m_files.filePath(QStringLiteral("merged.json"));
        const CliResult merge =
            run({QStringLiteral("merge"), QStringLiteral("outbox:") + id,
                 QStringLiteral("%1@%2").arg(kBerlin).arg(berlinBase),
                 kBerlin + QStringLiteral("@active"), QStringLiteral("--output"), merged});
        QVERIFY2(merge.exitCode == 0, qPrintable(merge.describe()));
        const CliResult resolved =
            run({QStringLiteral("resolve"), id, QStringLiteral("--merged"), merged});
        QVERIFY2(resolved.exitCode == 0, qPrintable(resolved.describe()));
        const CliResult second = run({QStringLiteral("sync")});
        QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
        QCOMPARE(run({QStringLiteral("outbox"), QStringLiteral("--json")}).json().array().size(),
                 0);
        QCOMPARE(versionRows(kBerlin), QStringLiteral("1..%1 active %1").arg(berlinBase + 2));
        const QString final = activeOf(kBerlin).value(QStringLiteral("prompt")).toString();
        QVERIFY2(final.contains(QStringLiteral("Greet callers")) &&
                     final.contains(QStringLiteral("Level 2")),
                 qPrintable(final));

        // A second sync changes nothing.
        const QString before =
            versionRows(kBerlin) + versionRows(kHamburg) + QString::number(totalRows());
        const CliResult third = run({QStringLiteral("sync")});
        QVERIFY2(third.exitCode == 0, qPrintable(third.describe()));
        QVERIFY2(third.stdoutText().contains(QStringLiteral("Pushed: 0 applied")) &&
                     third.stdoutText().contains(QStringLiteral(" 0 new version(s), 0 active")),
                 qPrintable(third.describe()));
        QCOMPARE(versionRows(kBerlin) + versionRows(kHamburg) + QString::number(totalRows()),
                 before);
        QCOMPARE(fileMode(m_replica), 0600);
    }

private:
    CliResult run(const QStringList &args, const Who &who = kOwner) const
    {
        return m_cli.run(QStringList{QStringLiteral("--replica"), m_replica} + args, who);
    }
    CliResult offline(const QStringList &args, const Who &who = kOwner) const
    {
        return run(QStringList{QStringLiteral("--offline")} + args, who);
    }
    // The active version of a branch (`show --json`), online or offline.
    QJsonObject activeOf(const QString &branch, bool fromReplica = false) const
    {
        const QStringList args{QStringLiteral("show"), branch, QStringLiteral("--json")};
        const CliResult r = fromReplica ? offline(args) : run(args);
        if (r.exitCode != 0)
            qWarning("show failed: %s", qPrintable(r.describe()));
        return r.json().object();
    }
    // "1..N active A" from the server's rows (contiguous, one active), or what is wrong.
    QString versionRows(const QString &branchName) const
    {
        auto conn = Database::connection(m_db->spec());
        if (!conn)
            return conn.error().message;
        auto q = Database::exec(
            conn.value(),
            QStringLiteral("SELECT p.version, p.is_active FROM retell_agent_prompts p "
                           "JOIN branches b ON b.id = p.branch_id WHERE b.name = ? "
                           "AND p.is_template = FALSE ORDER BY p.version"),
            {branchName});
        if (!q)
            return q.error().message;
        int n = 0;
        QList<int> active;
        while (q->next()) {
            if (q->value(0).toInt() != ++n)
                return QStringLiteral("gap before version %1").arg(q->value(0).toInt());
            if (q->value(1).toBool())
                active << n;
        }
        if (active.size() != 1)
            return QStringLiteral("%1 active").arg(active.size());
        return QStringLiteral("1..%1 active %2").arg(n).arg(active.first());
    }
    int totalRows() const
    {
        auto conn = Database::connection(m_db->spec());
        if (!conn)
            return -1;
        auto q = Database::exec(conn.value(),
                                QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts"));
        return q && q->next() ? q->value(0).toInt() : -1;
    }

    QTemporaryDir m_server;
    QTemporaryDir m_files;
    std::unique_ptr<TestDatabase> m_db;
    CliRunner m_cli;
    QString m_replica;
};

QTEST_GUILESS_MAIN(TestCliOfflineSync)
#include "tst_cli_offline_sync.moc"
