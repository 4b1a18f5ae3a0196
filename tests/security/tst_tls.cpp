// TLS options mean TLS or no connection, checked against real MariaDB
// servers: one with TLS and certificates made by openssl for this run
// (tests/mariadb/mariadb-fixture.sh --tls), the plain fixture server, and a
// fake server on loopback that strips TLS from its greeting and asks for the
// clear-text authentication plugin (what a man in the middle would do).
#include "TestDatabase.h"
#include "TlsServer.h"

#include "db/Database.h"

#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <thread>

using namespace retell::core;
using namespace retell::test;

namespace {

const QString kTlsDir = QStringLiteral(RETELL_TLS_MARIADB_DIR);

const TlsServer kServer(kTlsDir, QStringLiteral("mysql"), QStringLiteral("mysql"));

QString sessionCipher(const ConnectionSpec &spec)
{
    auto conn = Database::connection(spec);
    if (!conn)
        return QStringLiteral("<no connection: %1>").arg(conn.error().message);
    QSqlQuery q(conn.value());
    if (!q.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) || !q.next())
        return QStringLiteral("<no status>");
    return q.value(1).toString();
}

// Protocol-10 greeting of a server that does not offer TLS (no CLIENT_SSL).
QByteArray greetingWithoutTls()
{
    QByteArray p;
    p += char(10);
    p += QByteArrayLiteral("5.5.5-10.11.0-MariaDB-fake");
    p += char(0);
    p += QByteArray("\x01\x00\x00\x00", 4); // connection id
    p += QByteArrayLiteral("abcdefgh");     // scramble, first part
    p += char(0);
    const quint32 caps = 0x1 | 0x4 | 0x8 | 0x200 | 0x2000 | 0x8000 | 0x20000 | 0x80000;
    p += char(caps & 0xff);
    p += char((caps >> 8) & 0xff);
    p += char(33);                  // utf8_general_ci
    p += QByteArray("\x02\x00", 2); // status
    p += char((caps >> 16) & 0xff);
    p += char((caps >> 24) & 0xff);
    p += char(21);
    p += QByteArray(10, '\0');
    p += QByteArrayLiteral("ijklmnopqrst");
    p += char(0);
    p += QByteArrayLiteral("mysql_native_password");
    p += char(0);
    return p;
}

QByteArray packet(const QByteArray &payload, int sequence)
{
    QByteArray h;
    h += char(payload.size() & 0xff);
    h += char((payload.size() >> 8) & 0xff);
    h += char((payload.size() >> 16) & 0xff);
    h += char(sequence);
    return h + payload;
}

// Accepts one client, greets it without TLS, answers its first packet by
// switching to mysql_clear_password, and records every byte it receives.
class StrippingServer final
{
public:
    StrippingServer()
    {
        m_thread = std::thread([this] { run(); });
        while (m_port.load() == 0)
            std::this_thread::yield();
    }
    ~StrippingServer() { wait(); }
    int port() const { return m_port.load(); }
    // Valid after the client is gone (the destructor has run, or wait()).
    QByteArray received()
    {
        wait();
        return m_received;
    }
    void wait()
    {
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    void run()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0)) {
            m_port = -1;
            return;
        }
        m_port = server.serverPort();
        if (!server.waitForNewConnection(20000))
            return;
        QTcpSocket *client = server.nextPendingConnection();
        client->write(packet(greetingWithoutTls(), 0));
        client->waitForBytesWritten(5000);
        bool switched = false;
        while (client->state() == QAbstractSocket::ConnectedState &&
               client->waitForReadyRead(4000)) {
            m_received += client->readAll();
            if (!switched && m_received.size() >= 4) {
                switched = true;
                QByteArray change;
                change += char(0xfe);
                change += QByteArrayLiteral("mysql_clear_password");
                change += char(0);
                client->write(packet(change, 2));
                client->waitForBytesWritten(5000);
            }
        }
        m_received += client->readAll();
        client->close();
    }

    std::thread m_thread;
    std::atomic<int> m_port{0};
    QByteArray m_received;
};

ConnectionSpec fakeServer(int port, const QString &options)
{
    auto spec = ConnectionSpec::parse(
        QStringLiteral("mysql://victim@127.0.0.1:%1/laravel?connect_timeout=5&read_timeout=5%2")
            .arg(port)
            .arg(options.isEmpty() ? QString() : QLatin1Char('&') + options));
    if (!spec)
        qFatal("%s", qPrintable(spec.error().message));
    spec->password = QStringLiteral("Sw0rdfish-in-clear-text");
    return spec.value();
}

bool runRootSql(const QString &sql)
{
    QProcess p;
    p.start(QStringLiteral("mariadb"),
            {QStringLiteral("--no-defaults"),
             QStringLiteral("--socket=") + kTlsDir + QStringLiteral("/sock"),
             QStringLiteral("-uroot"), QStringLiteral("-e"), sql});
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Makes the TLS server present the given certificate from now on.
bool presentCertificate(const QString &name)
{
    for (const auto &[from, to] :
         {std::pair{name + QStringLiteral(".pem"), QStringLiteral("active-cert.pem")},
          std::pair{name + QStringLiteral("-key.pem"), QStringLiteral("active-key.pem")}}) {
        QFile::remove(kServer.file(to));
        if (!QFile::copy(kServer.file(from), kServer.file(to)))
            return false;
    }
    return runRootSql(QStringLiteral("FLUSH SSL"));
}

} // namespace

class TestTls final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kServer.file(QStringLiteral("ca.pem"))),
                 "the TLS MariaDB fixture is not running; run through ctest");
        QVERIFY(presentCertificate(QStringLiteral("server")));
    }

    void verifiedTlsConnects()
    {
        const auto spec =
            kServer.spec(QStringLiteral("ssl_ca=") + kServer.file(QStringLiteral("ca.pem")));
        const QString cipher = sessionCipher(spec);
        QVERIFY2(!cipher.isEmpty() && !cipher.startsWith(QLatin1Char('<')), qPrintable(cipher));
        Database::dropConnection(spec);
    }

    void serverWithoutTlsIsRefused()
    {
        QString error;
        ConnectionSpec plain = TestDatabase::serverSpec(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        plain.database = QStringLiteral("mysql");
        // Without TLS options the plain server is fine...
        QCOMPARE(sessionCipher(plain), QString());
        Database::dropConnection(plain);
        // ...with any of them, it is refused.
        for (const QString &option : {QStringLiteral("ssl_ca"), QStringLiteral("ssl_capath")}) {
            ConnectionSpec spec = plain;
            spec.options.insert(option, option == QLatin1String("ssl_ca")
                                            ? kServer.file(QStringLiteral("ca.pem"))
                                            : kTlsDir + QStringLiteral("/tls"));
            const QString message = TlsServer::refusal(spec);
            QVERIFY2(message.contains(QLatin1String("does not offer TLS")),
                     qPrintable(option + QStringLiteral(": ") + message));
        }
        ConnectionSpec relaxed = plain;
        relaxed.options.insert(QStringLiteral("ssl_ca"), kServer.file(QStringLiteral("ca.pem")));
        relaxed.options.insert(QStringLiteral("ssl_verify_host"), QStringLiteral("false"));
        const QString message = TlsServer::refusal(relaxed);
        QVERIFY2(message.contains(QLatin1String("not encrypted")), qPrintable(message));
    }

    void certificateFromAnotherCaIsRefused()
    {
        for (const QString &relax : {QString(), QStringLiteral("&ssl_verify_host=false")}) {
            const QString message = TlsServer::refusal(
                kServer.spec(QStringLiteral("ssl_ca=") +
                             kServer.file(QStringLiteral("foreign-ca.pem")) + relax));
            QVERIFY2(message.contains(QLatin1String("does not vouch for")), qPrintable(message));
        }
    }

    void certificateForAnotherHostIsRefused()
    {
        QVERIFY(presentCertificate(QStringLiteral("otherhost")));
        const QString message = TlsServer::refusal(
            kServer.spec(QStringLiteral("ssl_ca=") + kServer.file(QStringLiteral("ca.pem"))));
        // Only the explicit option accepts it (the CA still has to sign it).
        const auto relaxed =
            kServer.spec(QStringLiteral("ssl_ca=") + kServer.file(QStringLiteral("ca.pem")) +
                         QStringLiteral("&ssl_verify_host=false"));
        const QString cipher = sessionCipher(relaxed);
        Database::dropConnection(relaxed);
        QVERIFY(presentCertificate(QStringLiteral("server")));
        QVERIFY2(message.contains(QLatin1String("does not name the host 127.0.0.1")),
                 qPrintable(message));
        QVERIFY2(!cipher.isEmpty() && !cipher.startsWith(QLatin1Char('<')), qPrintable(cipher));
    }

    void missingCaFileIsToldAsSuch()
    {
        const QString message =
            TlsServer::refusal(kServer.spec(QStringLiteral("ssl_ca=/nonexistent/ca.pem")));
        QVERIFY2(message.contains(QLatin1String("/nonexistent/ca.pem")) &&
                     message.contains(QLatin1String("cannot be read")),
                 qPrintable(message));
    }

    // A man in the middle strips TLS from the greeting: with TLS options the
    // client sends nothing at all, so neither the password nor a hash of it.
    void strippedGreetingGetsNothing()
    {
        StrippingServer mitm;
        QVERIFY(mitm.port() > 0);
        const auto spec = fakeServer(mitm.port(), QStringLiteral("ssl_ca=") +
                                                      kServer.file(QStringLiteral("ca.pem")));
        const QString message = TlsServer::refusal(spec);
        const QByteArray received = mitm.received();
        QVERIFY2(message.contains(QLatin1String("does not offer TLS")), qPrintable(message));
        QVERIFY2(received.isEmpty(), received.toHex().constData());
    }

    // Without TLS options the client still never agrees to send the password
    // readable when a server asks for the clear-text plugin.
    void clearTextPluginIsRefused()
    {
        StrippingServer mitm;
        QVERIFY(mitm.port() > 0);
        const auto spec = fakeServer(mitm.port(), QString());
        const QString message = TlsServer::refusal(spec);
        const QByteArray received = mitm.received();
        QVERIFY2(!received.isEmpty(),
                 "the client sent no handshake response: the test proves nothing");
        QVERIFY2(!received.contains(spec.password.toUtf8()), received.constData());
        QVERIFY2(message.contains(QLatin1String("would send the password readable")),
                 qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
