// migrate, seed
#include "Cli.h"

#include "db/Migrator.h"
#include "seed/Seeder.h"
#include "templates/TemplateService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace retell::cli {

using namespace retell::core;

namespace {

int migrate(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {}, {});
    if (!args)
        return cli.fail(args.error());
    if (auto r = cli.prepareDatabase(); !r)
        return cli.fail(r.error());
    auto report = Migrator::migrate(cli.context.spec);
    if (!report)
        return cli.fail(report.error());
    if (auto indexed = TemplateService(cli.context).refreshIndex(); !indexed)
        return cli.fail(indexed.error());
    if (cli.json) {
        cli.printJson(
            QJsonObject{{QStringLiteral("database"), cli.context.spec.toUrl()},
                        {QStringLiteral("applied"), QJsonArray::fromStringList(report->applied)},
                        {QStringLiteral("skipped"), QJsonArray::fromStringList(report->skipped)},
                        {QStringLiteral("schema_version"), report->schemaVersion},
                        {QStringLiteral("web_app_schema"), report->webAppSchema}});
        return ExitOk;
    }
    cli.print(QStringLiteral("Database: %1").arg(cli.context.spec.displayName()));
    if (report->webAppSchema)
        cli.print(QStringLiteral(
            "The web application's schema is present; its tables are left untouched."));
    for (const QString &name : std::as_const(report->applied))
        cli.print(QStringLiteral("applied %1").arg(name));
    for (const QString &name : std::as_const(report->skipped))
        cli.print(QStringLiteral("skipped %1 (tables owned by the web application)").arg(name));
    if (report->applied.isEmpty() && report->skipped.isEmpty())
        cli.print(QStringLiteral("Nothing to do: the schema is up to date (version %1).")
                      .arg(report->schemaVersion));
    else
        cli.print(QStringLiteral("Schema is now at version %1.").arg(report->schemaVersion));
    return ExitOk;
}

int seed(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {}, {QStringLiteral("demo")});
    if (!args)
        return cli.fail(args.error());
    if (auto r = cli.openDatabase(); !r)
        return cli.fail(r.error());
    auto report = args->has(QStringLiteral("demo")) ? Seeder::seedDemo(cli.context)
                                                    : Seeder::seedTemplates(cli.context);
    if (!report)
        return cli.fail(report.error());
    if (cli.json) {
        cli.printJson(QJsonObject{{QStringLiteral("templates_added"), report->templatesAdded},
                                  {QStringLiteral("companies_added"), report->companiesAdded},
                                  {QStringLiteral("branches_added"), report->branchesAdded},
                                  {QStringLiteral("users_added"), report->usersAdded},
                                  {QStringLiteral("grants_added"), report->grantsAdded},
                                  {QStringLiteral("versions_added"), report->versionsAdded}});
        return ExitOk;
    }
    for (const QString &line : report->lines())
        cli.print(line);
    if (args->has(QStringLiteral("demo")) && report->usersAdded > 0)
        cli.print(QStringLiteral("Demo users log in with the password \"%1\" (see README).")
                      .arg(QString::fromLatin1(demo::kPassword)));
    return ExitOk;
}

} // namespace

void registerDataCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("migrate"), migrate);
    commands.insert(QStringLiteral("seed"), seed);
}

} // namespace retell::cli
