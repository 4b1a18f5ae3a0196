#include "db/ConnectionOptions.h"
#include "db/Database.h"
#include "db/Dialect.h"
#include "db/NativeConnect.h"

#include <QSqlDriver>
#include <QSqlQuery>

namespace retell::core {

namespace {

// MariaDB/MySQL (QMYSQL): InnoDB row locks serialise writers of one branch;
// DDL commits implicitly.
class MySqlDialect final : public SqlDialect
{
public:
    Dialect kind() const override { return Dialect::MySQL; }
    QString driverName() const override { return QStringLiteral("QMYSQL"); }
    QString driverPackage() const override { return QStringLiteral("libqt6sql6-mysql"); }
    QString beginWrite() const override { return QStringLiteral("START TRANSACTION"); }
    QString rowLock() const override { return QStringLiteral(" FOR UPDATE"); }
    SqlErrorClass classify(const QSqlError &error) const override;
    QString migrationsFolder() const override { return QStringLiteral("mysql"); }
    QString timestampType() const override { return QStringLiteral("TIMESTAMP"); }
    bool transactionalDdl() const override { return false; }
    Result<void> lockMigrations(QSqlDatabase &db) const override;
    void unlockMigrations(QSqlDatabase &db) const override;
    void dropTables(QSqlDatabase &db, const QStringList &tables) const override;
    Result<QSqlDatabase> open(const ConnectionSpec &spec, const QString &name) const override;
};

SqlErrorClass MySqlDialect::classify(const QSqlError &error) const
{
    switch (dialects::nativeCode(error)) {
    case 1213: // deadlock
    case 1205: // lock wait timeout
        return SqlErrorClass::Transient;
    case 1062: // duplicate key
        return SqlErrorClass::UniqueViolation;
    case 1451:
    case 1452:
        return SqlErrorClass::ForeignKey;
    case 2006: // server has gone away
    case 2013: // lost connection during query
    case 2055:
    case 4031: // disconnected for inactivity
        return SqlErrorClass::ConnectionLost;
    default:
        return SqlErrorClass::Other;
    }
}

Result<void> MySqlDialect::lockMigrations(QSqlDatabase &db) const
{
    auto lock = Database::exec(db, QStringLiteral("SELECT GET_LOCK('retell_admin_migrate', 60)"));
    if (!lock && isServerLost(lock.error()))
        return lock.error(); // the server went away: not a competing migration
    if (!lock || !lock->next() || lock->value(0).toInt() != 1)
        return Error::database(
            QStringLiteral("Another process is migrating this database; try again in a minute."));
    return {};
}

void MySqlDialect::unlockMigrations(QSqlDatabase &db) const
{
    // Best effort: the server releases the lock with the session anyway.
    (void)Database::exec(db, QStringLiteral("SELECT RELEASE_LOCK('retell_admin_migrate')"));
}

void MySqlDialect::dropTables(QSqlDatabase &db, const QStringList &tables) const
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SET FOREIGN_KEY_CHECKS = 0"));
    SqlDialect::dropTables(db, tables);
    q.exec(QStringLiteral("SET FOREIGN_KEY_CHECKS = 1"));
}

Error openError(const ConnectionSpec &spec, const QSqlError &error)
{
    const int code = dialects::nativeCode(error);
    const QString where = spec.dialect == Dialect::SQLite
                              ? spec.path
                              : QStringLiteral("%1:%2").arg(spec.host).arg(spec.port);
    QString message;
    bool unreachable = false; // Error::code "db.unreachable": offline work may help
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
        message = dialects::unreachableMessage(where);
        unreachable = true;
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
    return dialects::openFailure(message, error, unreachable ? where : QString());
}

Result<void> configure(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (isReadOnlyProcess() && !q.exec(QStringLiteral("SET SESSION TRANSACTION READ ONLY")))
        return Database::errorFrom(db, q.lastError(),
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
            return Database::errorFrom(db, q.lastError(), QString::fromLatin1(sql));
    }
    return {};
}

Result<QSqlDatabase> MySqlDialect::open(const ConnectionSpec &spec, const QString &name) const
{
    auto added = addServerConnection(spec, name, QStringLiteral("MySQL/MariaDB"));
    if (!added)
        return added.error();
    QSqlDatabase db = added.value();
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
    // Belt and braces after the handshake: with TLS options the session must
    // be encrypted (the handshake already refused otherwise when the host
    // name is verified; with ssl_verify_host=false this check is what refuses).
    return finishServerOpen(db, spec, QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_cipher'"), 1,
                            configure);
}

} // namespace

const SqlDialect &dialects::mysql()
{
    static const MySqlDialect dialect;
    return dialect;
}

} // namespace retell::core
