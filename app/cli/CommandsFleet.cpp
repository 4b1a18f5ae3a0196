// fleet
#include "Cli.h"

#include "fleet/FleetExport.h"
#include "fleet/FleetService.h"

namespace retell::cli {

using namespace retell::core;

namespace {

QString driftText(const FleetRow &r)
{
    if (!r.hasActive())
        return QStringLiteral("-");
    if (!r.drift.computed)
        return QStringLiteral("no reference");
    if (r.drift.none())
        return QStringLiteral("none");
    const QString tools = r.drift.toolsChanged < 0
                              ? QStringLiteral("tools unreadable")
                              : QStringLiteral("%1 tool(s)").arg(r.drift.toolsChanged);
    return QStringLiteral("+%1/-%2 lines, %3")
        .arg(r.drift.linesAdded)
        .arg(r.drift.linesRemoved)
        .arg(tools);
}

int fleet(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {QStringLiteral("company"), QStringLiteral("reference")},
                            {QStringLiteral("csv")});
    if (!args)
        return cli.fail(args.error());
    if (!args->positionals().isEmpty() || (cli.json && args->has(QStringLiteral("csv"))))
        return cli.fail(Error::usage(QStringLiteral(
            "usage: fleet [--company ID|NAME] [--reference BRANCH|template:NAME] [--json|--csv]")));
    auto actor = cli.authenticate();
    if (!actor)
        return cli.fail(actor.error());
    FleetQuery query;
    query.company = args->value(QStringLiteral("company"));
    query.reference = FleetReference::parse(args->value(QStringLiteral("reference")));
    auto rows = FleetService(cli.context).rows(actor.value(), query);
    if (!rows)
        return cli.fail(rows.error());
    if (cli.json) {
        cli.printJson(jsonTable(rows.value(), fleetRecord));
        return ExitOk;
    }
    if (args->has(QStringLiteral("csv"))) {
        cli.printCsv(csvTable(rows.value(), fleetRecord));
        return ExitOk;
    }
    if (rows->isEmpty())
        cli.print(QStringLiteral("%1 may not see any branch.").arg(actor->user.email));
    QString company;
    for (const FleetRow &r : std::as_const(*rows)) {
        if (r.branch.companyName != company) {
            company = r.branch.companyName;
            cli.print(cli.field(company));
        }
        if (!r.hasActive()) {
            cli.print(QStringLiteral("  %1  nothing deployed").arg(cli.field(r.branch.name)));
            continue;
        }
        // One multi-argument arg(): a name containing "%2" stays as it is.
        cli.print(
            QStringLiteral("  %1  v%2  %3  %4 %5  %6  %7 tokens  drift vs %8: %9")
                .arg(cli.field(r.branch.name).leftJustified(20),
                     QString::number(*r.branch.activeVersion),
                     cli.field(r.templateName.isEmpty() ? QStringLiteral("(no template)")
                                                        : r.templateName),
                     r.deployedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     cli.field(r.deployedByName), validationStatusName(r.branch.activeStatus),
                     QString::number(r.estimatedTokens),
                     r.referenceConfig ? cli.field(r.referenceLabel) : QStringLiteral("(none)"),
                     driftText(r)));
    }
    return ExitOk;
}

} // namespace

void registerFleetCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("fleet"), fleet);
}

} // namespace retell::cli
