#pragma once

#include "common/Result.h"
#include "db/ConnectionSpec.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <functional>
#include <initializer_list>

namespace retell::core {

// Error::code of a server that cannot be reached (refused, no route) and of a
// connection lost in the middle of the work: the desktop app goes offline.
inline constexpr char kServerUnreachable[] = "db.unreachable";
inline constexpr char kConnectionLost[] = "db.connection_lost";
inline bool isServerLost(const Error &error)
{
    return error.code == QLatin1String(kServerUnreachable) ||
           error.code == QLatin1String(kConnectionLost);
}

// Per-thread connections: each thread that touches a database gets its own
// QSqlDatabase, opened on first use. A thread closes them with
// closeThreadConnections() before it ends; what is left is removed when the
// thread's storage goes, which is too late once the application object is
// being destroyed (see closeThreadConnections).
class Database final
{
public:
    // The calling thread's open connection to spec (opened on first use).
    static Result<QSqlDatabase> connection(const ConnectionSpec &spec);
    // Closes and forgets the calling thread's connection (after a lost link).
    static void dropConnection(const ConnectionSpec &spec);
    // Finalizes the calling thread's cached statements, closes its
    // connections and removes them from Qt's connection registry, on this
    // thread. Long-lived threads call it as their last job: QThread::wait()
    // returns before the thread's thread_local storage is destroyed, so
    // leaving it to that destructor races with the registry's own teardown
    // in ~QCoreApplication (a double free of the SQLite statements).
    static void closeThreadConnections();

    // A connection that reported a lost link: the next connection() call on
    // this thread opens a new one.
    static void forgetConnection(const QSqlDatabase &db);

    // Runs a read once more when it failed transiently (a lost connection is
    // replaced, a busy database waited for); writes use writeTransaction.
    template <typename F> static auto retryOnce(F &&read) -> decltype(read())
    {
        auto result = read();
        if (!result && result.error().transient && result.error().kind == ErrorKind::Database)
            result = read();
        return result;
    }
    // Ends the read snapshots of the calling thread's finished queries, so an
    // idle connection neither sees stale data nor holds back WAL checkpoints.
    // Long-lived worker threads call it after each job.
    static void releaseStatements();
    static void finishStatements(const QSqlDatabase &db);

    // Runs body inside a write transaction (SqlDialect::beginWrite) and
    // commits; rolls back on error. Transient failures (deadlock, lock wait
    // timeout, busy, lost connection before commit) restart the whole body up
    // to maxAttempts times.
    static Result<void> writeTransaction(const ConnectionSpec &spec,
                                         const std::function<Result<void>(QSqlDatabase &)> &body,
                                         int maxAttempts = 8);

    // Prepares (once per thread and connection, then reused), binds
    // positionally, executes; errors carry the statement. The returned query
    // stays valid until the next exec() on the same connection: read what
    // you need from it before running another statement.
    static Result<QSqlQuery> exec(QSqlDatabase &db, const QString &sql,
                                  const QVariantList &bind = {}, bool forwardOnly = true);

    // An error of a statement on db, classified by db's dialect.
    static Error errorFrom(const QSqlDatabase &db, const QSqlError &error, const QString &context);
};

// UTC timestamps in Laravel's 'Y-m-d H:i:s' text form, every dialect.
QString toSqlTimestamp(const QDateTime &utc);
QDateTime fromSqlTimestamp(const QVariant &value);

} // namespace retell::core
