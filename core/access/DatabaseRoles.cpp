#include "access/DatabaseRoles.h"

#include "db/Migrator.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace retell::core {

namespace {

const QRegularExpression kIdentifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,63}$"));

// A string literal: quotes doubled; backslashes doubled too on MySQL, where
// they escape (PostgreSQL's standard strings take them as they are).
QString quoted(QString text, DatabaseRoles::Dialect dialect = DatabaseRoles::Dialect::MySql)
{
    if (dialect == DatabaseRoles::Dialect::MySql)
        text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    return QLatin1Char('\'') + text.replace(QLatin1Char('\''), QStringLiteral("''")) +
           QLatin1Char('\'');
}

} // namespace

Result<DatabaseRoles::Dialect> DatabaseRoles::dialectFromName(const QString &name)
{
    if (name == QLatin1String("mysql") || name == QLatin1String("mariadb"))
        return Dialect::MySql;
    if (name == QLatin1String("pgsql") || name == QLatin1String("postgresql"))
        return Dialect::PostgreSql;
    return Error::usage(QStringLiteral("--dialect takes mysql or pgsql, not \"%1\".").arg(name));
}

QStringList DatabaseRoles::appTables()
{
    QSet<QString> tables;
    static const QRegularExpression create(
        QStringLiteral("CREATE TABLE (?:IF NOT EXISTS )?`?(retell_admin_[a-z0-9_]+)"),
        QRegularExpression::CaseInsensitiveOption);
    const QDir dir(Migrator::migrationsDirectory(core::Dialect::MySQL));
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        auto it = create.globalMatch(QString::fromUtf8(f.readAll()));
        while (it.hasNext())
            tables.insert(it.next().captured(1).toLower());
    }
    tables.insert(QStringLiteral("retell_admin_migrations")); // created by the migrator itself
    QStringList sorted(tables.cbegin(), tables.cend());
    sorted.sort();
    return sorted;
}

Result<QStringList> DatabaseRoles::statements(Dialect dialect, const Account &account,
                                              const QString &password)
{
    if (!kIdentifier.match(account.name).hasMatch())
        return Error::usage(QStringLiteral("The account name \"%1\" must be letters, digits and _.")
                                .arg(account.name));
    if (account.database.isEmpty() || !kIdentifier.match(account.database).hasMatch())
        return Error::usage(
            QStringLiteral("Name the database the app uses (letters, digits and _), not \"%1\".")
                .arg(account.database));
    const QString secret = password.isEmpty() ? QStringLiteral("'CHANGE-ME'") : quoted(password);
    const QStringList readOnly = {QStringLiteral("users"), QStringLiteral("companies"),
                                  QStringLiteral("branches")};
    const QStringList own = appTables();
    QStringList sql;
    if (dialect == Dialect::MySql) {
        if (account.host.isEmpty() || account.host.contains(QLatin1Char('\'')) ||
            account.host.contains(QLatin1Char('\\')))
            return Error::usage(
                QStringLiteral("The account host \"%1\" is not a host name, address or %.")
                    .arg(account.host));
        const QString who = QStringLiteral("%1@%2").arg(quoted(account.name), quoted(account.host));
        const QString db = QLatin1Char('`') + account.database + QLatin1Char('`');
        sql << QStringLiteral("CREATE USER IF NOT EXISTS %1 IDENTIFIED BY %2").arg(who, secret);
        sql << QStringLiteral("ALTER USER %1 IDENTIFIED BY %2").arg(who, secret);
        for (const QString &t : readOnly)
            sql << QStringLiteral("GRANT SELECT ON %1.`%2` TO %3").arg(db, t, who);
        sql << QStringLiteral("GRANT SELECT, INSERT ON %1.`retell_agent_prompts` TO %2")
                   .arg(db, who);
        sql << QStringLiteral("GRANT UPDATE (is_active, updated_at, retell_agent_id, "
                              "retell_version) ON %1.`retell_agent_prompts` TO %2")
                   .arg(db, who);
        for (const QString &t : own)
            sql << QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON %1.`%2` TO %3")
                       .arg(db, t, who);
        return sql;
    }
    // Created once, then only its password is set: --apply may run again.
    const QString pgSecret =
        password.isEmpty() ? QStringLiteral("'CHANGE-ME'") : quoted(password, dialect);
    sql << QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') "
                          "THEN CREATE ROLE %1 LOGIN; END IF; END $$")
               .arg(account.name);
    sql << QStringLiteral("ALTER ROLE %1 WITH LOGIN PASSWORD %2").arg(account.name, pgSecret);
    sql << QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(account.database, account.name);
    sql << QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(account.name);
    sql << QStringLiteral("GRANT SELECT ON %1 TO %2")
               .arg(readOnly.join(QStringLiteral(", ")), account.name);
    // PostgreSQL lets a SELECT ... FOR UPDATE (the deploy's branch lock)
    // only with an UPDATE privilege on some column: the timestamp, nothing else.
    sql << QStringLiteral("GRANT UPDATE (updated_at) ON branches TO %1").arg(account.name);
    sql << QStringLiteral("GRANT SELECT, INSERT ON retell_agent_prompts TO %1").arg(account.name);
    // retell_agent_id / retell_version: where a version was published (issue 15).
    sql << QStringLiteral("GRANT UPDATE (is_active, updated_at, retell_agent_id, retell_version) "
                          "ON retell_agent_prompts TO %1")
               .arg(account.name);
    sql << QStringLiteral("GRANT USAGE ON SEQUENCE retell_agent_prompts_id_seq TO %1")
               .arg(account.name);
    sql << QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON %1 TO %2")
               .arg(own.join(QStringLiteral(", ")), account.name);
    // Ids of the app's tables (nextval only: a sequence grants no table access).
    sql << QStringLiteral("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %1").arg(account.name);
    return sql;
}

} // namespace retell::core
