// Opening one connection: the SQLite file's read-only/immutable modes and
// pragmas, the MySQL session settings, the TLS policy set through the
// native connect hook, and the plain sentences for refused connections.
// The per-thread connection cache that calls this is in Database.cpp.
#include "db/DatabaseOpen.h"

#include "db/ConnectionOptions.h"
#include "db/Database.h"
#include "db/NativeConnect.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace retell::core {

namespace {

Error openError(const ConnectionSpec &spec, const QSqlError &error)
{
    const int code = sqlNativeCode(error);
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
        const int code = sqlNativeCode(q.lastError());
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

} // namespace

Result<QSqlDatabase> openConnection(const ConnectionSpec &spec, const QString &name)
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

} // namespace retell::core
