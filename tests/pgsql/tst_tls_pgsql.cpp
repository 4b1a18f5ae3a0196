// TLS options mean TLS or no connection on PostgreSQL too, checked against
// real servers: one with ssl=on and certificates made by openssl for this run
// (tests/pgsql/pgsql-fixture.sh --tls) and the plain fixture server.
#include "TestDatabase.h"
#include "TlsServer.h"

#include "db/Database.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

const QString kTlsDir = QStringLiteral(RETELL_TLS_PGSQL_DIR);

const TlsServer kServer(kTlsDir, QStringLiteral("pgsql"), QStringLiteral("postgres"));

// "tls" when the session is encrypted, "plain" when not, else why not.
QString session(const ConnectionSpec &spec)
{
    QString answer = QStringLiteral("<no answer>");
    {
        auto conn = Database::connection(spec);
        if (!conn)
            return QStringLiteral("<no connection: %1>").arg(conn.error().message);
        QSqlQuery q(conn.value());
        if (q.exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) &&
            q.next())
            answer = q.value(0).toBool() ? QStringLiteral("tls") : QStringLiteral("plain");
    } // the last handles go before the connection is removed
    Database::dropConnection(spec);
    return answer;
}

bool presentCertificate(const QString &name)
{
    QProcess fixture;
    fixture.start(QStringLiteral(RETELL_PGSQL_FIXTURE), {QStringLiteral("present"), kTlsDir, name});
    return fixture.waitForFinished(30000) && fixture.exitStatus() == QProcess::NormalExit &&
           fixture.exitCode() == 0;
}

} // namespace

class TestTlsPostgres final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kServer.file(QStringLiteral("ca.pem"))),
                 "the TLS PostgreSQL fixture is not running; run through ctest");
        QVERIFY(presentCertificate(QStringLiteral("server")));
    }

    // sslrootcert alone means sslmode=verify-full.
    void verifiedTlsConnects()
    {
        QCOMPARE(session(kServer.spec(QStringLiteral("sslrootcert=") +
                                      kServer.file(QStringLiteral("ca.pem")))),
                 QStringLiteral("tls"));
        QCOMPARE(session(kServer.spec(QStringLiteral("sslmode=require"))), QStringLiteral("tls"));
    }

    void serverWithoutTlsIsRefused()
    {
        QString error;
        ConnectionSpec plain = TestDatabase::serverSpec(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        plain.database = QStringLiteral("postgres");
        // Without TLS options the plain server is fine...
        QCOMPARE(session(plain), QStringLiteral("plain"));
        // ...with any of them, it is refused before anything is sent.
        for (const auto &[key, value] :
             {std::pair{QStringLiteral("sslrootcert"), kServer.file(QStringLiteral("ca.pem"))},
              std::pair{QStringLiteral("sslmode"), QStringLiteral("require")}}) {
            ConnectionSpec spec = plain;
            spec.options.insert(key, value);
            const QString message = TlsServer::refusal(spec);
            QVERIFY2(message.contains(QLatin1String("does not offer TLS")),
                     qPrintable(key + QStringLiteral(": ") + message));
        }
    }

    void certificateFromAnotherCaIsRefused()
    {
        for (const QString &mode : {QStringLiteral("verify-full"), QStringLiteral("verify-ca")}) {
            const QString message = TlsServer::refusal(
                kServer.spec(QStringLiteral("sslmode=%1&sslrootcert=%2")
                                 .arg(mode, kServer.file(QStringLiteral("foreign-ca.pem")))));
            QVERIFY2(message.contains(QLatin1String("does not vouch for")),
                     qPrintable(mode + ": " + message));
        }
    }

    void certificateForAnotherHostIsRefused()
    {
        QVERIFY(presentCertificate(QStringLiteral("otherhost")));
        const QString message = TlsServer::refusal(
            kServer.spec(QStringLiteral("sslrootcert=") + kServer.file(QStringLiteral("ca.pem"))));
        // Only the explicit option accepts it (the CA still has to sign it).
        const QString relaxed =
            session(kServer.spec(QStringLiteral("sslmode=verify-ca&sslrootcert=") +
                                 kServer.file(QStringLiteral("ca.pem"))));
        QVERIFY(presentCertificate(QStringLiteral("server")));
        QVERIFY2(message.contains(QLatin1String("does not name the host 127.0.0.1")),
                 qPrintable(message));
        QCOMPARE(relaxed, QStringLiteral("tls"));
    }

    void missingCaFileIsToldAsSuch()
    {
        const QString message =
            TlsServer::refusal(kServer.spec(QStringLiteral("sslrootcert=/nonexistent/ca.pem")));
        QVERIFY2(message.contains(QLatin1String("/nonexistent/ca.pem")) &&
                     message.contains(QLatin1String("cannot be read")),
                 qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestTlsPostgres)
#include "tst_tls_pgsql.moc"
