#pragma once

// A loopback TCP proxy in front of the MariaDB or PostgreSQL test server
// that cuts the link at a chosen step of a write transaction (issue 12,
// "cut at every step"). It runs in its own thread and reads the client's
// statements from the wire (both protocols carry their text in clear without
// TLS): MariaDB's COM_QUERY / COM_STMT_PREPARE / COM_STMT_EXECUTE packets,
// PostgreSQL's simple queries (Qt's QPSQL prepares with PREPARE ... AS and
// runs EXECUTE name (...)). Nothing in the product knows about it.
#include "db/ConnectionSpec.h"

#include <QString>
#include <QStringList>
#include <QThread>

#include <memory>

namespace retell::test {

struct ProxyState;
class ProxyWorker;

class CuttingProxy final
{
public:
    enum class Point
    {
        None,
        AfterBegin,   // the transaction started: cut before the next statement
        AfterInsert,  // the version row inserted: cut before the next statement
        DuringCommit, // COMMIT sent to the server, the link dropped at once
        AfterCommit,  // COMMIT answered by the server, the answer never relayed
    };
    enum class Method
    {
        Drop,        // both sides of the link closed by the proxy
        KillSession, // the server session killed from another connection
                     // (KILL CONNECTION / pg_terminate_backend)
    };

    // `server`: the direct spec of a test database (also used for the kills).
    explicit CuttingProxy(const core::ConnectionSpec &server);
    ~CuttingProxy();
    Q_DISABLE_COPY_MOVE(CuttingProxy)

    bool isListening() const { return m_port != 0; }
    // The same database, reached through the proxy.
    core::ConnectionSpec spec() const;

    // Cuts once, at `point` of the (skip + 1)-th statement that reaches it.
    // DuringCommit and AfterCommit always drop (a kill would not be "during").
    void arm(Point point, Method method = Method::Drop, int skip = 0);
    void disarm();
    bool fired() const;
    // Cuts every open link now, the way a connection dies between two
    // pushes; returns how many there were.
    int cutAll(Method method = Method::Drop);
    // The server as if stopped: every link cut, new connections refused,
    // until resumeListening() listens on the same port again.
    void stopListening();
    bool resumeListening();

    // The statements the clients sent, abbreviated, while logging is on.
    void setLogging(bool on);
    QStringList log() const;

    static QString pointName(Point point);
    static QString methodName(Method method);

private:
    core::ConnectionSpec m_server;
    std::shared_ptr<ProxyState> m_state;
    QThread m_thread;
    ProxyWorker *m_worker = nullptr;
    quint16 m_port = 0;
};

} // namespace retell::test
