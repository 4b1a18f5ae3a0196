// One dialect per backend, chosen from the Qt driver: an unknown driver is
// refused, each backend's error codes land in the same classes, and the
// pgsql:// URL parses with its TLS options.
#include "db/ConnectionOptions.h"
#include "db/Dialect.h"

#include <QSqlError>
#include <QTest>

using namespace retell::core;

class TestDialect final : public QObject
{
    Q_OBJECT

private slots:
    void driversChooseTheDialect_data()
    {
        QTest::addColumn<QString>("driver");
        QTest::addColumn<int>("kind");
        QTest::newRow("QSQLITE") << QStringLiteral("QSQLITE") << int(Dialect::SQLite);
        QTest::newRow("QMYSQL") << QStringLiteral("QMYSQL") << int(Dialect::MySQL);
        QTest::newRow("QMARIADB") << QStringLiteral("QMARIADB") << int(Dialect::MySQL);
        QTest::newRow("QPSQL") << QStringLiteral("QPSQL") << int(Dialect::PostgreSQL);
    }
    void driversChooseTheDialect()
    {
        QFETCH(QString, driver);
        QFETCH(int, kind);
        auto d = SqlDialect::forDriver(driver);
        QVERIFY(d);
        QCOMPARE(int(d.value()->kind()), kind);
        QCOMPARE(&SqlDialect::forKind(Dialect(kind)), d.value());
    }

    void unknownDriverIsRefused()
    {
        auto d = SqlDialect::forDriver(QStringLiteral("QODBC"));
        QVERIFY(!d);
        QVERIFY2(d.error().message.contains(QLatin1String("\"QODBC\" is not supported")),
                 qPrintable(d.error().message));
    }

    void writeTransactionsAndLocks()
    {
        QCOMPARE(dialects::sqlite().beginWrite(), QStringLiteral("BEGIN IMMEDIATE"));
        QCOMPARE(dialects::sqlite().rowLock(), QString());
        QCOMPARE(dialects::mysql().rowLock(), QStringLiteral(" FOR UPDATE"));
        QCOMPARE(dialects::postgres().rowLock(), QStringLiteral(" FOR UPDATE"));
        QVERIFY(dialects::postgres().transactionalDdl());
        QVERIFY(!dialects::mysql().transactionalDdl());
        QCOMPARE(dialects::postgres().migrationsDirectory(), QStringLiteral(":/migrations/pgsql"));
    }

    void errorsAreClassified_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("expected");
        const auto row = [](const char *name, Dialect kind, const char *code, SqlErrorClass c) {
            QTest::newRow(name) << int(kind) << QString::fromLatin1(code) << int(c);
        };
        row("MySQL deadlock", Dialect::MySQL, "1213", SqlErrorClass::Transient);
        row("MySQL lock wait", Dialect::MySQL, "1205", SqlErrorClass::Transient);
        row("MySQL duplicate", Dialect::MySQL, "1062", SqlErrorClass::UniqueViolation);
        row("MySQL foreign key", Dialect::MySQL, "1452", SqlErrorClass::ForeignKey);
        row("MySQL gone away", Dialect::MySQL, "2006", SqlErrorClass::ConnectionLost);
        row("MySQL syntax", Dialect::MySQL, "1064", SqlErrorClass::Other);
        row("PG serialization", Dialect::PostgreSQL, "40001", SqlErrorClass::Transient);
        row("PG deadlock", Dialect::PostgreSQL, "40P01", SqlErrorClass::Transient);
        row("PG lock timeout", Dialect::PostgreSQL, "55P03", SqlErrorClass::Transient);
        row("PG unique", Dialect::PostgreSQL, "23505", SqlErrorClass::UniqueViolation);
        row("PG foreign key", Dialect::PostgreSQL, "23503", SqlErrorClass::ForeignKey);
        row("PG connection failure", Dialect::PostgreSQL, "08006", SqlErrorClass::ConnectionLost);
        row("PG admin shutdown", Dialect::PostgreSQL, "57P01", SqlErrorClass::ConnectionLost);
        row("PG bad uuid", Dialect::PostgreSQL, "22P02", SqlErrorClass::Other);
        // A MySQL code read by PostgreSQL means nothing there.
        row("PG given 1213", Dialect::PostgreSQL, "1213", SqlErrorClass::Other);
        row("SQLite busy", Dialect::SQLite, "5", SqlErrorClass::Transient);
        row("SQLite busy snapshot", Dialect::SQLite, "517", SqlErrorClass::Transient);
        row("SQLite locked", Dialect::SQLite, "6", SqlErrorClass::Transient);
        row("SQLite unique", Dialect::SQLite, "2067", SqlErrorClass::UniqueViolation);
        row("SQLite primary key", Dialect::SQLite, "1555", SqlErrorClass::UniqueViolation);
        row("SQLite foreign key", Dialect::SQLite, "787", SqlErrorClass::ForeignKey);
        row("SQLite given 23505", Dialect::SQLite, "23505", SqlErrorClass::Other);
    }
    void errorsAreClassified()
    {
        QFETCH(int, kind);
        QFETCH(QString, code);
        QFETCH(int, expected);
        const QSqlError error(QStringLiteral("driver"), QStringLiteral("database"),
                              QSqlError::StatementError, code);
        QCOMPARE(int(SqlDialect::forKind(Dialect(kind)).classify(error)), expected);
    }

    void pgsqlUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<bool>("verifiesHost");
        QTest::newRow("pgsql, default port")
            << QStringLiteral("pgsql://app@db.internal/laravel") << 5432 << false << false;
        QTest::newRow("postgresql, own port")
            << QStringLiteral("postgresql://app@db.internal:6543/laravel") << 6543 << false
            << false;
        QTest::newRow("sslrootcert means verify-full")
            << QStringLiteral("pgsql://app@db.internal/laravel?sslrootcert=/etc/ca.pem") << 5432
            << true << true;
        QTest::newRow("sslmode relaxed explicitly")
            << QStringLiteral("pgsql://app@db.internal/laravel?sslmode=verify-ca&sslrootcert=/ca")
            << 5432 << true << false;
        QTest::newRow("sslmode=require alone")
            << QStringLiteral("pgsql://app@db.internal/laravel?sslmode=require") << 5432 << true
            << false;
    }
    void pgsqlUrls()
    {
        QFETCH(QString, url);
        QFETCH(int, port);
        QFETCH(bool, tls);
        QFETCH(bool, verifiesHost);
        auto spec = ConnectionSpec::parse(url);
        QVERIFY2(spec, qPrintable(spec ? QString() : spec.error().message));
        QCOMPARE(int(spec->dialect), int(Dialect::PostgreSQL));
        QCOMPARE(spec->port, port);
        QCOMPARE(spec->database, QStringLiteral("laravel"));
        QCOMPARE(usesTls(spec.value()), tls);
        if (tls)
            QCOMPARE(verifiesHostName(spec.value()), verifiesHost);
        // The URL round-trips, always without a password.
        auto again = ConnectionSpec::parse(spec->toUrl());
        QVERIFY(again);
        QCOMPARE(again->key(), spec->key());
    }

    void pgsqlUrlsRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("said");
        QTest::newRow("password in the URL")
            << QStringLiteral("pgsql://app:secret@db/laravel") << QStringLiteral("password");
        QTest::newRow("sslmode=disable contradicts TLS")
            << QStringLiteral("pgsql://app@db/laravel?sslmode=disable")
            << QStringLiteral("verify-full");
        QTest::newRow("sslmode=prefer falls back to plain text")
            << QStringLiteral("pgsql://app@db/laravel?sslmode=prefer") << QStringLiteral("sslmode");
        QTest::newRow("MySQL option on pgsql")
            << QStringLiteral("pgsql://app@db/laravel?ssl_ca=/ca") << QStringLiteral("Unknown");
        QTest::newRow("quote in a path ends the conninfo value")
            << QStringLiteral("pgsql://app@db/laravel?sslrootcert=/a'%20host=evil")
            << QStringLiteral("quote");
        QTest::newRow("no database")
            << QStringLiteral("pgsql://app@db/") << QStringLiteral("names no database");
    }
    void pgsqlUrlsRefused()
    {
        QFETCH(QString, url);
        QFETCH(QString, said);
        auto spec = ConnectionSpec::parse(url);
        QVERIFY2(!spec, qPrintable(url));
        QVERIFY2(spec.error().message.contains(said), qPrintable(spec.error().message));
    }
};

QTEST_GUILESS_MAIN(TestDialect)
#include "tst_dialect.moc"
