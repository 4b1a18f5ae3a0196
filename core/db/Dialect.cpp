#include "db/Dialect.h"

#include "db/ConnectionOptions.h"
#include "db/Database.h"

#include <QSqlDriver>
#include <QSqlQuery>

namespace retell::core {

Result<const SqlDialect *> SqlDialect::forDriver(const QString &driverName)
{
    for (const SqlDialect *d : {&dialects::sqlite(), &dialects::mysql(), &dialects::postgres()})
        if (d->driverName() == driverName)
            return d;
    if (driverName == QLatin1String("QMARIADB"))
        return &dialects::mysql();
    return Error::database(
        QStringLiteral("The database driver \"%1\" is not supported; Retell Agent Admin works with "
                       "SQLite (QSQLITE), MariaDB/MySQL (QMYSQL) and PostgreSQL (QPSQL).")
            .arg(driverName));
}

const SqlDialect &SqlDialect::forKind(Dialect kind)
{
    switch (kind) {
    case Dialect::MySQL:
        return dialects::mysql();
    case Dialect::PostgreSQL:
        return dialects::postgres();
    case Dialect::SQLite:
        break;
    }
    return dialects::sqlite();
}

const SqlDialect &SqlDialect::of(const QSqlDatabase &db)
{
    auto d = forDriver(db.driverName());
    // Database::connection refuses every other driver before a service sees it.
    Q_ASSERT(d.ok());
    return d ? *d.value() : dialects::sqlite();
}

Result<qint64> SqlDialect::insertReturningId(QSqlDatabase &db, const QString &sql,
                                             const QVariantList &bind) const
{
    auto q = Database::exec(db, sql, bind);
    if (!q)
        return q.error();
    return q->lastInsertId().toLongLong();
}

Result<void> SqlDialect::lockTableForInserts(QSqlDatabase &, const QString &) const
{
    // SQLite's BEGIN IMMEDIATE serialises all writers; InnoDB's locking read
    // of the whole (even empty) index range takes the gap lock.
    return {};
}

QString SqlDialect::migrationsDirectory() const
{
    return QStringLiteral(":/migrations/") + migrationsFolder();
}

Result<void> SqlDialect::lockMigrations(QSqlDatabase &) const
{
    return {};
}

void SqlDialect::unlockMigrations(QSqlDatabase &) const {}

void SqlDialect::dropTables(QSqlDatabase &db, const QStringList &tables) const
{
    QSqlQuery q(db);
    for (const QString &t : tables)
        q.exec(QStringLiteral("DROP TABLE IF EXISTS ") +
               db.driver()->escapeIdentifier(t, QSqlDriver::TableName));
}

Result<QSqlDatabase> SqlDialect::addServerConnection(const ConnectionSpec &spec,
                                                     const QString &name,
                                                     const QString &product) const
{
    if (auto valid = validateConnectionOptions(spec); !valid)
        return valid.error();
    if (auto files = checkOptionFiles(spec); !files)
        return files.error();
    if (!QSqlDatabase::isDriverAvailable(driverName()))
        return Error::database(QStringLiteral("The Qt %1 driver is not installed (package %2).")
                                   .arg(product, driverPackage()));
    QSqlDatabase db = QSqlDatabase::addDatabase(driverName(), name);
    db.setHostName(spec.host);
    db.setPort(spec.port);
    db.setDatabaseName(spec.database);
    db.setUserName(spec.user);
    db.setPassword(spec.password);
    return db;
}

Result<QSqlDatabase> SqlDialect::finishServerOpen(QSqlDatabase db, const ConnectionSpec &spec,
                                                  const QString &sslQuery, int column,
                                                  Result<void> (*configure)(QSqlDatabase &))
{
    if (usesTls(spec)) {
        QSqlQuery q(db);
        if (!q.exec(sslQuery)) {
            Error e = Database::errorFrom(db, q.lastError(), sslQuery);
            db.close();
            return e;
        }
        const QVariant v = q.next() ? q.value(column) : QVariant();
        const bool encrypted = v.typeId() == QMetaType::Bool ? v.toBool() : !v.toString().isEmpty();
        if (!encrypted) {
            q.finish();
            db.close();
            return Error::database(
                QStringLiteral(
                    "The session with the database server at %1:%2 is not encrypted although the "
                    "connection's TLS options require it; it was closed.")
                    .arg(spec.host)
                    .arg(spec.port));
        }
    }
    if (auto r = configure(db); !r)
        return r.error();
    return db;
}

Error dialects::openFailure(const QString &message, const QSqlError &error,
                            const QString &unreachableAt)
{
    Error e = Error::database(message,
                              QStringLiteral("[%1] %2").arg(error.nativeErrorCode(), error.text()));
    if (!unreachableAt.isEmpty())
        e = e.withCode("db.unreachable", {unreachableAt});
    return e;
}

QString dialects::unreachableMessage(const QString &where)
{
    return QStringLiteral("Cannot reach the database server at %1; check host, port and network.")
        .arg(where);
}

int dialects::nativeCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code : 0;
}

} // namespace retell::core
