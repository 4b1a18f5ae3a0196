#include "CuttingProxy.h"

#include "db/Dialect.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace retell::test {

using core::ConnectionSpec;
using core::Dialect;
using Point = CuttingProxy::Point;
using Method = CuttingProxy::Method;

// What the test thread and the proxy thread share.
struct ProxyState
{
    mutable QMutex mutex;
    Point point = Point::None;
    Method method = Method::Drop;
    int skip = 0;
    bool fired = false;
    bool logging = false;
    QStringList log;
};

namespace {

enum class Statement
{
    Other,
    Begin,
    Insert, // INSERT INTO retell_agent_prompts, run
    Commit,
};

quint32 littleEndian32(const QByteArray &b, qsizetype at)
{
    return quint32(quint8(b[at])) | quint32(quint8(b[at + 1])) << 8 |
           quint32(quint8(b[at + 2])) << 16 | quint32(quint8(b[at + 3])) << 24;
}

quint32 bigEndian32(const QByteArray &b, qsizetype at)
{
    return quint32(quint8(b[at])) << 24 | quint32(quint8(b[at + 1])) << 16 |
           quint32(quint8(b[at + 2])) << 8 | quint32(quint8(b[at + 3]));
}

bool isVersionInsert(const QByteArray &sql)
{
    return sql.toUpper().contains("INSERT INTO RETELL_AGENT_PROMPTS");
}

Statement textStatement(const QByteArray &sql)
{
    const QByteArray s = sql.trimmed().toUpper();
    if (s.startsWith("BEGIN") || s.startsWith("START TRANSACTION"))
        return Statement::Begin;
    if (s.startsWith("COMMIT"))
        return Statement::Commit;
    return isVersionInsert(s) ? Statement::Insert : Statement::Other;
}

// One client connection and its link to the server.
class Link final : public QObject
{
public:
    Link(QTcpSocket *client, const ConnectionSpec &server, std::shared_ptr<ProxyState> state,
         QObject *parent);
    // The local port of the link to the server: how the server names the session.
    quint16 serverSidePort() const { return m_server->localPort(); }
    void drop();
    // Whether the link is gone (the caller forgets it).
    bool isClosed() const { return m_closed; }
    void killSessionThenDrop();

private:
    void fromClient();
    void fromServer();
    // Length of the first complete message in m_clientBuffer, or -1.
    qsizetype messageLength() const;
    Statement classify(const QByteArray &message);
    void handle(const QByteArray &message);
    void toServer(const QByteArray &data);

    QTcpSocket *m_client;
    QTcpSocket *m_server;
    ConnectionSpec m_spec;
    std::shared_ptr<ProxyState> m_state;
    bool m_mysql;
    QByteArray m_clientBuffer;
    QByteArray m_pendingToServer; // until the server side is connected
    bool m_startupDone = false;   // PostgreSQL: typed messages from now on
    bool m_awaitingPrepareId = false;
    QSet<quint32> m_insertStatements;  // MariaDB statement ids
    QSet<QByteArray> m_insertPrepared; // PostgreSQL statement names
    enum class Then
    {
        Forward,
        CutAtNext,
        KillAtNext,
        SwallowAnswer,
    } m_then = Then::Forward;
    bool m_closed = false;
};

Link::Link(QTcpSocket *client, const ConnectionSpec &server, std::shared_ptr<ProxyState> state,
           QObject *parent)
    : QObject(parent), m_client(client), m_server(new QTcpSocket(this)), m_spec(server),
      m_state(std::move(state)), m_mysql(server.dialect == Dialect::MySQL)
{
    m_client->setParent(this);
    connect(m_client, &QTcpSocket::readyRead, this, &Link::fromClient);
    connect(m_server, &QTcpSocket::readyRead, this, &Link::fromServer);
    connect(m_server, &QTcpSocket::connected, this, [this] {
        m_server->write(m_pendingToServer);
        m_pendingToServer.clear();
    });
    connect(m_client, &QTcpSocket::disconnected, this, &Link::drop);
    connect(m_server, &QTcpSocket::disconnected, this, &Link::drop);
    connect(m_server, &QTcpSocket::errorOccurred, this, [this] { drop(); });
    m_server->connectToHost(QHostAddress::LocalHost, quint16(server.port));
}

void Link::drop()
{
    if (m_closed)
        return;
    m_closed = true;
    // Flush what was already accepted for the server (a COMMIT "during"),
    // then close both sides.
    m_server->flush();
    m_server->abort();
    m_client->abort();
}

void Link::killSessionThenDrop()
{
    // The server's name for the session: its peer address and port.
    const quint16 port = serverSidePort();
    const QString name = QStringLiteral("proxy-kill");
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (!db.isValid()) {
            db = QSqlDatabase::addDatabase(core::SqlDialect::forKind(m_spec.dialect).driverName(),
                                           name);
            db.setHostName(m_spec.host);
            db.setPort(m_spec.port);
            db.setDatabaseName(m_spec.database);
            db.setUserName(m_spec.user);
            db.setPassword(m_spec.password);
        }
        if (db.isOpen() || db.open()) {
            QSqlQuery q(db);
            if (m_mysql) {
                q.exec(QStringLiteral("SELECT ID FROM information_schema.PROCESSLIST "
                                      "WHERE HOST LIKE '%:%1'")
                           .arg(port));
                if (q.next())
                    QSqlQuery(db).exec(
                        QStringLiteral("KILL CONNECTION %1").arg(q.value(0).toLongLong()));
            } else {
                q.exec(QStringLiteral("SELECT pg_terminate_backend(pid, 5000) FROM "
                                      "pg_stat_activity WHERE client_port = %1")
                           .arg(port));
            }
        }
    }
    // The server closes the session; the proxy passes the close on, or
    // drops it itself when the server is slow to notice.
    QElapsedTimer waited;
    waited.start();
    while (m_server->state() == QAbstractSocket::ConnectedState && waited.elapsed() < 5000)
        m_server->waitForDisconnected(100);
    drop();
}

qsizetype Link::messageLength() const
{
    const QByteArray &b = m_clientBuffer;
    if (m_mysql)
        return b.size() < 4 ? -1
                            : 4 + qsizetype(quint8(b[0]) | quint8(b[1]) << 8 | quint8(b[2]) << 16);
    if (!m_startupDone)
        return b.size() < 4 ? -1 : qsizetype(bigEndian32(b, 0));
    return b.size() < 5 ? -1 : 1 + qsizetype(bigEndian32(b, 1));
}

Statement Link::classify(const QByteArray &message)
{
    if (m_mysql) {
        // Commands start a new sequence (0); the login exchange does not.
        if (message.size() < 5 || message[3] != 0)
            return Statement::Other;
        const char command = message[4];
        const QByteArray text = message.mid(5);
        if (command == 0x03) // COM_QUERY
            return textStatement(text);
        if (command == 0x16) { // COM_STMT_PREPARE: the id comes with the answer
            m_awaitingPrepareId = isVersionInsert(text);
            return Statement::Other;
        }
        if (command == 0x17 && message.size() >= 9) // COM_STMT_EXECUTE
            return m_insertStatements.contains(littleEndian32(message, 5)) ? Statement::Insert
                                                                           : Statement::Other;
        return Statement::Other;
    }
    if (!m_startupDone) {
        // SSLRequest / GSSENCRequest come before the real startup message.
        const quint32 code = message.size() >= 8 ? bigEndian32(message, 4) : 0;
        m_startupDone = code != 80877103 && code != 80877104;
        return Statement::Other;
    }
    if (message[0] != 'Q')
        return Statement::Other;
    QByteArray text = message.mid(5);
    text.truncate(text.indexOf('\0'));
    const QByteArray upper = text.trimmed().toUpper();
    const auto nameAfter = [&](qsizetype at) {
        qsizetype end = at;
        while (end < text.size() && text[end] != ' ' && text[end] != '(')
            ++end;
        return text.mid(at, end - at);
    };
    if (upper.startsWith("PREPARE ")) {
        if (isVersionInsert(upper))
            m_insertPrepared.insert(nameAfter(8));
        return Statement::Other;
    }
    if (upper.startsWith("EXECUTE "))
        return m_insertPrepared.contains(nameAfter(8)) ? Statement::Insert : Statement::Other;
    return textStatement(text);
}

void Link::fromClient()
{
    m_clientBuffer += m_client->readAll();
    for (;;) {
        const qsizetype length = messageLength();
        if (length < 0 || m_clientBuffer.size() < length || m_closed)
            return;
        const QByteArray message = m_clientBuffer.left(length);
        m_clientBuffer.remove(0, length);
        handle(message);
    }
}

void Link::handle(const QByteArray &message)
{
    if (m_then == Then::CutAtNext)
        return drop();
    if (m_then == Then::KillAtNext)
        return killSessionThenDrop();
    const Statement statement = classify(message);
    Point point = Point::None;
    Method method = Method::Drop;
    {
        QMutexLocker lock(&m_state->mutex);
        if (m_state->logging && message.size() > 5) {
            const QByteArray shown = message.mid(m_mysql ? 4 : 0, 90);
            m_state->log << QString::fromLatin1(shown.toPercentEncoding(" _.,;()*=?'<>-/"));
        }
        const bool matches =
            statement != Statement::Other && !m_state->fired &&
            ((m_state->point == Point::AfterBegin && statement == Statement::Begin) ||
             (m_state->point == Point::AfterInsert && statement == Statement::Insert) ||
             ((m_state->point == Point::DuringCommit || m_state->point == Point::AfterCommit) &&
              statement == Statement::Commit));
        if (matches && m_state->skip-- <= 0) {
            m_state->fired = true;
            point = m_state->point;
            method = m_state->method;
        }
    }
    toServer(message);
    switch (point) {
    case Point::None:
        break;
    case Point::AfterBegin:
    case Point::AfterInsert:
        m_then = method == Method::Drop ? Then::CutAtNext : Then::KillAtNext;
        break;
    case Point::DuringCommit:
        drop();
        break;
    case Point::AfterCommit:
        m_then = Then::SwallowAnswer;
        break;
    }
}

void Link::toServer(const QByteArray &data)
{
    if (m_server->state() == QAbstractSocket::ConnectedState)
        m_server->write(data);
    else
        m_pendingToServer += data;
}

void Link::fromServer()
{
    const QByteArray data = m_server->readAll();
    if (m_then == Then::SwallowAnswer) // the server committed: the client never hears it
        return drop();
    // MariaDB answers a prepare with COM_STMT_PREPARE_OK: 0x00, statement id.
    if (m_awaitingPrepareId && data.size() >= 9) {
        m_awaitingPrepareId = false;
        if (data[4] == 0)
            m_insertStatements.insert(littleEndian32(data, 5));
    }
    m_client->write(data);
}

} // namespace

// Lives in the proxy's thread.
class ProxyWorker final : public QObject
{
public:
    ProxyWorker(const ConnectionSpec &server, std::shared_ptr<ProxyState> state)
        : m_spec(server), m_state(std::move(state))
    {
    }

    quint16 listen()
    {
        m_listener = new QTcpServer(this);
        connect(m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_listener->nextPendingConnection())
                m_links << new Link(client, m_spec, m_state, this);
        });
        return m_listener->listen(QHostAddress::LocalHost) ? m_listener->serverPort() : 0;
    }

    int cutAll(Method method)
    {
        int cut = 0;
        for (const QPointer<QObject> &object : std::as_const(m_links)) {
            auto *link = static_cast<Link *>(object.data());
            if (!link || link->isClosed())
                continue;
            ++cut;
            if (method == Method::KillSession)
                link->killSessionThenDrop();
            else
                link->drop();
        }
        m_links.removeIf([](const QPointer<QObject> &l) {
            return !l || static_cast<Link *>(l.data())->isClosed();
        });
        return cut;
    }

    // The server "stops": nothing more is accepted (connection refused).
    void stopListening()
    {
        m_port = m_listener->serverPort();
        m_listener->close();
        cutAll(Method::Drop);
    }
    bool resumeListening() { return m_listener->listen(QHostAddress::LocalHost, m_port); }

    void shutdown()
    {
        cutAll(Method::Drop);
        QSqlDatabase::removeDatabase(QStringLiteral("proxy-kill"));
    }

private:
    ConnectionSpec m_spec;
    std::shared_ptr<ProxyState> m_state;
    QTcpServer *m_listener = nullptr;
    QList<QPointer<QObject>> m_links;
    quint16 m_port = 0;
};

CuttingProxy::CuttingProxy(const ConnectionSpec &server)
    : m_server(server), m_state(std::make_shared<ProxyState>())
{
    m_thread.setObjectName(QStringLiteral("cutting-proxy"));
    m_worker = new ProxyWorker(server, m_state);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker, [this] { m_port = m_worker->listen(); }, Qt::BlockingQueuedConnection);
}

CuttingProxy::~CuttingProxy()
{
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            m_worker->shutdown();
            delete m_worker;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

ConnectionSpec CuttingProxy::spec() const
{
    ConnectionSpec through = m_server;
    through.host = QStringLiteral("127.0.0.1");
    through.port = m_port;
    return through;
}

void CuttingProxy::arm(Point point, Method method, int skip)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->point = point;
    m_state->method = method;
    m_state->skip = skip;
    m_state->fired = false;
}

void CuttingProxy::disarm()
{
    arm(Point::None);
}

bool CuttingProxy::fired() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->fired;
}

void CuttingProxy::stopListening()
{
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->stopListening(); }, Qt::BlockingQueuedConnection);
}

bool CuttingProxy::resumeListening()
{
    bool ok = false;
    QMetaObject::invokeMethod(
        m_worker, [&] { ok = m_worker->resumeListening(); }, Qt::BlockingQueuedConnection);
    return ok;
}

int CuttingProxy::cutAll(Method method)
{
    int cut = 0;
    QMetaObject::invokeMethod(
        m_worker, [&] { cut = m_worker->cutAll(method); }, Qt::BlockingQueuedConnection);
    return cut;
}

void CuttingProxy::setLogging(bool on)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->logging = on;
    m_state->log.clear();
}

QStringList CuttingProxy::log() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->log;
}

QString CuttingProxy::pointName(Point point)
{
    switch (point) {
    case Point::None:
        return QStringLiteral("before the push");
    case Point::AfterBegin:
        return QStringLiteral("after BEGIN");
    case Point::AfterInsert:
        return QStringLiteral("after the insert");
    case Point::DuringCommit:
        return QStringLiteral("during COMMIT");
    case Point::AfterCommit:
        return QStringLiteral("after COMMIT, before the answer");
    }
    return {};
}

QString CuttingProxy::methodName(Method method)
{
    return method == Method::Drop ? QStringLiteral("link dropped")
                                  : QStringLiteral("session killed");
}

} // namespace retell::test
