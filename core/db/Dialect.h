#pragma once

#include "common/Result.h"
#include "db/ConnectionSpec.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QStringList>
#include <QVariantList>

namespace retell::core {

// What an SQL error means to the caller, whatever codes the backend uses.
enum class SqlErrorClass
{
    Other,
    Transient,       // deadlock, serialization failure, lock wait, busy: retry the transaction
    UniqueViolation, // a concurrent writer took the key first (also worth a retry)
    ForeignKey,      // the referenced row is gone
    ConnectionLost,  // the link died: reopen, and never guess whether a COMMIT arrived
};

// Everything that differs between the SQL backends, one implementation per
// backend, chosen once from the connection's Qt driver. Services and the
// migration runner ask the dialect what to do; none of them asks which
// database it runs on. Boolean columns are written with the literals TRUE and
// FALSE and bound as bool: all three backends accept both.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    // The dialect of a Qt SQL driver; any other driver is refused.
    static Result<const SqlDialect *> forDriver(const QString &driverName);
    static const SqlDialect &forKind(Dialect kind);
    // The dialect of a connection Database opened (its driver is known).
    static const SqlDialect &of(const QSqlDatabase &db);

    virtual Dialect kind() const = 0;
    virtual QString driverName() const = 0;
    virtual QString driverPackage() const = 0; // the Debian package with the Qt driver

    // Starts a transaction that will write: on SQLite it takes the write lock
    // at once, so writers queue on the busy timeout instead of failing later.
    virtual QString beginWrite() const = 0;
    // Appended to a SELECT of plain rows (no aggregate) inside a write
    // transaction: locks them to commit and reads the latest committed data.
    // Empty where beginWrite() already serialises all writers.
    virtual QString rowLock() const = 0;
    // Runs an INSERT into a table whose key is the auto-generated `id`, and
    // returns the new id.
    virtual Result<qint64> insertReturningId(QSqlDatabase &db, const QString &sql,
                                             const QVariantList &bind) const;

    // Inside a write transaction: makes concurrent inserters into table wait
    // for this transaction, also while the table is still empty (nothing to
    // lock row by row).
    virtual Result<void> lockTableForInserts(QSqlDatabase &db, const QString &table) const;

    // A uuid column as text, to compare it with a text column (PostgreSQL
    // has a real uuid type; the others store UUIDs as CHAR(36)).
    virtual QString uuidAsText(const QString &column) const { return column; }

    virtual SqlErrorClass classify(const QSqlError &error) const = 0;

    // The migration runner's dialect-specific parts.
    QString migrationsDirectory() const; // :/migrations/<folder>
    virtual QString migrationsFolder() const = 0;
    virtual QString timestampType() const = 0; // for the tracking table
    virtual bool transactionalDdl() const = 0; // a failed migration rolls back with its transaction
    // Keeps concurrent migrators apart (a session lock where the backend has one).
    virtual Result<void> lockMigrations(QSqlDatabase &db) const;
    virtual void unlockMigrations(QSqlDatabase &db) const;
    // Undoes a failed migration on a backend without transactional DDL.
    virtual void dropTables(QSqlDatabase &db, const QStringList &tables) const;

    // Opens a connection named name to spec, with the session set up.
    virtual Result<QSqlDatabase> open(const ConnectionSpec &spec, const QString &name) const = 0;

protected:
    // For a database server: checks the URL options and the files they name,
    // then adds (does not open) the connection with host, port, database,
    // user and password set. product names the backend in the error.
    Result<QSqlDatabase> addServerConnection(const ConnectionSpec &spec, const QString &name,
                                             const QString &product) const;
    // The last steps of opening a server connection: when spec asks for
    // TLS, sslQuery's first row must have a true or non-empty value at
    // column, or the session is refused; then configure sets the session up.
    static Result<QSqlDatabase> finishServerOpen(QSqlDatabase db, const ConnectionSpec &spec,
                                                 const QString &sslQuery, int column,
                                                 Result<void> (*configure)(QSqlDatabase &));
};

// Shorthands for the services.
inline QString rowLock(const QSqlDatabase &db)
{
    return SqlDialect::of(db).rowLock();
}
inline Result<qint64> insertReturningId(QSqlDatabase &db, const QString &sql,
                                        const QVariantList &bind = {})
{
    return SqlDialect::of(db).insertReturningId(db, sql, bind);
}

namespace dialects {
// The native error code as a number (MySQL, SQLite); 0 when it is not one.
int nativeCode(const QSqlError &error);
// A server connection that did not open: the sentence for the user, the
// driver's text as detail, Error::code "db.unreachable" with the server's
// address when it could not be reached at unreachableAt (offline work may help).
Error openFailure(const QString &message, const QSqlError &error, const QString &unreachableAt);
QString unreachableMessage(const QString &where);
const SqlDialect &sqlite();
const SqlDialect &mysql();
const SqlDialect &postgres();
} // namespace dialects

} // namespace retell::core
