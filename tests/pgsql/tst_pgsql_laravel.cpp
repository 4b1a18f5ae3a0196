// The CLI against a PostgreSQL database shaped as the Laravel web
// application creates it: uuid branch ids, boolean flags, json columns, the
// web app's three template rows on its first branch as versions 1-3, a
// soft-deleted branch and bcrypt $2y$ users. migrate adds only the app's own
// tables; grant, branches, deploy, rollback, history, export/import and diff
// work; the web application's tables are unchanged (pg_dump --schema-only).
#include "TestDatabase.h"
#include "cli_runner.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "templates/TemplateService.h"

#include <QDir>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

const QString kMitte = QStringLiteral("9a1b2c3d-0000-4000-8000-00000000000a");
const QString kNord = QStringLiteral("9a1b2c3d-0000-4000-8000-00000000000b"); // soft-deleted
const QString kSued = QStringLiteral("9a1b2c3d-0000-4000-8000-00000000000c");
const QStringList kWebTables = {QStringLiteral("migrations"), QStringLiteral("users"),
                                QStringLiteral("companies"), QStringLiteral("branches"),
                                QStringLiteral("retell_agent_prompts")};

QString pgDump()
{
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &v : versions)
        if (QFile::exists(root.filePath(v + QStringLiteral("/bin/pg_dump"))))
            return root.filePath(v + QStringLiteral("/bin/pg_dump"));
    return QStringLiteral("pg_dump");
}

} // namespace

class TestPgsqlLaravel final : public QObject
{
    Q_OBJECT

    // The web application's tables as pg_dump describes them.
    QString schemaOfWebTables(const ConnectionSpec &spec)
    {
        QStringList args{QStringLiteral("--schema-only"),
                         QStringLiteral("--no-owner"),
                         QStringLiteral("-h"),
                         spec.host,
                         QStringLiteral("-p"),
                         QString::number(spec.port),
                         QStringLiteral("-U"),
                         spec.user};
        for (const QString &t : kWebTables)
            args << QStringLiteral("-t") << t;
        args << spec.database;
        QProcess dump;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), spec.password);
        dump.setProcessEnvironment(env);
        dump.start(pgDump(), args);
        if (!dump.waitForFinished(60000) || dump.exitCode() != 0)
            return QStringLiteral("pg_dump failed: ") +
                   QString::fromUtf8(dump.readAllStandardError());
        // pg_dump brackets its output with a random \restrict key: not schema.
        QStringList lines =
            QString::fromUtf8(dump.readAllStandardOutput()).split(QLatin1Char('\n'));
        lines.removeIf([](const QString &l) {
            return l.startsWith(QLatin1String("\\restrict")) ||
                   l.startsWith(QLatin1String("\\unrestrict"));
        });
        return lines.join(QLatin1Char('\n'));
    }

    QString scalar(const ConnectionSpec &spec, const QString &sql, const QVariantList &bind = {})
    {
        auto conn = Database::connection(spec);
        if (!conn)
            return conn.error().message;
        auto q = Database::exec(conn.value(), sql, bind);
        if (!q || !q->next())
            return QStringLiteral("<none>");
        return q->value(0).toString();
    }

private slots:
    void initTestCase() { QVERIFY2(TestDatabase::isPostgres(), "runs on the PostgreSQL fixture"); }

    void cliBesideTheWebApplication()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const ConnectionSpec &spec = db.spec();
        const QByteArray hash = AuthService::hashPassword("web-secret", 4).value();
        QVERIFY(hash.startsWith("$2y$"));
        QStringList setup = TestDatabase::statementsFromFile(
            QStringLiteral(RETELL_SOURCE_DIR "/tests/pgsql/laravel-schema.sql"));
        setup << QStringLiteral("INSERT INTO users (name, email, password, created_at) VALUES "
                                "('Web Admin', 'admin@web.example', '%1', '2025-10-21 10:00:00')")
                     .arg(QString::fromLatin1(hash))
              << QStringLiteral("INSERT INTO companies (name, slug) VALUES ('Salon Web', 'web')")
              << QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES "
                                "('%1', 1, 'Web Mitte'), ('%2', 1, 'Web Nord'), "
                                "('%3', 1, 'Web Süd')")
                     .arg(kMitte, kNord, kSued)
              << QStringLiteral("UPDATE branches SET deleted_at = '2026-01-01 00:00:00' WHERE "
                                "id = '%1'")
                     .arg(kNord);
        const auto builtIns = TemplateService::builtIns();
        for (int v = 1; v <= 3; ++v) {
            const Template &t = builtIns.at(v - 1);
            setup << QStringLiteral("INSERT INTO retell_agent_prompts (branch_id, version, "
                                    "prompt_content, functions_config, is_template, "
                                    "template_name, validation_status) VALUES ('%1', %2, $p$%3$p$, "
                                    "$j$%4$j$, true, 'Web %5', 'valid')")
                         .arg(kMitte)
                         .arg(v)
                         .arg(t.config.prompt, t.config.toolsJson, t.name);
        }
        {
            auto conn = Database::connection(spec);
            QVERIFY(conn);
            for (const QString &s : std::as_const(setup)) {
                QSqlQuery q(conn.value());
                QVERIFY2(q.exec(s), qPrintable(s + q.lastError().text()));
            }
            Database::dropConnection(spec);
        }
        const QString before = schemaOfWebTables(spec);
        QVERIFY2(before.contains(QLatin1String("branch_id uuid NOT NULL")), qPrintable(before));

        CliRunner cli(spec);
        const Who admin{QStringLiteral("admin@web.example"), QStringLiteral("web-secret")};
        auto run = [&](const QStringList &args, const Who &who, int expected) {
            const CliResult r = cli.run(args, who);
            if (r.exitCode != expected)
                qWarning("%s", qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") +
                                          r.describe()));
            return r;
        };

        // migrate: only the app's own tables are added.
        QCOMPARE(run({QStringLiteral("migrate")}, {}, 0).exitCode, 0);
        QCOMPARE(scalar(spec, QStringLiteral("SELECT COUNT(*) FROM retell_admin_migrations "
                                             "WHERE version = 1 AND status = 'skipped'")),
                 QStringLiteral("1"));
        // Every table besides the web application's is one of the app's own.
        QCOMPARE(scalar(spec, QStringLiteral("SELECT COUNT(*) FROM information_schema.tables "
                                             "WHERE table_schema = 'public' AND table_name NOT "
                                             "LIKE 'retell\\_admin\\_%'")),
                 QString::number(kWebTables.size()));
        QVERIFY(scalar(spec, QStringLiteral("SELECT COUNT(*) FROM information_schema.tables "
                                            "WHERE table_schema = 'public' AND table_name "
                                            "LIKE 'retell\\_admin\\_%'"))
                    .toInt() >= 6);

        // The first admin, then what the web application shows.
        QCOMPARE(run({QStringLiteral("grant"), admin.email, QStringLiteral("--role"),
                      QStringLiteral("admin"), QStringLiteral("--global")},
                     {}, 0)
                     .exitCode,
                 0);
        const CliResult branches = run({QStringLiteral("branches")}, admin, 0);
        QCOMPARE(branches.exitCode, 0);
        QVERIFY(branches.stdoutText().contains(QLatin1String("Web Mitte")));
        QVERIFY(branches.stdoutText().contains(QStringLiteral("Web Süd")));
        QVERIFY2(!branches.stdoutText().contains(QLatin1String("Web Nord")),
                 qPrintable(branches.stdoutText()));
        const CliResult templates = run({QStringLiteral("templates")}, admin, 0);
        QVERIFY2(templates.stdoutText().contains(QLatin1String("Web ")),
                 qPrintable(templates.describe()));

        // Deploy after the template rows, by name: version 4, the only active one.
        QTemporaryDir files;
        const Template &basic = builtIns.at(1);
        const QString prompt = files.filePath(QStringLiteral("prompt.txt"));
        const QString tools = files.filePath(QStringLiteral("tools.json"));
        for (const auto &[path, text] :
             {std::pair{prompt, basic.config.prompt}, std::pair{tools, basic.config.toolsJson}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text.toUtf8());
        }
        const QStringList deploy{QStringLiteral("deploy"),   QStringLiteral("Web Mitte"),
                                 QStringLiteral("--prompt"), prompt,
                                 QStringLiteral("--tools"),  tools,
                                 QStringLiteral("--notes")};
        QCOMPARE(run(deploy + QStringList{QStringLiteral("first")}, admin, 0).exitCode, 0);
        const QString active = QStringLiteral(
            "SELECT string_agg(version::text, ',') FROM retell_agent_prompts WHERE branch_id = "
            "'%1' AND is_active");
        QCOMPARE(scalar(spec, active.arg(kMitte)), QStringLiteral("4"));
        QFile more(prompt);
        QVERIFY(more.open(QIODevice::Append));
        more.write("\n\nAlways greet the caller by name.\n");
        more.close();
        QCOMPARE(run(deploy + QStringList{QStringLiteral("second")}, admin, 0).exitCode, 0);
        QCOMPARE(scalar(spec, active.arg(kMitte)), QStringLiteral("5"));

        // Rollback, history.
        QCOMPARE(
            run({QStringLiteral("rollback"), kMitte, QStringLiteral("--to"), QStringLiteral("4")},
                admin, 0)
                .exitCode,
            0);
        QCOMPARE(scalar(spec, active.arg(kMitte)), QStringLiteral("6"));
        QCOMPARE(scalar(spec,
                        QStringLiteral("SELECT deployment_notes FROM retell_agent_prompts "
                                       "WHERE branch_id = ? AND version = 6"),
                        {kMitte}),
                 QStringLiteral("Rollback to version 4"));
        const CliResult history = run({QStringLiteral("history"), kMitte}, admin, 0);
        QCOMPARE(history.exitCode, 0);
        QVERIFY(history.stdoutText().contains(QLatin1String("Rollback to version 4")));

        // Export from one branch, import into another, diff two versions.
        const QString exported = files.filePath(QStringLiteral("export.json"));
        QCOMPARE(
            run({QStringLiteral("export"), kMitte, QStringLiteral("--output"), exported}, admin, 0)
                .exitCode,
            0);
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("Web Süd"), exported,
                      QStringLiteral("--notes"), QStringLiteral("from Mitte")},
                     admin, 0)
                     .exitCode,
                 0);
        QCOMPARE(scalar(spec, active.arg(kSued)), QStringLiteral("1"));
        QCOMPARE(run({QStringLiteral("diff"), kMitte + QStringLiteral("@4"),
                      kMitte + QStringLiteral("@5")},
                     admin, 1)
                     .exitCode,
                 1);
        QCOMPARE(run({QStringLiteral("diff"), kMitte + QStringLiteral("@6"),
                      QStringLiteral("Web Süd@active")},
                     admin, 0)
                     .exitCode,
                 0);

        // Neither a name nor a malformed id reaches the uuid column as an id:
        // "not found", never a database error.
        QCOMPARE(
            run({QStringLiteral("history"), QStringLiteral("no-such-branch")}, admin, 5).exitCode,
            5);
        QCOMPARE(run({QStringLiteral("history"), kNord}, admin, 5).exitCode, 5);

        QCOMPARE(schemaOfWebTables(spec), before);
    }
};

QTEST_GUILESS_MAIN(TestPgsqlLaravel)
#include "tst_pgsql_laravel.moc"
