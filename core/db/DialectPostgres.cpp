#include "db/ConnectionOptions.h"
#include "db/Database.h"
#include "db/Dialect.h"

#include <QSqlDriver>
#include <QSqlQuery>

namespace retell::core {

namespace {

// PostgreSQL (QPSQL): errors are SQLSTATE strings, ids come back through
// RETURNING, DDL is transactional, READ COMMITTED reads the latest rows
// after a row lock.
class PostgresDialect final : public SqlDialect
{
public:
    Dialect kind() const override { return Dialect::PostgreSQL; }
    QString driverName() const override { return QStringLiteral("QPSQL"); }
    QString driverPackage() const override { return QStringLiteral("libqt6sql6-psql"); }
    QString beginWrite() const override { return QStringLiteral("BEGIN"); }
    QString rowLock() const override { return QStringLiteral(" FOR UPDATE"); }
    Result<qint64> insertReturningId(QSqlDatabase &db, const QString &sql,
                                     const QVariantList &bind) const override;
    Result<void> lockTableForInserts(QSqlDatabase &db, const QString &table) const override;
    QString uuidAsText(const QString &column) const override
    {
        return QStringLiteral("CAST(%1 AS text)").arg(column);
    }
    SqlErrorClass classify(const QSqlError &error) const override;
    QString migrationsFolder() const override { return QStringLiteral("pgsql"); }
    QString timestampType() const override { return QStringLiteral("TIMESTAMP(0)"); }
    bool transactionalDdl() const override { return true; }
    Result<void> lockMigrations(QSqlDatabase &db) const override;
    void unlockMigrations(QSqlDatabase &db) const override;
    Result<QSqlDatabase> open(const ConnectionSpec &spec, const QString &name) const override;
};

// Key of the session-level advisory lock that keeps migrators apart.
constexpr const char *kMigrationLock = "7262781";

Result<qint64> PostgresDialect::insertReturningId(QSqlDatabase &db, const QString &sql,
                                                  const QVariantList &bind) const
{
    // lastInsertId() is the row's OID on QPSQL, and tables have none.
    auto q = Database::exec(db, sql + QStringLiteral(" RETURNING id"), bind);
    if (!q)
        return q.error();
    if (!q->next())
        return Error::database(QStringLiteral("The database returned no id for the new row."), sql);
    return q->value(0).toLongLong();
}

Result<void> PostgresDialect::lockTableForInserts(QSqlDatabase &db, const QString &table) const
{
    // Conflicts with itself and with every writer, not with readers. (LOCK
    // cannot be a prepared statement.)
    const QString sql = QStringLiteral("LOCK TABLE %1 IN SHARE ROW EXCLUSIVE MODE")
                            .arg(db.driver()->escapeIdentifier(table, QSqlDriver::TableName));
    QSqlQuery q(db);
    if (!q.exec(sql))
        return Database::errorFrom(db, q.lastError(), sql);
    return {};
}

SqlErrorClass PostgresDialect::classify(const QSqlError &error) const
{
    const QString state = error.nativeErrorCode();
    if (state == QLatin1String("40001") || state == QLatin1String("40P01") ||
        state == QLatin1String("55P03"))
        return SqlErrorClass::Transient; // serialization failure, deadlock, lock not available
    if (state == QLatin1String("23505"))
        return SqlErrorClass::UniqueViolation;
    if (state == QLatin1String("23503"))
        return SqlErrorClass::ForeignKey;
    if (state.startsWith(QLatin1String("08")) || state == QLatin1String("57P01") ||
        state == QLatin1String("57P02") || state == QLatin1String("57P03"))
        return SqlErrorClass::ConnectionLost;
    if (state.isEmpty()) {
        // libpq reports a dead link without a SQLSTATE.
        const QString text = error.databaseText() + QLatin1Char(' ') + error.driverText();
        for (const char *lost : {"server closed the connection", "no connection to the server",
                                 "terminating connection", "could not receive data",
                                 "could not send data", "connection to server"})
            if (text.contains(QLatin1String(lost), Qt::CaseInsensitive))
                return SqlErrorClass::ConnectionLost;
    }
    return SqlErrorClass::Other;
}

Result<void> PostgresDialect::lockMigrations(QSqlDatabase &db) const
{
    auto lock = Database::exec(
        db, QStringLiteral("SELECT pg_advisory_lock(%1)").arg(QLatin1String(kMigrationLock)));
    if (!lock && isServerLost(lock.error()))
        return lock.error(); // the server went away: not a competing migration
    if (!lock)
        return Error::database(
            QStringLiteral("Another process is migrating this database; try again in a minute."),
            lock.error().detail);
    return {};
}

void PostgresDialect::unlockMigrations(QSqlDatabase &db) const
{
    (void)Database::exec(
        db, QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(QLatin1String(kMigrationLock)));
}

Error openError(const ConnectionSpec &spec, const QSqlError &error)
{
    const QString where = QStringLiteral("%1:%2").arg(spec.host).arg(spec.port);
    const QString text = error.databaseText() + QLatin1Char(' ') + error.driverText();
    auto has = [&](const char *s) { return text.contains(QLatin1String(s), Qt::CaseInsensitive); };
    QString message;
    bool unreachable = false; // Error::code "db.unreachable": offline work may help
    if (has("password authentication failed") || has("no password supplied"))
        message = QStringLiteral(
                      "The database server at %1 refused user \"%2\": wrong user name or password.")
                      .arg(where, spec.user);
    else if (has("database \"") && has("does not exist"))
        message =
            QStringLiteral("The database \"%1\" does not exist on %2.").arg(spec.database, where);
    else if (has("permission denied for database"))
        message = QStringLiteral("User \"%1\" may not use database \"%2\" on %3.")
                      .arg(spec.user, spec.database, where);
    else if (has("server does not support SSL"))
        message = QStringLiteral("The database server at %1 does not offer TLS, which the "
                                 "connection's ssl options require; nothing was sent.")
                      .arg(where);
    else if (has("does not match host name") || has("server certificate for"))
        message = QStringLiteral("The database server's certificate does not name the host %1; "
                                 "the connection was refused (sslmode=verify-ca accepts any "
                                 "name the CA signed).")
                      .arg(spec.host);
    else if (has("certificate"))
        message = QStringLiteral("The database server at %1 presented a certificate the CA in "
                                 "sslrootcert does not vouch for; the connection was refused.")
                      .arg(where);
    else if (has("could not connect") || has("Connection refused") || has("timeout expired") ||
             has("could not translate host name")) {
        message = dialects::unreachableMessage(where);
        unreachable = true;
    } else
        message =
            QStringLiteral("Cannot open the database %1: %2").arg(where, error.text().trimmed());
    return dialects::openFailure(message, error, unreachable ? where : QString());
}

// Laravel's pgsql session: UTF-8, UTC; lock waits bounded like InnoDB's.
Result<void> configure(QSqlDatabase &db)
{
    QSqlQuery q(db);
    QStringList statements = {QStringLiteral("SET client_encoding TO 'UTF8'"),
                              QStringLiteral("SET TIME ZONE 'UTC'"),
                              QStringLiteral("SET lock_timeout = '20s'"),
                              QStringLiteral("SET client_min_messages TO warning")};
    if (isReadOnlyProcess())
        statements.prepend(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
    for (const QString &sql : std::as_const(statements))
        if (!q.exec(sql))
            return Database::errorFrom(db, q.lastError(), sql);
    return {};
}

Result<QSqlDatabase> PostgresDialect::open(const ConnectionSpec &spec, const QString &name) const
{
    auto added = addServerConnection(spec, name, QStringLiteral("PostgreSQL"));
    if (!added)
        return added.error();
    QSqlDatabase db = added.value();
    // libpq connection parameters; the values were validated (no ';', no
    // spaces at the ends), so none can add parameters of its own.
    QStringList options;
    options << QStringLiteral("connect_timeout=%1")
                   .arg(spec.options.value(QStringLiteral("connect_timeout"), QStringLiteral("5")));
    if (usesTls(spec)) {
        options << QStringLiteral("sslmode=%1")
                       .arg(spec.options.value(QStringLiteral("sslmode"),
                                               QStringLiteral("verify-full")));
        for (const char *key : {"sslrootcert", "sslcert", "sslkey"}) {
            const QString value = spec.options.value(QString::fromLatin1(key));
            if (!value.isEmpty())
                options << QStringLiteral("%1='%2'").arg(QString::fromLatin1(key), value);
        }
    } else {
        // No TLS asked for: never let the environment (PGSSLMODE) change that.
        options << QStringLiteral("sslmode=disable");
    }
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open())
        return openError(spec, db.lastError());
    // After the handshake: with TLS options the session must be encrypted.
    return finishServerOpen(
        db, spec, QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"), 0,
        configure);
}

} // namespace

const SqlDialect &dialects::postgres()
{
    static const PostgresDialect dialect;
    return dialect;
}

} // namespace retell::core
