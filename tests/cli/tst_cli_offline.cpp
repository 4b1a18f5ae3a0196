// The CLI's offline work (issue 12 §7) on every backend: sync fills a private
// replica (0600); --offline reads and queues on it with an unreachable
// server URL (so it never contacts the server); the outbox lists, refuses to
// drop without --yes, drops with it; offline login works for the user who
// synced and no one else; an unreachable server suggests --offline.
#include "FileMode.h"
#include "TestDatabase.h"
#include "cli_runner.h"

#include "offline/Replica.h"
#include "templates/TemplateService.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QTemporaryDir>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

const QString kBerlin = QStringLiteral("Berlin Mitte");
// Nothing listens on port 1: any attempt to reach the server fails at once.
const QString kUnreachable = QStringLiteral("mysql://retell@127.0.0.1:1/retell");

} // namespace

class TestCliOffline final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        RETELL_REQUIRE_DB(m_db);
        auto app = CliRunner::seededDemo(m_db.spec());
        QVERIFY2(app, qPrintable(app ? QString() : app.error().message));
        m_cli.setSpec(app.value());
        m_app = app.value();
        m_replica = m_files.filePath(QStringLiteral("replica/r.sqlite"));
        m_prompt = writeTestFile(m_files, QStringLiteral("p.txt"),
                                 "You book appointments for Berlin Mitte, offline edit.\n");
        m_tools = writeTestFile(m_files, QStringLiteral("t.json"),
                                TemplateService::builtIns().value(1).config.toolsJson.toUtf8());
    }

    void syncFillsAPrivateReplica()
    {
        const CliResult r =
            m_cli.run({QStringLiteral("--replica"), m_replica, QStringLiteral("sync")}, kOwner);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QStringLiteral("Pushed: 0 applied")),
                 qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QStringLiteral("new version(s)")),
                 qPrintable(r.describe()));
        QCOMPARE(fileMode(m_replica), 0600);
        QCOMPARE(fileMode(QFileInfo(m_replica).absolutePath()), 0700);
        // Without --replica: under the app data folder, named after the server.
        QTemporaryDir home;
        QProcessEnvironment env;
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
        const CliResult d = m_cli.run({QStringLiteral("sync")}, kOwner, env);
        QVERIFY2(d.exitCode == 0, qPrintable(d.describe()));
        const QString expected = home.path() +
                                 QStringLiteral("/retell-admin/retell-admin/replicas/") +
                                 replicaFileName(m_app);
        QVERIFY2(QFile::exists(expected), qPrintable(expected + QLatin1Char(' ') + d.describe()));
        QCOMPARE(fileMode(expected), 0600);
        QVERIFY(m_app.password.isEmpty() || !expected.contains(m_app.password));
    }

    void offlineNeverContactsTheServer()
    {
        const CliResult branches = offline({QStringLiteral("branches")});
        QVERIFY2(branches.exitCode == 0, qPrintable(branches.describe()));
        QVERIFY(branches.stdoutText().contains(kBerlin));
        for (const QStringList &args :
             {QStringList{QStringLiteral("show"), kBerlin},
              QStringList{QStringLiteral("history"), kBerlin},
              QStringList{QStringLiteral("templates")},
              QStringList{QStringLiteral("export"), kBerlin},
              QStringList{QStringLiteral("diff"), kBerlin + QStringLiteral("@1"),
                          kBerlin + QStringLiteral("@active")}}) {
            const CliResult r = offline(args);
            QVERIFY2(r.exitCode == 0 || (args.first() == QLatin1String("diff") && r.exitCode == 1),
                     qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.describe()));
        }
        // Queued, with its id; the history shows it pending.
        const CliResult queued =
            offline({QStringLiteral("deploy"), kBerlin, QStringLiteral("--prompt"), m_prompt,
                     QStringLiteral("--tools"), m_tools, QStringLiteral("--notes"),
                     QStringLiteral("on the train")});
        QVERIFY2(queued.exitCode == 0, qPrintable(queued.describe()));
        QVERIFY2(queued.stdoutText().startsWith(QStringLiteral("Queued deploy to")),
                 qPrintable(queued.describe()));
        const CliResult list = offline({QStringLiteral("outbox"), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        const QJsonArray ops = list.json().array();
        QCOMPARE(ops.size(), 1);
        const QJsonObject op = ops.first().toObject();
        for (const char *key : {"id", "branch_id", "kind", "base_version", "state", "last_error"})
            QVERIFY2(op.contains(QLatin1String(key)), key);
        QCOMPARE(op.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        QCOMPARE(op.value(QStringLiteral("kind")).toString(), QStringLiteral("deploy"));
        QVERIFY(op.value(QStringLiteral("last_error")).isNull());
        QVERIFY(queued.stdoutText().contains(op.value(QStringLiteral("id")).toString()));
        const CliResult history = offline({QStringLiteral("history"), kBerlin});
        QVERIFY2(history.stdoutText().contains(QStringLiteral("pending")) &&
                     history.stdoutText().contains(op.value(QStringLiteral("id")).toString()),
                 qPrintable(history.describe()));
        // Its content is an operand of diff and merge.
        const CliResult diff =
            offline({QStringLiteral("diff"), kBerlin + QStringLiteral("@active"),
                     QStringLiteral("outbox:") + op.value(QStringLiteral("id")).toString()});
        QVERIFY2(diff.exitCode == 1 && diff.stdoutText().contains(QStringLiteral("offline edit")),
                 qPrintable(diff.describe()));
        // What needs the server is refused offline, with a reason.
        const CliResult grants = offline({QStringLiteral("grants")});
        QCOMPARE(grants.exitCode, 2);
        RETELL_VERIFY_CLEAN_ERROR(grants);
        QVERIFY(grants.firstErrorLine().contains(QStringLiteral("--offline")));
        const CliResult unchanged =
            offline({QStringLiteral("deploy"), kBerlin, QStringLiteral("--prompt"), m_prompt,
                     QStringLiteral("--tools"), m_tools, QStringLiteral("--notes"),
                     QStringLiteral("again")});
        QCOMPARE(unchanged.exitCode, 9);
        // The tree marker: the branch says how many operations wait.
        const CliResult marked = offline({QStringLiteral("branches")});
        QVERIFY2(marked.stdoutText().contains(QStringLiteral("+ 1 queued")),
                 qPrintable(marked.describe()));
        // Rollback, import and template apply queue too, checked like online.
        const QString exported = m_files.filePath(QStringLiteral("berlin.json"));
        QCOMPARE(offline({QStringLiteral("export"), kBerlin, QStringLiteral("--version"),
                          QStringLiteral("1"), QStringLiteral("--output"), exported})
                     .exitCode,
                 0);
        const QString hamburg = QStringLiteral("Hamburg Altona");
        for (const QStringList &args :
             {QStringList{QStringLiteral("rollback"), hamburg, QStringLiteral("--to"),
                          QStringLiteral("1"), QStringLiteral("--notes"), QStringLiteral("back")},
              QStringList{QStringLiteral("import"), QStringLiteral("München Schwabing"), exported,
                          QStringLiteral("--notes"), QStringLiteral("as Berlin v1")},
              QStringList{QStringLiteral("apply-template"), hamburg,
                          QStringLiteral("Information Only"), QStringLiteral("--notes"),
                          QStringLiteral("simpler")}}) {
            const CliResult r = offline(args + QStringList{QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 0,
                     qPrintable(args.first() + QStringLiteral(": ") + r.describe()));
            QCOMPARE(r.json().object().value(QStringLiteral("kind")).toString(),
                     args.first() == QLatin1String("rollback") ? QStringLiteral("rollback")
                     : args.first() == QLatin1String("import") ? QStringLiteral("import")
                                                               : QStringLiteral("apply-template"));
            QCOMPARE(r.json().object().value(QStringLiteral("state")).toString(),
                     QStringLiteral("pending"));
        }
        QCOMPARE(
            offline({QStringLiteral("outbox"), QStringLiteral("--json")}).json().array().size(), 4);
        const CliResult noSuchVersion =
            offline({QStringLiteral("rollback"), hamburg, QStringLiteral("--to"),
                     QStringLiteral("999"), QStringLiteral("--notes"), QStringLiteral("x")});
        QCOMPARE(noSuchVersion.exitCode, 5);
        for (const QJsonValue &v :
             offline({QStringLiteral("outbox"), QStringLiteral("--json")}).json().array()) {
            const QString other = v.toObject().value(QStringLiteral("id")).toString();
            if (other != op.value(QStringLiteral("id")).toString())
                QCOMPARE(offline({QStringLiteral("outbox"), QStringLiteral("drop"), other,
                                  QStringLiteral("--yes")})
                             .exitCode,
                         0);
        }
        // Dropping: refused without --yes (exit 2, why), done with it.
        const QString id = op.value(QStringLiteral("id")).toString();
        const CliResult refused = offline({QStringLiteral("outbox"), QStringLiteral("drop"), id});
        QCOMPARE(refused.exitCode, 2);
        RETELL_VERIFY_CLEAN_ERROR(refused);
        QVERIFY2(refused.firstErrorLine().contains(QStringLiteral("--yes")),
                 qPrintable(refused.describe()));
        QCOMPARE(
            offline({QStringLiteral("outbox"), QStringLiteral("--json")}).json().array().size(), 1);
        const CliResult dropped = offline(
            {QStringLiteral("outbox"), QStringLiteral("drop"), id, QStringLiteral("--yes")});
        QVERIFY2(dropped.exitCode == 0, qPrintable(dropped.describe()));
        QCOMPARE(
            offline({QStringLiteral("outbox"), QStringLiteral("--json")}).json().array().size(), 0);
        // Resolving what is no conflict.
        const CliResult none = offline({QStringLiteral("resolve"), id, QStringLiteral("--prompt"),
                                        m_prompt, QStringLiteral("--tools"), m_tools});
        QCOMPARE(none.exitCode, 5);
        QCOMPARE(offline({QStringLiteral("sync")}).exitCode, 2);
    }

    void offlineLoginOnlyForWhoSynced()
    {
        const CliResult wrong =
            offline({QStringLiteral("branches")}, Who{kOwner.email, QStringLiteral("wrong")});
        QCOMPARE(wrong.exitCode, 4);
        RETELL_VERIFY_CLEAN_ERROR(wrong);
        for (const Who &who : {kAdmin, kViewer, kEditor}) {
            const CliResult r = offline({QStringLiteral("branches")}, who);
            QCOMPARE(r.exitCode, 4);
            QCOMPARE(r.firstErrorLine(), wrong.firstErrorLine());
        }
        // Another replica path: none yet, say so.
        const CliResult missing =
            m_cli.run({QStringLiteral("--db"), kUnreachable, QStringLiteral("--offline"),
                       QStringLiteral("--replica"), m_files.filePath(QStringLiteral("none.sqlite")),
                       QStringLiteral("branches")},
                      kOwner);
        QCOMPARE(missing.exitCode, 5);
        QVERIFY2(missing.firstErrorLine().contains(QStringLiteral("sync")),
                 qPrintable(missing.describe()));
    }

    void unreachableServerSuggestsOffline()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("RETELL_ADMIN_DB_PASSWORD"), QStringLiteral("any"));
        const CliResult r =
            m_cli.run({QStringLiteral("--db"), kUnreachable, QStringLiteral("--replica"), m_replica,
                       QStringLiteral("branches")},
                      kOwner, env);
        QCOMPARE(r.exitCode, 7);
        RETELL_VERIFY_CLEAN_ERROR(r);
        QVERIFY2(r.firstErrorLine().contains(QStringLiteral("Cannot reach")) &&
                     r.firstErrorLine().contains(QStringLiteral("--offline")),
                 qPrintable(r.describe()));
        QCOMPARE(r.stderrText().count(QLatin1Char('\n')), 1);
    }

private:
    CliResult offline(const QStringList &args, const Who &who = kOwner) const
    {
        return m_cli.run(QStringList{QStringLiteral("--db"), kUnreachable,
                                     QStringLiteral("--offline"), QStringLiteral("--replica"),
                                     m_replica} +
                             args,
                         who);
    }

    TestDatabase m_db;
    QTemporaryDir m_files;
    CliRunner m_cli;
    ConnectionSpec m_app;
    QString m_replica, m_prompt, m_tools;
};

QTEST_GUILESS_MAIN(TestCliOffline)
#include "tst_cli_offline.moc"
