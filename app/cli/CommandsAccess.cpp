// grants, grant, revoke
#include "Cli.h"

#include "access/AccessService.h"

namespace retell::cli {

using namespace retell::core;

namespace {

struct ScopeArg
{
    GrantScope scope = GrantScope::Global;
    QString id;
};

Result<ScopeArg> scopeFrom(const Args &args)
{
    const int given = int(args.has(QStringLiteral("company"))) +
                      int(args.has(QStringLiteral("branch"))) +
                      int(args.has(QStringLiteral("global")));
    if (given != 1)
        return Error::usage(
            QStringLiteral("Give exactly one of --company ID, --branch ID or --global."));
    if (args.has(QStringLiteral("company")))
        return ScopeArg{GrantScope::Company, args.value(QStringLiteral("company"))};
    if (args.has(QStringLiteral("branch")))
        return ScopeArg{GrantScope::Branch, args.value(QStringLiteral("branch"))};
    return ScopeArg{GrantScope::Global, {}};
}

int grants(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {}, {});
    if (!args)
        return cli.fail(args.error());
    auto actor = cli.authenticate();
    if (!actor)
        return cli.fail(actor.error());
    auto list = AccessService(cli.context).grants(actor.value());
    if (!list)
        return cli.fail(list.error());
    if (cli.json) {
        printJsonList(cli, list.value());
        return ExitOk;
    }
    for (const Grant &g : std::as_const(*list))
        cli.print(QStringLiteral("%1  %2  %3%4")
                      .arg(g.userEmail.leftJustified(36), roleName(g.role).leftJustified(6),
                           scopeName(g.scope),
                           g.scopeId.isEmpty() ? QString() : QStringLiteral(" ") + g.scopeId));
    return ExitOk;
}

int grant(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(
        argv, {QStringLiteral("role"), QStringLiteral("company"), QStringLiteral("branch")},
        {QStringLiteral("global")});
    if (!args)
        return cli.fail(args.error());
    if (args->positionals().size() != 1)
        return cli.fail(Error::usage(QStringLiteral("usage: grant EMAIL --role viewer|editor|admin "
                                                    "(--company ID | --branch ID | --global)")));
    const auto role = roleFromName(args->value(QStringLiteral("role")));
    if (!role)
        return cli.fail(Error::usage(QStringLiteral("--role must be viewer, editor or admin.")));
    auto scope = scopeFrom(args.value());
    if (!scope)
        return cli.fail(scope.error());
    if (auto r = cli.openDatabase(); !r)
        return cli.fail(r.error());
    AccessService access(cli.context);
    auto anyGrant = access.hasAnyGrant();
    if (!anyGrant)
        return cli.fail(anyGrant.error());
    std::optional<Actor> actor;
    // With no grants at all, the first admin is granted on the database
    // credentials alone, even when RETELL_ADMIN_USER is set.
    if (!cli.userEmail.isEmpty() && anyGrant.value()) {
        auto loggedIn = cli.login();
        if (!loggedIn)
            return cli.fail(loggedIn.error());
        actor = loggedIn.value();
    }
    auto granted = access.grant(actor ? &*actor : nullptr, args->positionals().first(), *role,
                                scope->scope, scope->id);
    if (!granted)
        return cli.fail(granted.error());
    if (cli.json)
        cli.printJson(toJson(granted.value()));
    else
        cli.print(QStringLiteral("%1 is now %2 (%3%4).")
                      .arg(granted->userEmail, roleName(granted->role), scopeName(granted->scope),
                           granted->scopeId.isEmpty() ? QString()
                                                      : QStringLiteral(" ") + granted->scopeId));
    return ExitOk;
}

int revoke(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {QStringLiteral("company"), QStringLiteral("branch")},
                            {QStringLiteral("global")});
    if (!args)
        return cli.fail(args.error());
    if (args->positionals().size() != 1)
        return cli.fail(Error::usage(
            QStringLiteral("usage: revoke EMAIL (--company ID | --branch ID | --global)")));
    auto scope = scopeFrom(args.value());
    if (!scope)
        return cli.fail(scope.error());
    auto actor = cli.authenticate();
    if (!actor)
        return cli.fail(actor.error());
    auto removed = AccessService(cli.context)
                       .revoke(actor.value(), args->positionals().first(), scope->scope, scope->id);
    if (!removed)
        return cli.fail(removed.error());
    if (cli.json)
        cli.printJson(QJsonObject{{QStringLiteral("revoked"), removed.value()}});
    else
        cli.print(QStringLiteral("Revoked the %1 grant of %2.")
                      .arg(scopeName(scope->scope), args->positionals().first()));
    return ExitOk;
}

} // namespace

void registerAccessCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("grants"), grants);
    commands.insert(QStringLiteral("grant"), grant);
    commands.insert(QStringLiteral("revoke"), revoke);
}

} // namespace retell::cli
