#include "db/Database.h"

#include "db/ConnectionOptions.h"
#include "db/NativeConnect.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <thread>

namespace retell::core {

namespace {

// Connections opened by this thread, removed when the thread ends.
struct ThreadConnections
{
    QHash<QString, QString> names; // spec key -> connection name
    // Prepared statements per connection, reused: preparing costs a parse on
    // SQLite and a round trip on MySQL every time.
    QHash<QString, QHash<QString, QSqlQuery>> statements;
    // Connections found dead: closed and forgotten, removed when the thread
    // ends (callers may still hold a handle to them until then).
    QStringList stale;
    ~ThreadConnections()
    {
        statements.clear();
        for (const QString &name : std::as_const(stale))
            QSqlDatabase::removeDatabase(name);
        for (const QString &name : std::as_const(names)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
};

thread_local ThreadConnections t_connections;
std::atomic<int> g_connectionCounter{0};

bool isMySql(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QMYSQL") ||
           db.driverName() == QLatin1String("QMARIADB");
}

int nativeCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code : 0;
}

Error openError(const ConnectionSpec &spec, const QSqlError &error)
{
    const int code = nativeCode(error);
    const QString where = spec.dialect == Dialect::SQLite
                              ? spec.path
                              : QStringLiteral("%1:%2").arg(spec.host).arg(spec.port);
    QString message;
    switch (code) {
    case 1045:
        message = QStringLiteral(
                      "The database server at %1 refused user \"%2\": wrong user name or password.")
                      .arg(where, spec.user);
        break;
    case 1044:
        message = QStringLiteral("User \"%1\" may not use database \"%2\" on %3.")
                      .arg(spec.user, spec.database, where);
        break;
    case 1049:
        message =
            QStringLiteral("The database \"%1\" does not exist on %2.").arg(spec.database, where);
        break;
    case 2002:
    case 2003:
    case 2005:
        message =
            QStringLiteral("Cannot reach the database server at %1; check host, port and network.")
                .arg(where);
        break;
    case 2026: {
        const QString text = error.driverText() + QLatin1Char(' ') + error.databaseText();
        if (text.contains(QLatin1String("server does not support")))
            message = QStringLiteral("The database server at %1 does not offer TLS, which the "
                                     "connection's ssl_ options require; "
                                     "nothing was sent.")
                          .arg(where);
        else if (text.contains(QLatin1String("Validation of SSL server certificate")))
            message = QStringLiteral("The database server's certificate does not name the host %1; "
                                     "the connection was refused "
                                     "(ssl_verify_host=false accepts any name the CA signed).")
                          .arg(spec.host);
        else if (text.contains(QLatin1String("certificate")) ||
                 text.contains(QLatin1String("issuer")))
            message = QStringLiteral("The database server at %1 presented a certificate the CA in "
                                     "ssl_ca does not vouch for; "
                                     "the connection was refused.")
                          .arg(where);
        else
            message =
                QStringLiteral("The TLS connection to %1 failed; check the certificate options.")
                    .arg(where);
        break;
    }
    case 2059:
    case 2061:
    case 5010:
        message = QStringLiteral("The database server at %1 asked for an authentication method "
                                 "that would send the password "
                                 "readable; the connection was refused.")
                      .arg(where);
        break;
    default:
        message =
            QStringLiteral("Cannot open the database %1: %2").arg(where, error.text().trimmed());
    }
    return Error::database(message,
                           QStringLiteral("[%1] %2").arg(error.nativeErrorCode(), error.text()));
}

Result<void> configureSqlite(QSqlDatabase &db, const ConnectionSpec &spec, bool readOnly)
{
    // journal_mode is the first statement that reads the file header, so a
    // file that is not a database fails here with a clear message. A
    // read-only connection only reads it (setting WAL would write).
    QSqlQuery q(db);
    if (!q.exec(readOnly ? QStringLiteral("PRAGMA journal_mode")
                         : QStringLiteral("PRAGMA journal_mode=WAL"))) {
        const int code = nativeCode(q.lastError());
        if (code == 26 || q.lastError().text().contains(QLatin1String("not a database")))
            return Error::database(
                QStringLiteral("The file %1 is not a Retell Agent Admin database (not SQLite).")
                    .arg(spec.path),
                q.lastError().text());
        return Database::errorFrom(q.lastError(),
                                   QStringLiteral("switching %1 to WAL mode").arg(spec.path));
    }
    for (const char *pragma :
         {"PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=15000"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return Database::errorFrom(q.lastError(), QString::fromLatin1(pragma));
    }
    return {};
}

Result<void> configureMySql(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (isReadOnlyProcess() && !q.exec(QStringLiteral("SET SESSION TRANSACTION READ ONLY")))
        return Database::errorFrom(q.lastError(),
                                   QStringLiteral("SET SESSION TRANSACTION READ ONLY"));
    const char *statements[] = {
        "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci",
        "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
        "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'",
        "SET time_zone = '+00:00'",
        "SET SESSION innodb_lock_wait_timeout = 20",
    };
    for (const char *sql : statements) {
        if (!q.exec(QString::fromLatin1(sql)))
            return Database::errorFrom(q.lastError(), QString::fromLatin1(sql));
    }
    return {};
}

// Files named by ssl_ options exist before anything is sent: a typo is told
// as such, not as a TLS failure.
Result<void> checkTlsFiles(const ConnectionSpec &spec)
{
    for (const char *key : {"ssl_ca", "ssl_capath", "ssl_cert", "ssl_key"}) {
        const QString path = spec.options.value(QString::fromLatin1(key));
        if (path.isEmpty())
            continue;
        const QFileInfo info(path);
        const bool folder = qstrcmp(key, "ssl_capath") == 0;
        if (!info.exists() || !info.isReadable() || info.isDir() != folder)
            return Error::usage(QStringLiteral("The %1 %2 given as %3 cannot be read.")
                                    .arg(folder ? QStringLiteral("folder") : QStringLiteral("file"),
                                         path, QString::fromLatin1(key)));
    }
    return {};
}

// Belt and braces after the handshake: with TLS options the session must be
// encrypted (the handshake already refused otherwise when the host name is
// verified; with ssl_verify_host=false this check is what refuses).
Result<void> checkTlsSession(QSqlDatabase &db, const ConnectionSpec &spec)
{
    if (!usesTls(spec))
        return {};
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_cipher'")))
        return Database::errorFrom(q.lastError(),
                                   QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_cipher'"));
    if (!q.next() || q.value(1).toString().isEmpty())
        return Error::database(
            QStringLiteral(
                "The session with the database server at %1:%2 is not encrypted although the "
                "connection's ssl_ options require TLS; it was closed.")
                .arg(spec.host)
                .arg(spec.port));
    return {};
}

Result<QSqlDatabase> open(const ConnectionSpec &spec, const QString &name)
{
    if (spec.dialect == Dialect::SQLite) {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
            return Error::database(QStringLiteral(
                "The Qt SQLite driver is not installed (package libqt6sql6-sqlite)."));
        bool readOnly = isReadOnlyProcess();
        bool immutable = false;
        if (spec.path != QLatin1String(":memory:")) {
            const QFileInfo info(spec.path);
            if (info.isDir())
                return Error::database(
                    QStringLiteral("%1 is a folder, not a database file.").arg(spec.path));
            if (!info.exists()) {
                if (!SqliteCreateScope::active())
                    return Error{ErrorKind::NotFound,
                                 QStringLiteral(
                                     "The database file %1 does not exist; check the path, or run "
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
                immutable =
                    !folderWritable && !QFileInfo::exists(spec.path + QStringLiteral("-wal"));
            }
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000");
        if (readOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        if (immutable) {
            options += QStringLiteral(";QSQLITE_OPEN_URI");
            db.setDatabaseName(
                QStringLiteral("file:%1?immutable=1")
                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(spec.path, "/"))));
        } else {
            db.setDatabaseName(spec.path);
        }
        db.setConnectOptions(options);
        if (!db.open())
            return openError(spec, db.lastError());
        if (auto r = configureSqlite(db, spec, readOnly); !r)
            return r.error();
        return db;
    }
    if (auto valid = validateConnectionOptions(spec); !valid)
        return valid.error();
    if (auto files = checkTlsFiles(spec); !files)
        return files.error();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QMYSQL")))
        return Error::database(QStringLiteral(
            "The Qt MySQL/MariaDB driver is not installed (package libqt6sql6-mysql)."));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), name);
    db.setHostName(spec.host);
    db.setPort(spec.port);
    db.setDatabaseName(spec.database);
    db.setUserName(spec.user);
    db.setPassword(spec.password);
    QStringList options;
    options << QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1")
                   .arg(spec.options.value(QStringLiteral("connect_timeout"), QStringLiteral("5")));
    options << QStringLiteral("MYSQL_OPT_READ_TIMEOUT=%1")
                   .arg(spec.options.value(QStringLiteral("read_timeout"), QStringLiteral("60")));
    options << QStringLiteral("MYSQL_OPT_WRITE_TIMEOUT=%1")
                   .arg(spec.options.value(QStringLiteral("write_timeout"), QStringLiteral("60")));
    const QList<QPair<const char *, const char *>> tls = {{"ssl_ca", "SSL_CA"},
                                                          {"ssl_cert", "SSL_CERT"},
                                                          {"ssl_key", "SSL_KEY"},
                                                          {"ssl_capath", "SSL_CAPATH"},
                                                          {"ssl_cipher", "SSL_CIPHER"}};
    for (const auto &[key, option] : tls) {
        const QString value = spec.options.value(QString::fromLatin1(key));
        if (!value.isEmpty())
            options << QString::fromLatin1(option) + QLatin1Char('=') + value;
    }
    db.setConnectOptions(options.join(QLatin1Char(';')));
    const nativeconnect::Policy policy{usesTls(spec), verifiesHostName(spec)};
    bool opened = false;
    bool enforced = false;
    {
        nativeconnect::ScopedPolicy scoped(policy);
        opened = db.open();
        enforced = scoped.applied();
    }
    if (!enforced) {
        db.close();
        return Error::database(
            QStringLiteral("The connection to %1:%2 was refused: this program could not set its "
                           "security options on the database driver.")
                .arg(spec.host)
                .arg(spec.port),
            db.lastError().text());
    }
    if (!opened)
        return openError(spec, db.lastError());
    if (auto r = checkTlsSession(db, spec); !r) {
        db.close();
        return r.error();
    }
    if (auto r = configureMySql(db); !r)
        return r.error();
    return db;
}

} // namespace

Result<QSqlDatabase> Database::connection(const ConnectionSpec &spec)
{
    const QString key = spec.key();
    const auto it = t_connections.names.constFind(key);
    if (it != t_connections.names.constEnd()) {
        QSqlDatabase db = QSqlDatabase::database(*it, false);
        if (db.isOpen())
            return db;
        dropConnection(spec);
    }
    const QString name = QStringLiteral("retell-%1-%2")
                             .arg(quintptr(QThread::currentThreadId()))
                             .arg(g_connectionCounter.fetch_add(1));
    auto db = open(spec, name);
    if (!db) {
        QSqlDatabase::removeDatabase(name);
        return db.error();
    }
    t_connections.names.insert(key, name);
    return db;
}

void Database::forgetConnection(const QSqlDatabase &db)
{
    const QString name = db.connectionName();
    const QString key = t_connections.names.key(name);
    if (key.isEmpty())
        return;
    t_connections.names.remove(key);
    t_connections.statements.remove(name);
    t_connections.stale << name;
}

void Database::dropConnection(const ConnectionSpec &spec)
{
    const QString name = t_connections.names.take(spec.key());
    if (name.isEmpty())
        return;
    t_connections.statements.remove(name);
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void Database::finishStatements(const QSqlDatabase &db)
{
    auto it = t_connections.statements.find(db.connectionName());
    if (it == t_connections.statements.end())
        return;
    for (QSqlQuery &q : *it)
        if (q.isActive())
            q.finish();
}

void Database::releaseStatements()
{
    for (const QString &name : std::as_const(t_connections.names))
        finishStatements(QSqlDatabase::database(name, false));
}

QString Database::forUpdate(const QSqlDatabase &db)
{
    return isMySql(db) ? QStringLiteral(" FOR UPDATE") : QString();
}

Dialect Database::dialectOf(const QSqlDatabase &db)
{
    return isMySql(db) ? Dialect::MySQL : Dialect::SQLite;
}

Result<QSqlQuery> Database::exec(QSqlDatabase &db, const QString &sql, const QVariantList &bind,
                                 bool forwardOnly)
{
    auto &cache = t_connections.statements[db.connectionName()];
    auto it = cache.find(sql);
    if (it == cache.end() || it->isForwardOnly() != forwardOnly) {
        QSqlQuery fresh(db);
        fresh.setForwardOnly(forwardOnly);
        if (!fresh.prepare(sql)) {
            // On MySQL preparing is a round trip: it too can find the link dead.
            if (isConnectionLost(fresh.lastError()))
                forgetConnection(db);
            return errorFrom(fresh.lastError(), sql);
        }
        it = cache.insert(sql, std::move(fresh));
    }
    // An unfinished SELECT keeps SQLite's read snapshot open, which would
    // hide other connections' commits: finish every other statement first.
    for (auto other = cache.begin(); other != cache.end(); ++other)
        if (other != it && other->isActive())
            other->finish();
    // The copy shares the cached statement (QSqlQuery copies share their
    // result): that is the point of the cache, so Qt's deprecation of
    // copying does not apply here.
    QT_WARNING_PUSH
    QT_WARNING_DISABLE_DEPRECATED
    QSqlQuery q = *it;
    QT_WARNING_POP
    q.finish();
    for (const QVariant &v : bind) {
        // A null QString would bind SQL NULL; NULL is always asked for
        // explicitly with QVariant(), so text binds as text, even when empty.
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.addBindValue(QStringLiteral(""));
        else
            q.addBindValue(v);
    }
    if (!q.exec()) {
        Error e = errorFrom(q.lastError(), sql);
        if (isConnectionLost(q.lastError()))
            forgetConnection(db);
        return e;
    }
    return q;
}

Result<void> Database::writeTransaction(const ConnectionSpec &spec,
                                        const std::function<Result<void>(QSqlDatabase &)> &body,
                                        int maxAttempts)
{
    Error last = Error::database(QStringLiteral("The transaction did not run."));
    for (int attempt = 1; attempt <= maxAttempts; ++attempt) {
        auto conn = connection(spec);
        if (!conn)
            return conn.error();
        QSqlDatabase &db = conn.value();
        const bool sqlite = dialectOf(db) == Dialect::SQLite;
        // A pending SELECT would pin an old snapshot and make BEGIN IMMEDIATE
        // fail with SQLITE_BUSY_SNAPSHOT.
        finishStatements(db);
        bool begun = false;
        if (sqlite) {
            QSqlQuery q(db);
            begun = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
            if (!begun)
                last = errorFrom(q.lastError(), QStringLiteral("BEGIN IMMEDIATE"));
        } else {
            begun = db.transaction();
            if (!begun)
                last = errorFrom(db.lastError(), QStringLiteral("START TRANSACTION"));
        }
        if (begun) {
            Result<void> r = body(db);
            if (r) {
                bool committed = false;
                if (sqlite) {
                    QSqlQuery q(db);
                    committed = q.exec(QStringLiteral("COMMIT"));
                    if (!committed)
                        last = errorFrom(q.lastError(), QStringLiteral("COMMIT"));
                } else {
                    committed = db.commit();
                    if (!committed)
                        last = errorFrom(db.lastError(), QStringLiteral("COMMIT"));
                }
                if (committed) {
                    finishStatements(db);
                    return {};
                }
                if (isConnectionLost(db.lastError())) {
                    // The server may or may not have committed: never guess.
                    dropConnection(spec);
                    last.message =
                        QStringLiteral("The connection to the database was lost while committing; "
                                       "check the history before trying again.");
                    last.transient = false;
                    return last;
                }
            } else {
                last = r.error();
            }
            if (sqlite) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("ROLLBACK"));
            } else {
                db.rollback();
            }
        }
        if (!last.transient || attempt == maxAttempts)
            break;
        if (last.detail.contains(QLatin1String("[2006]")) ||
            last.detail.contains(QLatin1String("[2013]")))
            dropConnection(spec);
        // Back off with jitter so competing writers do not collide again.
        const int delayMs = QRandomGenerator::global()->bounded(1, 4 + attempt * attempt * 3);
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
    }
    if (last.transient)
        last.message =
            QStringLiteral("The database stayed busy after several retries (%1); try again.")
                .arg(last.message);
    return last;
}

Error Database::errorFrom(const QSqlError &error, const QString &context)
{
    Error e;
    e.kind = ErrorKind::Database;
    e.transient = isTransient(error);
    const QString text = error.text().trimmed();
    e.detail =
        QStringLiteral("[%1] %2 (in: %3)").arg(error.nativeErrorCode(), text, context.left(200));
    if (isConnectionLost(error))
        e.message = QStringLiteral("The connection to the database was lost.");
    else if (isUniqueViolation(error))
        e.message = QStringLiteral("A concurrent change wrote the same record first.");
    else if (nativeCode(error) == 1213)
        e.message = QStringLiteral("The database resolved a deadlock with another writer.");
    else if (nativeCode(error) == 1205 || nativeCode(error) == 5 || nativeCode(error) == 6)
        e.message = QStringLiteral("Another writer held the lock too long.");
    else
        e.message = QStringLiteral("The database reported an error: %1")
                        .arg(text.isEmpty() ? QStringLiteral("unknown") : text);
    return e;
}

bool Database::isConnectionLost(const QSqlError &error)
{
    const int code = nativeCode(error);
    return code == 2006 || code == 2013 || code == 2055;
}

bool Database::isUniqueViolation(const QSqlError &error)
{
    const int code = nativeCode(error);
    return code == 1062 || code == 2067 || code == 1555;
}

bool Database::isTransient(const QSqlError &error)
{
    const int code = nativeCode(error);
    switch (code) {
    case 1213: // deadlock
    case 1205: // lock wait timeout
    case 5:    // SQLITE_BUSY
    case 6:    // SQLITE_LOCKED
    case 517:  // SQLITE_BUSY_SNAPSHOT
        return true;
    default:
        return isConnectionLost(error) || isUniqueViolation(error);
    }
}

QString toSqlTimestamp(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
// days_from_civil): parsing history rows must not go through QDateTimeParser,
// which costs ~50 µs a call.
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = int(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// "YYYY-MM-DD HH:MM:SS" (also with 'T'), anything after the seconds ignored.
bool parseTimestamp(QStringView s, QDateTime *out)
{
    if (s.size() < 19)
        return false;
    auto num = [&](int from, int len, int *v) {
        int r = 0;
        for (int i = from; i < from + len; ++i) {
            const char16_t c = s[i].unicode();
            if (c < u'0' || c > u'9')
                return false;
            r = r * 10 + (c - u'0');
        }
        *v = r;
        return true;
    };
    int y, mo, d, h, mi, sec;
    if (!num(0, 4, &y) || !num(5, 2, &mo) || !num(8, 2, &d) || !num(11, 2, &h) ||
        !num(14, 2, &mi) || !num(17, 2, &sec))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return false;
    const qint64 secs = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
    *out = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    return true;
}

} // namespace

QDateTime fromSqlTimestamp(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QDateTime) {
        const QDateTime dt = value.toDateTime();
        return QDateTime(dt.date(), dt.time(), Qt::UTC);
    }
    QDateTime dt;
    const QString s = value.toString();
    if (parseTimestamp(s, &dt))
        return dt;
    dt = QDateTime::fromString(s, Qt::ISODate);
    if (dt.isValid())
        dt = dt.toUTC();
    return dt;
}

} // namespace retell::core
