// db-roles: the least-privilege database account for the app
#include "Cli.h"

#include "access/DatabaseRoles.h"
#include "db/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace retell::cli {

using namespace retell::core;

namespace {

int dbRoles(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv,
                            {QStringLiteral("dialect"), QStringLiteral("account"),
                             QStringLiteral("account-host"), QStringLiteral("database")},
                            {QStringLiteral("apply")});
    if (!args)
        return cli.fail(args.error());
    if (!args->positionals().isEmpty())
        return cli.fail(Error::usage(QStringLiteral(
            "usage: db-roles --dialect mysql|pgsql [--account NAME] [--account-host HOST] "
            "[--database NAME] [--apply]")));
    auto dialectName = args->required(QStringLiteral("dialect"), QStringLiteral("mysql or pgsql"));
    if (!dialectName)
        return cli.fail(dialectName.error());
    auto dialect = DatabaseRoles::dialectFromName(dialectName.value());
    if (!dialect)
        return cli.fail(dialect.error());
    const ConnectionSpec &spec = cli.context.spec;
    DatabaseRoles::Account account;
    account.name = args->value(QStringLiteral("account"), account.name);
    account.host = args->value(QStringLiteral("account-host"), account.host);
    account.database = args->value(QStringLiteral("database"), spec.database);
    const bool apply = args->has(QStringLiteral("apply"));
    const core::Dialect wanted = dialect.value() == DatabaseRoles::Dialect::MySql
                                     ? core::Dialect::MySQL
                                     : core::Dialect::PostgreSQL;
    if (apply && spec.dialect != wanted)
        return cli.fail(Error::usage(
            QStringLiteral("--apply needs a --db of the same kind as --dialect %1, with an "
                           "administrator's account.")
                .arg(dialectName.value())));
    QString password;
    if (apply) {
        auto secret =
            Cli::secret("RETELL_ADMIN_APP_DB_PASSWORD",
                        QStringLiteral("Password for the new account %1: ").arg(account.name));
        if (!secret)
            return cli.fail(secret.error());
        if (secret->size() < 12)
            return cli.fail(Error::usage(
                QStringLiteral("The account's password must have at least 12 characters.")));
        password = secret.value();
    }
    auto statements = DatabaseRoles::statements(dialect.value(), account, password);
    if (!statements)
        return cli.fail(statements.error());
    if (!apply) {
        for (const QString &s : std::as_const(*statements))
            cli.print(s + QLatin1Char(';'));
        return ExitOk;
    }
    if (auto r = cli.prepareDatabase(); !r)
        return cli.fail(r.error());
    auto conn = Database::connection(spec);
    if (!conn)
        return cli.fail(conn.error());
    // Account statements take no bound values; the password is quoted in
    // by DatabaseRoles and never printed.
    for (const QString &s : std::as_const(*statements)) {
        QSqlQuery q(conn.value());
        if (!q.exec(s)) {
            QString shown = s;
            for (const char *secret : {" IDENTIFIED BY", " PASSWORD"})
                shown = shown.section(QLatin1String(secret), 0, 0);
            return cli.fail(Database::errorFrom(conn.value(), q.lastError(), shown));
        }
    }
    const QString who = wanted == core::Dialect::MySQL
                            ? QStringLiteral("%1@%2").arg(account.name, account.host)
                            : account.name;
    cli.print(QStringLiteral("The account %1 may now use %2 with the app's privileges only (%3 "
                             "statements).")
                  .arg(who, account.database)
                  .arg(statements->size()));
    return ExitOk;
}

} // namespace

void registerSecurityCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("db-roles"), dbRoles);
}

} // namespace retell::cli
