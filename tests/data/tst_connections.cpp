// Connecting (issue 10): what a connection URL may say, and the plain
// sentence a connection that cannot be made gives — an unreachable server,
// a file that is not a database (left untouched), a wrong password, a
// missing database, a folder. SQLite, MariaDB and PostgreSQL.
#include "TestDatabase.h"
#include "db/ConnectionSpec.h"
#include "db/Database.h"
#include "db/Migrator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace retell::core;
using retell::test::TestDatabase;

class TestConnections final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("backend: %s", qPrintable(TestDatabase::backend())); }

    void badConnectionsGiveClearErrors()
    {
        // Unreachable server: nothing listens on port 9 of loopback.
        auto unreachable = ConnectionSpec::parse(
            QStringLiteral("mysql://nobody@127.0.0.1:9/retell?connect_timeout=2"));
        QVERIFY(unreachable);
        auto c = Database::connection(unreachable.value());
        QVERIFY(!c);
        QVERIFY2(c.error().message.contains(QLatin1String("Cannot reach")),
                 qPrintable(c.error().message));

        // A file that is not a database stays byte-for-byte as it was.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray content =
            QByteArray("These are my meeting notes, not a database.\n").repeated(200);
        f.write(content);
        f.close();
        ConnectionSpec notDb;
        notDb.path = path;
        auto opened = Migrator::migrate(notDb);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(QLatin1String("not a")),
                 qPrintable(opened.error().message));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);

        if (TestDatabase::isServer()) {
            ConnectionSpec wrong = TestDatabase::serverSpec();
            wrong.database =
                TestDatabase::isPostgres() ? QStringLiteral("postgres") : QStringLiteral("mysql");
            wrong.password = QStringLiteral("not-the-password");
            auto refused = Database::connection(wrong);
            QVERIFY(!refused);
            QVERIFY2(refused.error().message.contains(QLatin1String("wrong user name or password")),
                     qPrintable(refused.error().message));
            ConnectionSpec missing = TestDatabase::serverSpec();
            missing.database = QStringLiteral("no_such_database_here");
            auto absent = Database::connection(missing);
            QVERIFY(!absent);
            QVERIFY2(absent.error().message.contains(QLatin1String("does not exist")),
                     qPrintable(absent.error().message));
        } else {
            ConnectionSpec folder;
            folder.path = dir.path();
            auto isDir = Database::connection(folder);
            QVERIFY(!isDir);
            QVERIFY2(isDir.error().message.contains(QLatin1String("folder")),
                     qPrintable(isDir.error().message));
        }
    }

    void urlsParse_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("sqlite absolute") << "sqlite:/tmp/x.db" << true << "sqlite:/tmp/x.db";
        QTest::newRow("mysql with port") << "mysql://admin@db.internal:3307/laravel" << true
                                         << "mysql://admin@db.internal:3307/laravel";
        QTest::newRow("mysql default port") << "mysql://admin@db.internal/laravel" << true
                                            << "mysql://admin@db.internal:3306/laravel";
        QTest::newRow("tls options") << "mysql://a@h:3306/d?ssl_ca=/etc/ca.pem" << true
                                     << "mysql://a@h:3306/d?ssl_ca=/etc/ca.pem";
        QTest::newRow("password refused") << "mysql://a:secret@h/d" << false << "";
        QTest::newRow("no database") << "mysql://a@h:3306/" << false << "";
        QTest::newRow("unknown option") << "mysql://a@h/d?sslmode=on" << false << "";
        QTest::newRow("unknown scheme") << "postgres://a@h/d" << false << "";
    }

    void urlsParse()
    {
        QFETCH(QString, url);
        QFETCH(bool, ok);
        QFETCH(QString, normalised);
        auto spec = ConnectionSpec::parse(url);
        QCOMPARE(bool(spec), ok);
        if (ok)
            QCOMPARE(spec->toUrl(), normalised);
        else
            QVERIFY(!spec.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConnections)
#include "tst_connections.moc"
