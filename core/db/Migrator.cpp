#include "db/Migrator.h"

#include "db/ConnectionOptions.h"
#include "db/Database.h"
#include "db/Dialect.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>

namespace retell::core {

namespace {

struct MigrationFile
{
    int version = 0;
    QString name;
    QString path;
    bool contract = false;
};

const QString kTrackingTable = QStringLiteral("retell_admin_migrations");

QList<MigrationFile> listMigrations(const QString &directory)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([A-Za-z0-9_]+)\\.sql$"));
    QList<MigrationFile> files;
    const QDir dir(directory);
    for (const QString &entry : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto m = pattern.match(entry);
        if (!m.hasMatch())
            continue;
        MigrationFile f;
        f.version = m.captured(1).toInt();
        f.name = entry.chopped(4);
        f.path = dir.filePath(entry);
        QFile file(f.path);
        if (file.open(QIODevice::ReadOnly))
            f.contract = file.readLine().trimmed() == "-- contract";
        files << f;
    }
    return files;
}

// Splits a migration file into statements: ';' at the end of a line ends one.
QStringList splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    for (const QString &line : sql.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            current = current.trimmed();
            current.chop(1);
            statements << current;
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

Result<void> ensureTrackingTable(QSqlDatabase &db)
{
    const QString sql = QStringLiteral("CREATE TABLE IF NOT EXISTS retell_admin_migrations ("
                                       " version INT NOT NULL PRIMARY KEY,"
                                       " name VARCHAR(255) NOT NULL,"
                                       " status VARCHAR(16) NOT NULL,"
                                       " applied_at %1 NULL)")
                            .arg(SqlDialect::of(db).timestampType());
    QSqlQuery q(db);
    if (!q.exec(sql))
        return Database::errorFrom(db, q.lastError(), sql);
    return {};
}

Result<QSet<int>> appliedVersions(QSqlDatabase &db)
{
    auto q = Database::exec(db, QStringLiteral("SELECT version FROM retell_admin_migrations"));
    if (!q)
        return q.error();
    QSet<int> versions;
    while (q->next())
        versions.insert(q->value(0).toInt());
    return versions;
}

Result<bool> isWebAppSchema(QSqlDatabase &db)
{
    if (!db.tables().contains(QStringLiteral("migrations")))
        return false;
    auto q =
        Database::exec(db, QStringLiteral("SELECT COUNT(*) FROM migrations WHERE migration = ?"),
                       {QString::fromLatin1(Migrator::kWebAppMigration)});
    if (!q)
        return q.error();
    return q->next() && q->value(0).toInt() > 0;
}

Result<void> record(QSqlDatabase &db, const MigrationFile &f, const QString &status)
{
    auto q = Database::exec(
        db,
        QStringLiteral("INSERT INTO retell_admin_migrations (version, name, status, applied_at) "
                       "VALUES (?, ?, ?, ?)"),
        {f.version, f.name, status, toSqlTimestamp(QDateTime::currentDateTimeUtc())});
    if (!q)
        return q.error();
    return {};
}

Error tooNew(int found, int known)
{
    return Error::database(QStringLiteral("The database schema (version %1) is newer than this "
                                          "build of Retell Agent Admin knows (version %2); "
                                          "update the app before using this database.")
                               .arg(found)
                               .arg(known));
}

Result<void> runStatements(QSqlDatabase &db, const MigrationFile &f)
{
    QFile file(f.path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("Cannot read migration %1.").arg(f.path));
    const QString sql = QString::fromUtf8(file.readAll());
    for (const QString &statement : splitStatements(sql)) {
        QSqlQuery q(db);
        if (!q.exec(statement)) {
            Error e = Database::errorFrom(db, q.lastError(), statement);
            e.transient = false;
            return e;
        }
    }
    return {};
}

// Where DDL is transactional, the whole migration and its record commit
// together or not at all.
Result<void> applyInTransaction(QSqlDatabase &db, const MigrationFile &f, const QString &status,
                                bool *alreadyApplied)
{
    const QString begin = SqlDialect::of(db).beginWrite();
    QSqlQuery q(db);
    if (!q.exec(begin))
        return Database::errorFrom(db, q.lastError(), begin);
    auto rollback = [&] {
        QSqlQuery r(db);
        r.exec(QStringLiteral("ROLLBACK"));
    };
    // Another process may have applied it while we waited for the lock.
    auto again = Database::exec(
        db, QStringLiteral("SELECT 1 FROM retell_admin_migrations WHERE version = ?"), {f.version});
    if (!again) {
        rollback();
        return again.error();
    }
    if (again->next()) {
        rollback();
        *alreadyApplied = true;
        return {};
    }
    if (status == QLatin1String("applied")) {
        if (auto r = runStatements(db, f); !r) {
            rollback();
            return r;
        }
    }
    if (auto r = record(db, f, status); !r) {
        rollback();
        return r;
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        Error e = Database::errorFrom(db, q.lastError(), QStringLiteral("COMMIT"));
        rollback();
        return e;
    }
    return {};
}

// Where DDL commits implicitly (MySQL), a failed migration is undone by
// dropping the tables it created; tables that existed before are never touched.
Result<void> applyAndUndo(QSqlDatabase &db, const MigrationFile &f, const QString &status)
{
    if (status == QLatin1String("applied")) {
        const QStringList before = db.tables();
        if (auto r = runStatements(db, f); !r) {
            QStringList created;
            for (const QString &t : db.tables())
                if (!before.contains(t))
                    created << t;
            SqlDialect::of(db).dropTables(db, created);
            return r;
        }
    }
    return record(db, f, status);
}

} // namespace

QString Migrator::migrationsDirectory(Dialect dialect)
{
    return SqlDialect::forKind(dialect).migrationsDirectory();
}

int Migrator::latestKnownVersion(Dialect dialect)
{
    const auto files = listMigrations(migrationsDirectory(dialect));
    return files.isEmpty() ? 0 : files.last().version;
}

Result<MigrationReport> Migrator::migrate(const ConnectionSpec &spec)
{
    return migrate(spec, migrationsDirectory(spec.dialect));
}

Result<MigrationReport> Migrator::migrate(const ConnectionSpec &spec, const QString &directory)
{
    auto conn = [&] {
        const SqliteCreateScope creating; // the one place a database file may be created
        return Database::connection(spec);
    }();
    if (!conn)
        return conn.error();
    QSqlDatabase &db = conn.value();
    const SqlDialect &dialect = SqlDialect::of(db);
    const QList<MigrationFile> files = listMigrations(directory);
    if (files.isEmpty())
        return Error::io(QStringLiteral("No migration files found in %1.").arg(directory));

    if (auto lock = dialect.lockMigrations(db); !lock)
        return lock.error();
    auto release = qScopeGuard([&] { dialect.unlockMigrations(db); });

    if (auto r = ensureTrackingTable(db); !r)
        return r.error();
    auto applied = appliedVersions(db);
    if (!applied)
        return applied.error();
    MigrationReport report;
    const int known = files.last().version;
    for (int v : std::as_const(*applied))
        report.schemaVersion = std::max(report.schemaVersion, v);
    if (report.schemaVersion > known)
        return tooNew(report.schemaVersion, known);
    auto web = isWebAppSchema(db);
    if (!web)
        return web.error();
    report.webAppSchema = *web;

    for (const MigrationFile &f : files) {
        if (applied->contains(f.version))
            continue;
        const bool skip = f.contract && report.webAppSchema;
        const QString status = skip ? QStringLiteral("skipped") : QStringLiteral("applied");
        bool already = false;
        Result<void> r = dialect.transactionalDdl() ? applyInTransaction(db, f, status, &already)
                                                    : applyAndUndo(db, f, status);
        if (!r) {
            Error e = r.error();
            e.message = QStringLiteral("Migration %1 failed and was rolled back: %2")
                            .arg(f.name, e.message);
            return e;
        }
        if (already)
            continue;
        (skip ? report.skipped : report.applied) << f.name;
        report.schemaVersion = std::max(report.schemaVersion, f.version);
    }
    return report;
}

Result<int> Migrator::check(const ConnectionSpec &spec)
{
    auto conn = Database::connection(spec);
    if (!conn)
        return conn.error();
    if (!conn->tables().contains(kTrackingTable))
        return Error::database(QStringLiteral("The database has not been set up for Retell Agent "
                                              "Admin; run \"retell-admin-cli migrate\" first."));
    auto applied = appliedVersions(conn.value());
    if (!applied)
        return applied.error();
    int version = 0;
    for (int v : std::as_const(*applied))
        version = std::max(version, v);
    const int known = latestKnownVersion(spec.dialect);
    if (version > known)
        return tooNew(version, known);
    if (version < known)
        return Error::database(QStringLiteral("The database schema is at version %1 and needs "
                                              "migration to %2; run \"retell-admin-cli migrate\".")
                                   .arg(version)
                                   .arg(known));
    return version;
}

} // namespace retell::core
