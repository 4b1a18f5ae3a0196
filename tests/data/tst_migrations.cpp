#include "TestDatabase.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "seed/Seeder.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace retell::core;
using retell::test::TestDatabase;

namespace {

QSqlDatabase conn(const ConnectionSpec &spec)
{
    auto c = Database::connection(spec);
    if (!c)
        qFatal("connection failed: %s", qPrintable(c.error().message));
    return c.value();
}

QString scalar(const ConnectionSpec &spec, const QString &sql, const QVariantList &bind = {})
{
    QSqlDatabase db = conn(spec);
    auto q = Database::exec(db, sql, bind);
    if (!q || !q->next())
        return QStringLiteral("<none>");
    return q->value(0).toString();
}

void execAll(const ConnectionSpec &spec, const QStringList &statements)
{
    QSqlDatabase db = conn(spec);
    for (const QString &s : statements) {
        QSqlQuery q(db);
        if (!q.exec(s))
            qFatal("setup statement failed: %s: %s", qPrintable(s),
                   qPrintable(q.lastError().text()));
    }
}

// A textual snapshot of a table's definition and content.
QString snapshot(const ConnectionSpec &spec, const QString &table)
{
    QSqlDatabase db = conn(spec);
    QString out;
    QSqlQuery q(db);
    if (spec.dialect == Dialect::SQLite) {
        q.exec(QStringLiteral(
                   "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = '%1' ORDER BY name")
                   .arg(table));
        while (q.next())
            out += q.value(0).toString() + q.value(1).toString() + q.value(2).toString() +
                   QLatin1Char('\n');
    } else if (spec.dialect == Dialect::PostgreSQL) {
        // Columns, constraints and indexes as the catalog states them.
        for (const QString &sql :
             {QStringLiteral(
                  "SELECT attname || ' ' || format_type(atttypid, atttypmod) || ' ' || "
                  "attnotnull::text || ' ' || COALESCE(pg_get_expr(d.adbin, d.adrelid), '') "
                  "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid "
                  "AND d.adnum = a.attnum WHERE attrelid = '%1'::regclass AND attnum > 0 "
                  "AND NOT attisdropped ORDER BY attnum"),
              QStringLiteral(
                  "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
                  "WHERE conrelid = '%1'::regclass ORDER BY conname"),
              QStringLiteral("SELECT indexdef FROM pg_indexes WHERE tablename = '%1' ORDER BY "
                             "indexname")}) {
            q.exec(sql.arg(table));
            while (q.next())
                out += q.value(0).toString() + QLatin1Char('\n');
        }
    } else {
        q.exec(QStringLiteral("SHOW CREATE TABLE `%1`").arg(table));
        if (q.next())
            out += q.value(1).toString() + QLatin1Char('\n');
    }
    QSqlQuery rows(db);
    rows.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table));
    while (rows.next()) {
        for (int i = 0; i < rows.record().count(); ++i)
            out += rows.value(i).toString() + QLatin1Char('|');
        out += QLatin1Char('\n');
    }
    return out;
}

QStringList tables(const ConnectionSpec &spec)
{
    QStringList t = conn(spec).tables();
    t.sort();
    return t;
}

QByteArray htpasswdHash(const QByteArray &password)
{
    QProcess p;
    p.start(QStringLiteral("htpasswd"),
            {QStringLiteral("-nbB"), QStringLiteral("-C"), QStringLiteral("10"),
             QStringLiteral("user"), QString::fromUtf8(password)});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    const QByteArray line = p.readAllStandardOutput().trimmed();
    return line.mid(line.indexOf(':') + 1);
}

// The schema the Laravel web application creates, written by hand from the
// contract, with extra columns a real installation has.
QStringList laravelSchema(Dialect dialect, const QByteArray &hash)
{
    if (dialect == Dialect::SQLite) {
        return {
            QStringLiteral("CREATE TABLE migrations (id INTEGER PRIMARY KEY AUTOINCREMENT NOT "
                           "NULL, migration VARCHAR NOT NULL, batch INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO migrations (migration, batch) VALUES "
                           "('2014_10_12_000000_create_users_table', 1), "
                           "('2025_10_21_131415_create_retell_agent_prompts_table', 2)"),
            QStringLiteral("CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
                           "name VARCHAR NOT NULL, email VARCHAR NOT NULL, email_verified_at "
                           "DATETIME, password VARCHAR NOT NULL, remember_token VARCHAR, "
                           "created_at DATETIME, updated_at DATETIME, phone VARCHAR)"),
            QStringLiteral("CREATE UNIQUE INDEX users_email_unique ON users (email)"),
            QStringLiteral("CREATE TABLE companies (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
                           "name VARCHAR NOT NULL, slug VARCHAR, created_at DATETIME, updated_at "
                           "DATETIME, deleted_at DATETIME)"),
            QStringLiteral("CREATE TABLE branches (id VARCHAR NOT NULL PRIMARY KEY, company_id "
                           "INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE, name "
                           "VARCHAR NOT NULL, phone_number VARCHAR, created_at DATETIME, "
                           "updated_at DATETIME, deleted_at DATETIME)"),
            QStringLiteral(
                "CREATE TABLE retell_agent_prompts (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
                "branch_id VARCHAR NOT NULL REFERENCES branches(id) ON DELETE CASCADE, version "
                "INTEGER NOT NULL DEFAULT 1, prompt_content TEXT NOT NULL, functions_config TEXT "
                "NOT NULL, is_active TINYINT(1) NOT NULL DEFAULT 0, is_template TINYINT(1) NOT "
                "NULL DEFAULT 0, template_name VARCHAR, deployed_at DATETIME, deployed_by INTEGER "
                "REFERENCES users(id) ON DELETE SET NULL, retell_agent_id VARCHAR, retell_version "
                "INTEGER, validation_status VARCHAR CHECK (validation_status IN "
                "('pending','valid','invalid')) NOT NULL DEFAULT 'pending', validation_errors "
                "TEXT, deployment_notes TEXT, created_at DATETIME, updated_at DATETIME)"),
            QStringLiteral("CREATE UNIQUE INDEX retell_agent_prompts_branch_id_version_unique ON "
                           "retell_agent_prompts (branch_id, version)"),
            QStringLiteral("CREATE INDEX retell_agent_prompts_branch_id_is_active_index ON "
                           "retell_agent_prompts (branch_id, is_active)"),
            QStringLiteral("CREATE INDEX retell_agent_prompts_branch_id_version_index ON "
                           "retell_agent_prompts (branch_id, version)"),
            QStringLiteral("INSERT INTO users (name, email, password, created_at) VALUES ('Web "
                           "Admin', 'web@example.com', '%1', '2025-10-21 10:00:00')")
                .arg(QString::fromLatin1(hash)),
            QStringLiteral(
                "INSERT INTO companies (name, slug) VALUES ('Web Company', 'web-company')"),
            QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES "
                           "('0b8f3c1e-1111-4aaa-8bbb-000000000001', 1, 'Web Branch')"),
            QStringLiteral("INSERT INTO retell_agent_prompts (branch_id, version, prompt_content, "
                           "functions_config, is_template, template_name, validation_status) "
                           "VALUES ('0b8f3c1e-1111-4aaa-8bbb-000000000001', 1, 'Web template "
                           "prompt', '[]', 1, 'Web Template', 'valid')"),
        };
    }
    if (dialect == Dialect::PostgreSQL) {
        // As Laravel's pgsql grammar writes it (shared with tests/pgsql).
        return TestDatabase::statementsFromFile(
                   QStringLiteral(RETELL_SOURCE_DIR "/tests/pgsql/laravel-schema.sql")) +
               QStringList{
                   QStringLiteral("INSERT INTO users (name, email, password, created_at) VALUES "
                                  "('Web Admin', 'web@example.com', '%1', '2025-10-21 10:00:00')")
                       .arg(QString::fromLatin1(hash)),
                   QStringLiteral(
                       "INSERT INTO companies (name, slug) VALUES ('Web Company', 'web-company')"),
                   QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES "
                                  "('0b8f3c1e-1111-4aaa-8bbb-000000000001', 1, 'Web Branch')"),
                   QStringLiteral(
                       "INSERT INTO retell_agent_prompts (branch_id, version, prompt_content, "
                       "functions_config, is_template, template_name, validation_status) VALUES "
                       "('0b8f3c1e-1111-4aaa-8bbb-000000000001', 1, 'Web template prompt', '[]', "
                       "true, 'Web Template', 'valid')"),
               };
    }
    const QString tail =
        QStringLiteral(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    return {
        QStringLiteral("CREATE TABLE migrations (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY "
                       "KEY, migration VARCHAR(255) NOT NULL, batch INT NOT NULL)") +
            tail,
        QStringLiteral("INSERT INTO migrations (migration, batch) VALUES "
                       "('2014_10_12_000000_create_users_table', 1), "
                       "('2025_10_21_131415_create_retell_agent_prompts_table', 2)"),
        QStringLiteral(
            "CREATE TABLE users (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, name "
            "VARCHAR(255) NOT NULL, email VARCHAR(255) NOT NULL, email_verified_at TIMESTAMP NULL, "
            "password VARCHAR(255) NOT NULL, remember_token VARCHAR(100) NULL, created_at "
            "TIMESTAMP NULL, updated_at TIMESTAMP NULL, phone VARCHAR(32) NULL, UNIQUE KEY "
            "users_email_unique (email))") +
            tail,
        QStringLiteral("CREATE TABLE companies (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY "
                       "KEY, name VARCHAR(255) NOT NULL, slug VARCHAR(255) NULL, created_at "
                       "TIMESTAMP NULL, updated_at TIMESTAMP NULL, deleted_at TIMESTAMP NULL)") +
            tail,
        QStringLiteral("CREATE TABLE branches (id CHAR(36) NOT NULL PRIMARY KEY, company_id BIGINT "
                       "UNSIGNED NOT NULL, name VARCHAR(255) NOT NULL, phone_number VARCHAR(32) "
                       "NULL, created_at TIMESTAMP NULL, updated_at TIMESTAMP NULL, deleted_at "
                       "TIMESTAMP NULL, CONSTRAINT branches_company_id_foreign FOREIGN KEY "
                       "(company_id) REFERENCES companies (id) ON DELETE CASCADE)") +
            tail,
        QStringLiteral(
            "CREATE TABLE retell_agent_prompts (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY "
            "KEY, branch_id CHAR(36) NOT NULL, version INT UNSIGNED NOT NULL DEFAULT 1, "
            "prompt_content LONGTEXT NOT NULL, functions_config LONGTEXT NOT NULL CHECK "
            "(json_valid(functions_config)), is_active TINYINT(1) NOT NULL DEFAULT 0, is_template "
            "TINYINT(1) NOT NULL DEFAULT 0, template_name VARCHAR(255) NULL, deployed_at TIMESTAMP "
            "NULL, deployed_by BIGINT UNSIGNED NULL, retell_agent_id VARCHAR(255) NULL, "
            "retell_version INT UNSIGNED NULL, validation_status ENUM('pending','valid','invalid') "
            "NOT NULL DEFAULT 'pending', validation_errors LONGTEXT NULL CHECK "
            "(json_valid(validation_errors)), deployment_notes TEXT NULL, created_at TIMESTAMP "
            "NULL, updated_at TIMESTAMP NULL, UNIQUE KEY "
            "retell_agent_prompts_branch_id_version_unique (branch_id, version), KEY "
            "retell_agent_prompts_branch_id_is_active_index (branch_id, is_active), KEY "
            "retell_agent_prompts_branch_id_version_index (branch_id, version), CONSTRAINT "
            "retell_agent_prompts_branch_id_foreign FOREIGN KEY (branch_id) REFERENCES branches "
            "(id) ON DELETE CASCADE, CONSTRAINT retell_agent_prompts_deployed_by_foreign FOREIGN "
            "KEY (deployed_by) REFERENCES users (id) ON DELETE SET NULL)") +
            tail,
        QStringLiteral("INSERT INTO users (name, email, password, created_at) VALUES ('Web Admin', "
                       "'web@example.com', '%1', '2025-10-21 10:00:00')")
            .arg(QString::fromLatin1(hash)),
        QStringLiteral("INSERT INTO companies (name, slug) VALUES ('Web Company', 'web-company')"),
        QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES "
                       "('0b8f3c1e-1111-4aaa-8bbb-000000000001', 1, 'Web Branch')"),
        QStringLiteral("INSERT INTO retell_agent_prompts (branch_id, version, prompt_content, "
                       "functions_config, is_template, template_name, validation_status) VALUES "
                       "('0b8f3c1e-1111-4aaa-8bbb-000000000001', 1, 'Web template prompt', '[]', "
                       "1, 'Web Template', 'valid')"),
    };
}

} // namespace

class TestMigrations final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("backend: %s", qPrintable(TestDatabase::backend())); }

    void freshDatabaseGetsContractAndOwnTables()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        auto report = Migrator::migrate(db.spec());
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->applied,
                 QStringList(
                     {QStringLiteral("0001_contract_tables"), QStringLiteral("0002_app_tables"),
                      QStringLiteral("0003_template_scan"), QStringLiteral("0004_template_owner"),
                      QStringLiteral("0005_applied_operations"), QStringLiteral("0006_rollouts"),
                      QStringLiteral("0007_audit"), QStringLiteral("0008_template_language"),
                      QStringLiteral("0009_retell_publishing")}));
        QVERIFY(!report->webAppSchema);
        for (const char *t :
             {"companies", "branches", "users", "retell_agent_prompts", "retell_admin_templates",
              "retell_admin_grants", "retell_admin_migrations"})
            QVERIFY2(tables(db.spec()).contains(QString::fromLatin1(t)), t);
        const QSqlRecord rec = conn(db.spec()).record(QStringLiteral("retell_agent_prompts"));
        const QStringList expected = {"id",
                                      "branch_id",
                                      "version",
                                      "prompt_content",
                                      "functions_config",
                                      "is_active",
                                      "is_template",
                                      "template_name",
                                      "deployed_at",
                                      "deployed_by",
                                      "retell_agent_id",
                                      "retell_version",
                                      "validation_status",
                                      "validation_errors",
                                      "deployment_notes",
                                      "created_at",
                                      "updated_at"};
        QCOMPARE(rec.count(), expected.size());
        for (const QString &c : expected)
            QVERIFY2(rec.contains(c), qPrintable(c));
        if (db.dialect() == Dialect::MySQL) {
            const auto type = [&](const char *col) {
                return scalar(
                    db.spec(),
                    QStringLiteral("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE "
                                   "TABLE_SCHEMA = DATABASE() "
                                   "AND TABLE_NAME = 'retell_agent_prompts' AND COLUMN_NAME = ?"),
                    {QString::fromLatin1(col)});
            };
            QCOMPARE(type("id"), QStringLiteral("bigint(20) unsigned"));
            QCOMPARE(type("branch_id"), QStringLiteral("char(36)"));
            QCOMPARE(type("version"), QStringLiteral("int(10) unsigned"));
            QCOMPARE(type("prompt_content"), QStringLiteral("longtext"));
            QCOMPARE(type("validation_status"),
                     QStringLiteral("enum('pending','valid','invalid')"));
            QCOMPARE(
                scalar(db.spec(),
                       QStringLiteral(
                           "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA "
                           "= DATABASE() "
                           "AND TABLE_NAME = 'retell_agent_prompts' AND INDEX_NAME = "
                           "'retell_agent_prompts_branch_id_version_unique' AND NON_UNIQUE = 0")),
                QStringLiteral("2"));
            QCOMPARE(
                scalar(db.spec(),
                       QStringLiteral(
                           "SELECT DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS "
                           "WHERE CONSTRAINT_SCHEMA = DATABASE() "
                           "AND CONSTRAINT_NAME = 'retell_agent_prompts_deployed_by_foreign'")),
                QStringLiteral("SET NULL"));
        } else if (db.dialect() == Dialect::PostgreSQL) {
            // Laravel's pgsql grammar.
            const auto type = [&](const char *col) {
                return scalar(db.spec(),
                              QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM "
                                             "pg_attribute WHERE attrelid = "
                                             "'retell_agent_prompts'::regclass AND attname = ?"),
                              {QString::fromLatin1(col)});
            };
            QCOMPARE(type("id"), QStringLiteral("bigint"));
            QCOMPARE(type("branch_id"), QStringLiteral("uuid"));
            QCOMPARE(type("version"), QStringLiteral("integer"));
            QCOMPARE(type("prompt_content"), QStringLiteral("text"));
            QCOMPARE(type("functions_config"), QStringLiteral("json"));
            QCOMPARE(type("validation_errors"), QStringLiteral("json"));
            QCOMPARE(type("is_active"), QStringLiteral("boolean"));
            QCOMPARE(type("is_template"), QStringLiteral("boolean"));
            QCOMPARE(type("validation_status"), QStringLiteral("character varying(255)"));
            QCOMPARE(type("deployed_at"), QStringLiteral("timestamp(0) without time zone"));
            QVERIFY(scalar(db.spec(),
                           QStringLiteral("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                                          "WHERE conrelid = 'retell_agent_prompts'::regclass AND "
                                          "contype = 'c'"))
                        .contains(QLatin1String("'pending'")));
            QCOMPARE(scalar(db.spec(), QStringLiteral("SELECT pg_get_serial_sequence("
                                                      "'retell_agent_prompts', 'id') IS NOT NULL")),
                     QStringLiteral("true"));
            QCOMPARE(scalar(db.spec(),
                            QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE tablename = "
                                           "'retell_agent_prompts'")),
                     QStringLiteral("4"));
            QCOMPARE(
                scalar(db.spec(), QStringLiteral("SELECT confdeltype FROM pg_constraint WHERE "
                                                 "conname = "
                                                 "'retell_agent_prompts_deployed_by_foreign'")),
                QStringLiteral("n"));
            QCOMPARE(scalar(db.spec(), QStringLiteral("SELECT current_setting('TimeZone')")),
                     QStringLiteral("UTC"));
        } else {
            QCOMPARE(
                scalar(db.spec(), QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = "
                                                 "'index' AND tbl_name = 'retell_agent_prompts'")),
                QStringLiteral("3"));
            QVERIFY(scalar(db.spec(),
                           QStringLiteral(
                               "SELECT sql FROM sqlite_master WHERE name = 'retell_agent_prompts'"))
                        .contains(QLatin1String("ON DELETE SET NULL")));
            QCOMPARE(scalar(db.spec(), QStringLiteral("PRAGMA journal_mode")),
                     QStringLiteral("wal"));
            QCOMPARE(scalar(db.spec(), QStringLiteral("PRAGMA foreign_keys")), QStringLiteral("1"));
        }
    }

    void applyingTwiceChangesNothing()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        QVERIFY(Migrator::migrate(db.spec()));
        QVERIFY(Seeder::seedTemplates(ServiceContext{db.spec()}));
        const QStringList before = tables(db.spec());
        const QString migrations = snapshot(db.spec(), QStringLiteral("retell_admin_migrations"));
        const QString templates = snapshot(db.spec(), QStringLiteral("retell_admin_templates"));
        auto again = Migrator::migrate(db.spec());
        QVERIFY(again);
        QVERIFY(again->applied.isEmpty());
        auto seedAgain = Seeder::seedTemplates(ServiceContext{db.spec()});
        QVERIFY(seedAgain);
        QCOMPARE(seedAgain->templatesAdded, 0);
        QCOMPARE(tables(db.spec()), before);
        QCOMPARE(snapshot(db.spec(), QStringLiteral("retell_admin_migrations")), migrations);
        QCOMPARE(snapshot(db.spec(), QStringLiteral("retell_admin_templates")), templates);
        QCOMPARE(Migrator::check(db.spec()).value(), Migrator::latestKnownVersion(db.dialect()));
    }

    // A database seeded before templates carried a language (its built-ins
    // English, no language column) gains the column, its built-ins are
    // marked English, and the next seed adds the German built-ins once.
    void germanTemplatesArriveOnTheNextSeed()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        QTemporaryDir before;
        QVERIFY(before.isValid());
        const QDir all(Migrator::migrationsDirectory(db.dialect()));
        for (const QString &file : all.entryList({QStringLiteral("*.sql")}, QDir::Files)) {
            if (file.left(4).toInt() < 8)
                QVERIFY(QFile::copy(all.filePath(file), before.filePath(file)));
        }
        QVERIFY(Migrator::migrate(db.spec(), before.path()));
        const QStringList english = {QStringLiteral("Dynamic Service Selection"),
                                     QStringLiteral("Basic Appointment Booking"),
                                     QStringLiteral("Information Only")};
        for (const QString &name : english)
            execAll(db.spec(),
                    {QStringLiteral("INSERT INTO retell_admin_templates (name, description, "
                                    "prompt_content, functions_config, is_builtin, created_at, "
                                    "updated_at) VALUES ('%1', 'old seed', 'p', '[]', TRUE, "
                                    "'2026-11-01 10:00:00', '2026-11-01 10:00:00')")
                         .arg(name)});
        auto migrated = Migrator::migrate(db.spec());
        QVERIFY(migrated);
        QVERIFY(migrated->applied.contains(QStringLiteral("0008_template_language")));
        QCOMPARE(scalar(db.spec(), QStringLiteral("SELECT COUNT(*) FROM retell_admin_templates "
                                                  "WHERE language = 'en'")),
                 QStringLiteral("3"));
        auto seeded = Seeder::seedTemplates(ServiceContext{db.spec()});
        QVERIFY(seeded);
        QCOMPARE(seeded->templatesAdded, 3);
        for (const QString &name :
             {QStringLiteral("Dynamische Leistungsauswahl"),
              QStringLiteral("Einfache Terminbuchung"), QStringLiteral("Nur Auskunft")})
            QCOMPARE(
                scalar(db.spec(),
                       QStringLiteral("SELECT language FROM retell_admin_templates WHERE name = ?"),
                       {name}),
                QStringLiteral("de"));
        QCOMPARE(Seeder::seedTemplates(ServiceContext{db.spec()})->templatesAdded, 0);
        QCOMPARE(scalar(db.spec(), QStringLiteral("SELECT COUNT(*) FROM retell_admin_templates")),
                 QStringLiteral("6"));
    }

    void laravelSchemaIsLeftUntouched()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const QByteArray hash = htpasswdHash("web-secret");
        QVERIFY2(hash.startsWith("$2y$10$"), "htpasswd (apache2-utils) must produce a $2y$ hash");
        execAll(db.spec(), laravelSchema(db.dialect(), hash));
        const QStringList webTables = {QStringLiteral("migrations"), QStringLiteral("users"),
                                       QStringLiteral("companies"), QStringLiteral("branches"),
                                       QStringLiteral("retell_agent_prompts")};
        QMap<QString, QString> before;
        for (const QString &t : webTables)
            before.insert(t, snapshot(db.spec(), t));

        auto report = Migrator::migrate(db.spec());
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QVERIFY(report->webAppSchema);
        QCOMPARE(report->skipped, QStringList{QStringLiteral("0001_contract_tables")});
        QCOMPARE(
            report->applied,
            QStringList({QStringLiteral("0002_app_tables"), QStringLiteral("0003_template_scan"),
                         QStringLiteral("0004_template_owner"),
                         QStringLiteral("0005_applied_operations"), QStringLiteral("0006_rollouts"),
                         QStringLiteral("0007_audit"), QStringLiteral("0008_template_language"),
                         QStringLiteral("0009_retell_publishing")}));
        for (const QString &t : webTables)
            QCOMPARE(snapshot(db.spec(), t), before.value(t));
        QVERIFY(tables(db.spec()).contains(QStringLiteral("retell_admin_grants")));

        // The web app's bcrypt user logs in; its template row is offered.
        auto actor = AuthService(ServiceContext{db.spec()})
                         .login(QStringLiteral("web@example.com"), QStringLiteral("web-secret"));
        QVERIFY2(actor, actor ? "" : qPrintable(actor.error().message));
        QCOMPARE(actor->user.name, QStringLiteral("Web Admin"));
        auto wrong = AuthService(ServiceContext{db.spec()})
                         .login(QStringLiteral("web@example.com"), QStringLiteral("web-secreT"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().kind, ErrorKind::Authentication);
        for (const QString &t : webTables)
            QCOMPARE(snapshot(db.spec(), t), before.value(t));
    }

    void newerSchemaIsRefused()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        QVERIFY(Migrator::migrate(db.spec()));
        execAll(db.spec(),
                {QStringLiteral("INSERT INTO retell_admin_migrations (version, name, status) "
                                "VALUES (9001, '9001_from_the_future', 'applied')")});
        const QStringList before = tables(db.spec());
        auto report = Migrator::migrate(db.spec());
        QVERIFY(!report);
        QVERIFY2(report.error().message.contains(QLatin1String("newer")),
                 qPrintable(report.error().message));
        QVERIFY(report.error().message.contains(QLatin1String("9001")));
        auto check = Migrator::check(db.spec());
        QVERIFY(!check);
        QCOMPARE(tables(db.spec()), before);
    }

    void failedMigrationIsRolledBackAndReported()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        QTemporaryDir dir;
        const QString source = Migrator::migrationsDirectory(db.dialect());
        for (const QString &f : QDir(source).entryList({QStringLiteral("*.sql")}))
            QVERIFY(QFile::copy(source + QLatin1Char('/') + f, dir.filePath(f)));
        QFile broken(dir.filePath(QStringLiteral("0010_broken_step.sql")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("CREATE TABLE retell_admin_half_done (id INTEGER PRIMARY KEY);\n"
                     "CREATE TABLE retell_admin_half_done_too (id INTEGER PRIMARY KEY);\n"
                     "INSERT INTO no_such_table VALUES (1);\n");
        broken.close();
        auto report = Migrator::migrate(db.spec(), dir.path());
        QVERIFY(!report);
        QVERIFY2(report.error().message.contains(QLatin1String("0010_broken_step")),
                 qPrintable(report.error().message));
        QVERIFY(report.error().message.contains(QLatin1String("rolled back")));
        QVERIFY(!tables(db.spec()).contains(QStringLiteral("retell_admin_half_done")));
        QVERIFY(!tables(db.spec()).contains(QStringLiteral("retell_admin_half_done_too")));
        QCOMPARE(scalar(db.spec(),
                        QStringLiteral(
                            "SELECT COUNT(*) FROM retell_admin_migrations WHERE version = 10")),
                 QStringLiteral("0"));
        // The earlier migrations stay applied and usable.
        QCOMPARE(scalar(db.spec(), QStringLiteral("SELECT COUNT(*) FROM retell_admin_migrations")),
                 QString::number(QDir(source).entryList({QStringLiteral("*.sql")}).size()));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
