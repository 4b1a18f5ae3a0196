// The least-privilege account of `retell-admin-cli db-roles --apply`, on the
// MariaDB and PostgreSQL fixtures: the CLI's everyday commands work under it,
// and with its credentials in any SQL client one cannot rewrite or delete a
// version, nor touch users, companies or branches.
#include "TestDatabase.h"
#include "cli_runner.h"

#include "db/Database.h"
#include "db/Migrator.h"
#include "seed/Seeder.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

const QString kBerlinMitte = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");

// Runs one statement as the given account; the server's refusal, or "" when it ran.
QString refusalOf(const ConnectionSpec &spec, const QString &sql)
{
    auto conn = Database::connection(spec);
    if (!conn)
        return QStringLiteral("<no connection: %1>").arg(conn.error().message);
    QSqlQuery q(conn.value());
    if (q.exec(sql))
        return {};
    return q.lastError().nativeErrorCode() + QLatin1Char(' ') + q.lastError().databaseText();
}

} // namespace

class TestRestrictedAccount final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        RETELL_REQUIRE_DB(m_db);
        QVERIFY2(TestDatabase::isServer(), "runs on the MariaDB and PostgreSQL fixtures only");
        auto migrated = Migrator::migrate(m_db.spec());
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().message));
        auto seeded = Seeder::seedDemo(ServiceContext{m_db.spec()});
        QVERIFY2(seeded, qPrintable(seeded ? QString() : seeded.error().message));
        auto app = CliRunner::leastPrivilegeAccount(m_db.spec());
        QVERIFY2(app, qPrintable(app ? QString() : app.error().message));
        m_app = app.value();
        m_account = m_app.user;
    }

    void cleanupTestCase()
    {
        Database::dropConnection(m_app);
        if (m_account.isEmpty())
            return;
        const QStringList drop =
            TestDatabase::isPostgres()
                ? QStringList{QStringLiteral("DROP OWNED BY %1").arg(m_account),
                              QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_account)}
                : QStringList{
                      QStringLiteral("DROP USER IF EXISTS '%1'@'127.0.0.1'").arg(m_account)};
        for (const QString &sql : drop)
            refusalOf(m_db.spec(), sql);
    }

    void printsTheGrants_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::newRow("mysql") << "mysql";
        QTest::newRow("pgsql") << "pgsql";
    }

    void printsTheGrants()
    {
        QFETCH(QString, dialect);
        const CliResult r =
            CliRunner(m_db.spec())
                .run({QStringLiteral("db-roles"), QStringLiteral("--dialect"), dialect,
                      QStringLiteral("--database"), QStringLiteral("laravel")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString out = r.stdoutText();
        QVERIFY2(out.contains(QLatin1String(
                     "UPDATE (is_active, updated_at, retell_agent_id, retell_version)")),
                 qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("retell_admin_grants")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("DELETE ON laravel.`retell_agent_prompts`")) &&
                     !out.contains(QLatin1String("ALL PRIVILEGES")),
                 qPrintable(out));
    }

    // What the app does, the account may do.
    void theAppWorksUnderIt()
    {
        QTemporaryDir dir;
        const QString exported = dir.filePath(QStringLiteral("berlin.json"));
        const QList<QStringList> commands = {
            {QStringLiteral("branches")},
            {QStringLiteral("templates")},
            {QStringLiteral("history"), kBerlinMitte},
            {QStringLiteral("show"), kBerlinMitte},
            {QStringLiteral("export"), kBerlinMitte, QStringLiteral("--output"), exported},
            {QStringLiteral("import"), kBerlinMitte, exported, QStringLiteral("--notes"),
             QStringLiteral("as the restricted account"), QStringLiteral("--allow-unchanged")},
            {QStringLiteral("rollback"), kBerlinMitte, QStringLiteral("--to"), QStringLiteral("1"),
             QStringLiteral("--notes"), QStringLiteral("back"),
             QStringLiteral("--allow-unchanged")},
            {QStringLiteral("apply-template"), kBerlinMitte,
             QStringLiteral("Basic Appointment Booking"), QStringLiteral("--notes"),
             QStringLiteral("t"), QStringLiteral("--allow-unchanged")},
            {QStringLiteral("save-template"), kBerlinMitte, QStringLiteral("Restricted save")},
            {QStringLiteral("grant"), QString::fromLatin1(demo::kViewer), QStringLiteral("--role"),
             QStringLiteral("viewer"), QStringLiteral("--branch"), kBerlinMitte},
            {QStringLiteral("grants")},
        };
        for (const QStringList &args : commands) {
            const CliResult r = CliRunner(m_app).run(args, kAdmin);
            QVERIFY2(r.exitCode == 0,
                     qPrintable(args.first() + QStringLiteral(": ") + r.describe()));
        }
        // migrate is an administrator's job.
        const CliResult migrate = CliRunner(m_app).run({QStringLiteral("migrate")});
        QVERIFY2(migrate.exitCode == 0 || migrate.exitCode == 7, qPrintable(migrate.describe()));
    }

    // What only the database account can stop.
    void theAccountCannotRewriteHistory_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("rewrite a version's prompt")
            << "UPDATE retell_agent_prompts SET prompt_content = 'owned'";
        QTest::newRow("rewrite a version's tools")
            << "UPDATE retell_agent_prompts SET functions_config = '[]'";
        QTest::newRow("rewrite a version's notes")
            << "UPDATE retell_agent_prompts SET deployment_notes = 'owned'";
        QTest::newRow("move a version to another branch")
            << "UPDATE retell_agent_prompts SET branch_id = '7c9e6679-7425-40de-944b-e07fc1f90ae8'";
        QTest::newRow("delete versions") << "DELETE FROM retell_agent_prompts";
        QTest::newRow("change a password") << "UPDATE users SET password = 'x'";
        QTest::newRow("add a user")
            << "INSERT INTO users (name, email, password) VALUES ('Eve', 'eve@example.com', 'x')";
        QTest::newRow("delete users") << "DELETE FROM users";
        QTest::newRow("rename a company") << "UPDATE companies SET name = 'owned'";
        QTest::newRow("delete branches") << "DELETE FROM branches";
        QTest::newRow("drop the versions") << "DROP TABLE retell_agent_prompts";
        QTest::newRow("rename a branch") << "UPDATE branches SET name = 'owned'";
        if (TestDatabase::isPostgres()) {
            QTest::newRow("make itself superuser") << "ALTER ROLE CURRENT_USER SUPERUSER";
            QTest::newRow("create a table") << "CREATE TABLE public.owned (id int)";
        } else {
            QTest::newRow("grant itself more") << "GRANT ALL PRIVILEGES ON *.* TO CURRENT_USER";
        }
    }

    void theAccountCannotRewriteHistory()
    {
        QFETCH(QString, sql);
        const QString refused = refusalOf(m_app, sql);
        QVERIFY2(!refused.isEmpty() && !refused.startsWith(QLatin1Char('<')),
                 qPrintable(sql + QStringLiteral(" ran: ") + refused));
        // Access denied: MariaDB 1142 table, 1143 column, 1044/1045/1227
        // account; PostgreSQL SQLSTATE 42501 (insufficient privilege).
        const QStringList denied = TestDatabase::isPostgres()
                                       ? QStringList{QStringLiteral("42501")}
                                       : QStringList{QStringLiteral("1142"), QStringLiteral("1143"),
                                                     QStringLiteral("1044"), QStringLiteral("1227"),
                                                     QStringLiteral("1045")};
        QVERIFY2(std::any_of(denied.cbegin(), denied.cend(),
                             [&](const QString &code) { return refused.startsWith(code); }),
                 qPrintable(refused));
    }

    // And what it may: switching the active flag, which deploys and rollbacks do.
    void theAccountMaySwitchTheActiveFlag()
    {
        const QString ran = refusalOf(
            m_app,
            QStringLiteral("UPDATE retell_agent_prompts SET is_active = is_active WHERE id = 0"));
        QVERIFY2(ran.isEmpty(), qPrintable(ran));
    }

private:
    TestDatabase m_db;
    ConnectionSpec m_app;
    QString m_account;
};

QTEST_GUILESS_MAIN(TestRestrictedAccount)
#include "tst_restricted_account.moc"
