#include "db/ConnectionOptions.h"
#include "db/Database.h"
#include "db/Dialect.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUrl>

namespace retell::core {

namespace {

// An embedded file: BEGIN IMMEDIATE serialises all writers, so no row locks.
class SqliteDialect final : public SqlDialect
{
public:
    Dialect kind() const override { return Dialect::SQLite; }
    QString driverName() const override { return QStringLiteral("QSQLITE"); }
    QString driverPackage() const override { return QStringLiteral("libqt6sql6-sqlite"); }
    QString beginWrite() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    QString rowLock() const override { return {}; }
    SqlErrorClass classify(const QSqlError &error) const override;
    QString migrationsFolder() const override { return QStringLiteral("sqlite"); }
    QString timestampType() const override { return QStringLiteral("DATETIME"); }
    bool transactionalDdl() const override { return true; }
    Result<QSqlDatabase> open(const ConnectionSpec &spec, const QString &name) const override;
};

SqlErrorClass SqliteDialect::classify(const QSqlError &error) const
{
    const int code = dialects::nativeCode(error);
    switch (code) {
    case 2067: // SQLITE_CONSTRAINT_UNIQUE
    case 1555: // SQLITE_CONSTRAINT_PRIMARYKEY
        return SqlErrorClass::UniqueViolation;
    case 787: // SQLITE_CONSTRAINT_FOREIGNKEY
        return SqlErrorClass::ForeignKey;
    default:
        break;
    }
    // SQLITE_BUSY, SQLITE_LOCKED and their extended codes (BUSY_SNAPSHOT 517 ...).
    if (code > 0 && ((code & 0xff) == 5 || (code & 0xff) == 6))
        return SqlErrorClass::Transient;
    return SqlErrorClass::Other;
}

Result<void> configure(QSqlDatabase &db, const ConnectionSpec &spec, bool readOnly)
{
    // journal_mode is the first statement that reads the file header, so a
    // file that is not a database fails here with a clear message. A
    // read-only connection only reads it (setting WAL would write).
    QSqlQuery q(db);
    if (!q.exec(readOnly ? QStringLiteral("PRAGMA journal_mode")
                         : QStringLiteral("PRAGMA journal_mode=WAL"))) {
        const int code = dialects::nativeCode(q.lastError());
        if (code == 26 || q.lastError().text().contains(QLatin1String("not a database")))
            return Error::database(
                QStringLiteral("The file %1 is not a Retell Agent Admin database (not SQLite).")
                    .arg(spec.path),
                q.lastError().text());
        return Database::errorFrom(db, q.lastError(),
                                   QStringLiteral("switching %1 to WAL mode").arg(spec.path));
    }
    // temp_store: a sort of big rows (the fleet's 1,000 prompts) stays in
    // memory instead of spilling to a temporary file created and deleted for
    // each query; cache_size: 16 MiB of pages (the default is 2 MiB), so
    // those prompts are read from the cache on the next fill.
    for (const char *pragma :
         {"PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=15000",
          "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-16384"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return Database::errorFrom(db, q.lastError(), QString::fromLatin1(pragma));
    }
    return {};
}

Result<QSqlDatabase> SqliteDialect::open(const ConnectionSpec &spec, const QString &name) const
{
    if (!QSqlDatabase::isDriverAvailable(driverName()))
        return Error::database(QStringLiteral("The Qt SQLite driver is not installed (package %1).")
                                   .arg(driverPackage()));
    bool readOnly = isReadOnlyProcess();
    bool immutable = false;
    if (spec.path != QLatin1String(":memory:")) {
        const QFileInfo info(spec.path);
        if (info.isDir())
            return Error::database(
                QStringLiteral("%1 is a folder, not a database file.").arg(spec.path));
        if (!info.exists()) {
            if (!SqliteCreateScope::active())
                return Error{
                    ErrorKind::NotFound,
                    QStringLiteral("The database file %1 does not exist; check the path, or run "
                                   "\"retell-admin-cli migrate\" to create a new database there.")
                        .arg(spec.path),
                    {}};
            if (!QDir().mkpath(info.absolutePath()))
                return Error::io(
                    QStringLiteral("Cannot create the folder %1 for the local database.")
                        .arg(info.absolutePath()));
        } else {
            // A file (or folder) this user may not write is still read.
            const bool folderWritable = QFileInfo(info.absolutePath()).isWritable();
            readOnly = readOnly || !info.isWritable() || !folderWritable;
            // In a folder nobody may write, SQLite cannot create the WAL
            // index a WAL-mode file needs even for reading; without a WAL
            // file nobody can have written since, so the file is read as
            // immutable.
            immutable = !folderWritable && !QFileInfo::exists(spec.path + QStringLiteral("-wal"));
        }
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(driverName(), name);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000");
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    if (immutable) {
        options += QStringLiteral(";QSQLITE_OPEN_URI");
        db.setDatabaseName(QStringLiteral("file:%1?immutable=1")
                               .arg(QString::fromLatin1(QUrl::toPercentEncoding(spec.path, "/"))));
    } else {
        db.setDatabaseName(spec.path);
    }
    db.setConnectOptions(options);
    if (!db.open())
        return Error::database(
            QStringLiteral("Cannot open the database %1: %2")
                .arg(spec.path, db.lastError().text().trimmed()),
            QStringLiteral("[%1] %2").arg(db.lastError().nativeErrorCode(), db.lastError().text()));
    if (auto r = configure(db, spec, readOnly); !r)
        return r.error();
    return db;
}

} // namespace

const SqlDialect &dialects::sqlite()
{
    static const SqliteDialect dialect;
    return dialect;
}

} // namespace retell::core
