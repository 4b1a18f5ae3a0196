// link, deploy, live, publish, import-live, rollback, unlink through the real
// CLI against the retell-fake-server process (issue 15 §1, §6): what each
// prints and exits with, and that the Retell API key never shows up in the
// output, the database, the settings folders or the process arguments.
#include "TestDatabase.h"
#include "cli_runner.h"

#include "db/Database.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlRecord>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

// Demo branches of Salon Aurora (core/seed/Seeder.cpp).
const QString kBerlin = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");
const QString kHamburg = QStringLiteral("1b4e28ba-2fa1-41d2-883f-0016d3cca427");
const QString kKey = QStringLiteral("key_cli_test_9f8e7d6c5b4a39281706");
const QString kTools =
    QStringLiteral(R"([{"type":"end_call","name":"end_call","description":"Hang up politely."}])");

QString prompt(const QString &line)
{
    return QStringLiteral("You are the receptionist of Salon Aurora Berlin Mitte. %1 Book "
                          "appointments politely.")
        .arg(line);
}

} // namespace

class TestCliRetell final : public QObject
{
    Q_OBJECT

private:
    // A JSON request to the fake server's control endpoints.
    QJsonObject control(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        QNetworkRequest request(QUrl(m_baseUrl + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        // Once more when a kept-alive connection was closed under the request.
        for (int attempt = 0;; ++attempt) {
            QNetworkReply *reply =
                m_network.sendCustomRequest(request, method, QJsonDocument(body).toJson());
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            reply->deleteLater();
            if (reply->error() == QNetworkReply::NoError || attempt == 1) {
                if (reply->error() != QNetworkReply::NoError)
                    qWarning("control %s failed: %s", qPrintable(path),
                             qPrintable(reply->errorString()));
                return QJsonDocument::fromJson(reply->readAll()).object();
            }
        }
    }

    QProcessEnvironment retellEnvironment(const QString &key = kKey) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("RETELL_API_KEY"), key);
        env.insert(QStringLiteral("RETELL_API_BASE_URL"), m_baseUrl);
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
        return env;
    }

    CliResult run(const QStringList &args, const QProcessEnvironment &env)
    {
        CliResult r = m_cli.run(args, kAdmin, env);
        m_outputs << r.out << r.err;
        return r;
    }
    CliResult run(const QStringList &args) { return run(args, retellEnvironment()); }

    CliResult deploy(const QString &branch, const QString &line)
    {
        QTemporaryDir dir;
        return run({QStringLiteral("deploy"), branch, QStringLiteral("--prompt"),
                    writeTestFile(dir, QStringLiteral("p.txt"), prompt(line).toUtf8()),
                    QStringLiteral("--tools"),
                    writeTestFile(dir, QStringLiteral("t.json"), kTools.toUtf8()),
                    QStringLiteral("--notes"), line});
    }

    TestDatabase m_db;
    ConnectionSpec m_appSpec; // what the CLI connects as (least privileges on a server)
    CliRunner m_cli;
    QProcess m_server;
    QString m_baseUrl;
    QNetworkAccessManager m_network;
    QTemporaryDir m_home;
    QString m_agent;
    QString m_llm;
    QList<QByteArray> m_outputs; // everything the CLI printed

private slots:
    void initTestCase()
    {
        RETELL_REQUIRE_DB(m_db);
        auto demo = CliRunner::seededDemo(m_db.spec());
        QVERIFY2(demo, qPrintable(demo ? QString() : demo.error().message));
        m_appSpec = demo.value();
        m_cli.setSpec(m_appSpec);

        // The fake server takes its key from the environment, not argv.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RETELL_API_KEY"), kKey);
        m_server.setProcessEnvironment(env);
        m_server.start(QStringLiteral(RETELL_FAKE_SERVER_PATH),
                       {QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(m_server.waitForStarted());
        QByteArray line;
        while (!line.contains('\n') && m_server.waitForReadyRead(10000))
            line += m_server.readAllStandardOutput();
        QVERIFY2(line.startsWith("PORT "), line.constData());
        m_baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(line.mid(5).trimmed().toInt());
        const QJsonObject agent = control(
            "POST", QStringLiteral("/_fake/agents"),
            {{QStringLiteral("general_prompt"), QStringLiteral("Made in Retell's dashboard.")},
             {QStringLiteral("general_tools"), QJsonArray()}});
        m_agent = agent.value(QStringLiteral("agent_id")).toString();
        m_llm = agent.value(QStringLiteral("llm_id")).toString();
        QVERIFY(!m_agent.isEmpty());
    }

    void cleanupTestCase()
    {
        m_server.terminate();
        m_server.waitForFinished();
    }

    void linkDeployLivePublishImport()
    {
        CliResult r = run({QStringLiteral("link"), kBerlin, QStringLiteral("--agent"), m_agent,
                           QStringLiteral("--llm"), m_llm});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(m_agent), qPrintable(r.describe()));

        r = deploy(kBerlin, QStringLiteral("First."));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QLatin1String("live in Retell as version 1")),
                 qPrintable(r.describe()));

        r = run({QStringLiteral("live"), kBerlin});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QLatin1String(": live: Retell runs version")),
                 qPrintable(r.describe()));

        control("POST", QStringLiteral("/_fake/dashboard-edit"),
                {{QStringLiteral("llm_id"), m_llm},
                 {QStringLiteral("general_prompt"), prompt(QStringLiteral("Edited in Retell."))},
                 {QStringLiteral("publish"), true}});
        r = run({QStringLiteral("live"), kBerlin, QStringLiteral("--diff")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QLatin1String("newer edit made in its dashboard")),
                 qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QLatin1String("+You are the receptionist of Salon "
                                                       "Aurora Berlin Mitte. Edited in Retell.")),
                 qPrintable(r.describe()));
        r = run({QStringLiteral("--json"), QStringLiteral("live"), kBerlin});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json().object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("dashboard_edit"));

        r = run({QStringLiteral("import-live"), kBerlin, QStringLiteral("--notes"),
                 QStringLiteral("keep the dashboard fix")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QLatin1String("live in Retell as version 2")),
                 qPrintable(r.describe()));
        r = run({QStringLiteral("live"), kBerlin});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        // A rollback publishes like a deploy; publish again has nothing to do.
        r = run({QStringLiteral("rollback"), kBerlin, QStringLiteral("--to"), QStringLiteral("1"),
                 QStringLiteral("--notes"), QStringLiteral("back")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString rolledBack = r.stdoutText();
        QVERIFY2(rolledBack.contains(QLatin1String("live in Retell as version 3")),
                 qPrintable(r.describe()));
        r = run({QStringLiteral("publish"), kBerlin});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QLatin1String("live in Retell as version 3")),
                 qPrintable(r.describe()));
        r = run(
            {QStringLiteral("publish"), kBerlin, QStringLiteral("--version"), QStringLiteral("1")});
        QVERIFY2(r.exitCode == 6, qPrintable(r.describe()));
        RETELL_VERIFY_CLEAN_ERROR(r);
    }

    void failuresAreToldInOneLine()
    {
        // Retell refuses the key: the version is written, not live, retried later.
        CliResult r = [&] {
            QTemporaryDir dir;
            return run({QStringLiteral("deploy"), kBerlin, QStringLiteral("--prompt"),
                        writeTestFile(dir, QStringLiteral("p.txt"),
                                      prompt(QStringLiteral("Wrong key.")).toUtf8()),
                        QStringLiteral("--tools"),
                        writeTestFile(dir, QStringLiteral("t.json"), kTools.toUtf8()),
                        QStringLiteral("--notes"), QStringLiteral("wrong key")},
                       retellEnvironment(QStringLiteral("key_wrong_0000000000000000")));
        }();
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QLatin1String("not live yet: ")) &&
                     r.stdoutText().contains(QLatin1String("(will retry)")),
                 qPrintable(r.describe()));
        QVERIFY(!r.out.contains("key_wrong") && !r.err.contains("key_wrong"));
        r = run({QStringLiteral("publish"), kBerlin},
                retellEnvironment(QStringLiteral("key_wrong_0000000000000000")));
        QVERIFY2(r.exitCode == 10, qPrintable(r.describe()));
        // Its backoff over (made so here, not waited for), cron's retry sends it.
        auto conn = Database::connection(m_db.spec());
        QVERIFY(conn);
        QVERIFY(Database::exec(conn.value(),
                               QStringLiteral("UPDATE retell_admin_publications SET "
                                              "next_attempt_at = NULL WHERE state = 'pending'")));
        r = run({QStringLiteral("publish"), QStringLiteral("--due")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(
            r.stdoutText().contains(QLatin1String("1 of 1 due publication(s) live in Retell.")),
            qPrintable(r.describe()));

        // No key: a usage error naming the variable, nothing sent.
        QProcessEnvironment noKey = retellEnvironment();
        noKey.insert(QStringLiteral("RETELL_API_KEY"), QStringLiteral("<unset>"));
        r = run({QStringLiteral("live"), kBerlin}, noKey);
        QCOMPARE(r.exitCode, 2);
        RETELL_VERIFY_CLEAN_ERROR(r);
        QVERIFY2(r.stderrText().contains(QLatin1String("RETELL_API_KEY")),
                 qPrintable(r.describe()));

        // Another branch, not linked: as before, and it says so.
        r = deploy(kHamburg, QStringLiteral("Unlinked."));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QLatin1String("not linked to a Retell agent")),
                 qPrintable(r.describe()));

        r = run({QStringLiteral("unlink"), kBerlin});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = run({QStringLiteral("live"), kBerlin});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QLatin1String("not linked to a Retell agent")),
                 qPrintable(r.describe()));
    }

    void linkIsCheckedWithRetell()
    {
        const auto link = [&](const QString &agent, const QString &llm,
                              const QStringList &more = {}) {
            return QStringList{QStringLiteral("link"),  kHamburg, QStringLiteral("--agent"), agent,
                               QStringLiteral("--llm"), llm} +
                   more;
        };
        const auto linked = [&] {
            return !run({QStringLiteral("live"), kHamburg})
                        .stdoutText()
                        .contains(QLatin1String("not linked to a Retell agent"));
        };
        // An agent Retell does not know: refused, nothing stored.
        CliResult r = run(link(QStringLiteral("agent_typo0000"), m_llm));
        QVERIFY2(r.exitCode == 10, qPrintable(r.describe()));
        RETELL_VERIFY_CLEAN_ERROR(r);
        QVERIFY2(r.stderrText().contains(QLatin1String("agent_typo0000")),
                 qPrintable(r.describe()));
        QVERIFY(!linked());
        // An agent that answers with another LLM.
        const QJsonObject other =
            control("POST", QStringLiteral("/_fake/agents"),
                    {{QStringLiteral("general_prompt"), QStringLiteral("Another agent.")},
                     {QStringLiteral("general_tools"), QJsonArray()}});
        const QString otherAgent = other.value(QStringLiteral("agent_id")).toString();
        QVERIFY(!otherAgent.isEmpty());
        r = run(link(otherAgent, m_llm));
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY2(r.stderrText().contains(QLatin1String("answers with LLM")),
                 qPrintable(r.describe()));
        QVERIFY(!linked());
        // The right pair: checked, and said so.
        r = run(link(otherAgent, other.value(QStringLiteral("llm_id")).toString()));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QLatin1String("checked with Retell")),
                 qPrintable(r.describe()));
        QVERIFY(linked());
        // Without a key, or told not to, it links unchecked and says so.
        QProcessEnvironment noKey = retellEnvironment();
        noKey.insert(QStringLiteral("RETELL_API_KEY"), QStringLiteral("<unset>"));
        r = run(link(QStringLiteral("agent_unchecked1"), QStringLiteral("llm_unchecked1")), noKey);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QLatin1String("not checked with Retell")),
                 qPrintable(r.describe()));
        r = run(QStringList{QStringLiteral("--json")} + link(QStringLiteral("agent_unchecked2"),
                                                             QStringLiteral("llm_unchecked2"),
                                                             {QStringLiteral("--no-check")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value(QStringLiteral("agent_id")).toString(),
                 QStringLiteral("agent_unchecked2"));
        QCOMPARE(json.value(QStringLiteral("checked_with_retell")).toBool(true), false);
        QVERIFY2(run({QStringLiteral("unlink"), kHamburg}).exitCode == 0, "unlink");
    }

    void theKeyIsNeverStoredOrShown()
    {
        const QByteArray key = kKey.toUtf8();
        for (const QByteArray &out : std::as_const(m_outputs))
            QVERIFY2(!out.contains(key), out.constData());
        // Not in any table of the database.
        auto conn = Database::connection(m_db.spec());
        QVERIFY(conn);
        for (const QString &table : conn->tables()) {
            auto q = Database::exec(conn.value(), QStringLiteral("SELECT * FROM ") + table);
            QVERIFY2(q, qPrintable(table));
            while (q->next())
                for (int c = 0; c < q->record().count(); ++c)
                    QVERIFY2(!q->value(c).toString().contains(kKey),
                             qPrintable(table + QStringLiteral(" holds the key")));
        }
        if (m_db.dialect() == Dialect::SQLite) {
            for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
                QFile file(m_db.spec().path + suffix);
                if (file.open(QIODevice::ReadOnly))
                    QVERIFY(!file.readAll().contains(key));
            }
        }
        // Nor in a settings, data or cache file the CLI wrote.
        QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(key), qPrintable(file.fileName()));
        }
        // Nor in the arguments of a running CLI (what `ps` shows): a slow
        // Retell keeps it running while /proc/<pid>/cmdline is read.
        QVERIFY2(run({QStringLiteral("link"), kBerlin, QStringLiteral("--agent"), m_agent,
                      QStringLiteral("--llm"), m_llm})
                         .exitCode == 0,
                 "relink");
        const QJsonObject queued =
            control("POST", QStringLiteral("/_fake/fault"),
                    {{QStringLiteral("path_prefix"), QStringLiteral("/get-retell-llm")},
                     {QStringLiteral("mode"), QStringLiteral("slow")},
                     {QStringLiteral("delay_ms"), 3000},
                     {QStringLiteral("count"), 1}});
        QVERIFY(queued.contains(QStringLiteral("queued")));
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RETELL_ADMIN_DB"), m_appSpec.toUrl());
        const QProcessEnvironment retell = retellEnvironment();
        for (const QString &k : retell.keys())
            env.insert(k, retell.value(k));
        env.insert(QStringLiteral("RETELL_ADMIN_USER"), kAdmin.email);
        env.insert(QStringLiteral("RETELL_ADMIN_PASSWORD"), kAdmin.password);
        if (m_db.dialect() != Dialect::SQLite)
            env.insert(QStringLiteral("RETELL_ADMIN_DB_PASSWORD"), m_appSpec.password);
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(RETELL_CLI_PATH), {QStringLiteral("live"), kBerlin});
        QVERIFY(cli.waitForStarted());
        // Read once the CLI's own arguments are there (after its exec).
        QByteArray args;
        for (int i = 0; i < 200 && cli.state() == QProcess::Running && !args.contains("live");
             ++i) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(cli.processId()));
            if (cmdline.open(QIODevice::ReadOnly))
                args = cmdline.readAll();
            if (!args.contains("live"))
                QTest::qWait(10);
        }
        QVERIFY2(args.contains("live"),
                 qPrintable(QStringLiteral("cmdline \"%1\", the CLI %2")
                                .arg(QString::fromUtf8(args), cli.state() == QProcess::Running
                                                                  ? QStringLiteral("running")
                                                                  : QStringLiteral("gone"))));
        QVERIFY(!args.contains(key));
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY(!cli.readAllStandardOutput().contains(key));
        QVERIFY(!cli.readAllStandardError().contains(key));
    }
};

QTEST_GUILESS_MAIN(TestCliRetell)
#include "tst_cli_retell.moc"
