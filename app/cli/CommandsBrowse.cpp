// branches, templates, show, history, export
#include "Cli.h"
#include "CommandsOffline.h"

#include "io/AgentConfigCodec.h"
#include "offline/OfflineWork.h"
#include "templates/TemplateService.h"
#include "versions/BranchService.h"
#include "versions/VersionService.h"

#include <cstdio>

namespace retell::cli {

using namespace retell::core;

namespace {

QString localTime(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                         : QStringLiteral("-");
}

int branches(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {}, {});
    if (!args)
        return cli.fail(args.error());
    auto actor = cli.authenticate();
    if (!actor)
        return cli.fail(actor.error());
    auto list = BranchService(cli.context).branches(actor.value());
    if (!list)
        return cli.fail(list.error());
    // Offline: how many operations wait in the outbox per branch.
    QHash<QString, int> waiting;
    if (cli.offline) {
        auto queued = OfflineWork(cli.context).queued();
        if (!queued)
            return cli.fail(queued.error());
        for (const QueuedOperation &op : std::as_const(*queued))
            ++waiting[op.branchId];
    }
    if (cli.json) {
        QJsonArray out;
        for (const Branch &b : std::as_const(*list)) {
            QJsonObject o = toJson(b);
            if (cli.offline)
                o.insert(QStringLiteral("queued"), waiting.value(b.id));
            out << o;
        }
        cli.printJson(out);
        return ExitOk;
    }
    if (list->isEmpty())
        cli.print(QStringLiteral("%1 may not see any branch.").arg(actor->user.email));
    QString company;
    for (const Branch &b : std::as_const(*list)) {
        if (b.companyName != company) {
            company = b.companyName;
            cli.print(cli.field(company));
        }
        QString line = QStringLiteral("  %1  %2  %3")
                           .arg(cli.field(b.id), cli.field(b.name).leftJustified(24),
                                b.activeVersion ? QStringLiteral("v%1 (%2)")
                                                      .arg(*b.activeVersion)
                                                      .arg(validationStatusName(b.activeStatus))
                                                : QStringLiteral("no version yet"));
        if (waiting.value(b.id) > 0)
            line += QStringLiteral("  + %1 queued").arg(waiting.value(b.id));
        cli.print(line);
    }
    return ExitOk;
}

int templates(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {}, {});
    if (!args)
        return cli.fail(args.error());
    auto actor = cli.authenticate(); // which templates one sees depends on who one is
    if (!actor)
        return cli.fail(actor.error());
    auto list = TemplateService(cli.context).templates(actor.value());
    if (!list)
        return cli.fail(list.error());
    if (cli.json) {
        printJsonList(cli, list.value());
        return ExitOk;
    }
    for (const Template &t : std::as_const(*list)) {
        const char *source = t.source == TemplateSource::BuiltIn  ? "built-in"
                             : t.source == TemplateSource::Custom ? "custom"
                                                                  : "web app";
        const QString owner = t.source != TemplateSource::Custom ? QString()
                              : t.companyName.isEmpty()
                                  ? QStringLiteral(", every company")
                                  : QStringLiteral(", ") + cli.field(t.companyName);
        const QString language =
            t.language.isEmpty() ? QString() : QStringLiteral(", ") + cli.field(t.language);
        cli.print(QStringLiteral("%1  [%2%3%4]")
                      .arg(cli.field(t.name), QString::fromLatin1(source), language, owner));
        if (!t.description.isEmpty())
            cli.print(QStringLiteral("    %1").arg(cli.field(t.description)));
        cli.print(QStringLiteral("    tools: %1")
                      .arg(Validator::toolNames(t.config.toolsJson).join(QStringLiteral(", "))));
    }
    return ExitOk;
}

// Logs in, resolves BRANCH and loads version N or the active one.
Result<QPair<Branch, PromptVersion>> loadVersion(Cli &cli, const QString &branchArg, int version)
{
    auto who = cli.authenticate();
    if (!who)
        return who.error();
    const Actor &actor = who.value();
    auto branch = BranchService(cli.context).resolve(actor, branchArg);
    if (!branch)
        return branch.error();
    VersionService versions(cli.context);
    auto v = version > 0 ? versions.version(actor, branch->id, version)
                         : versions.active(actor, branch->id);
    if (!v)
        return v.error();
    return qMakePair(branch.value(), v.value());
}

int show(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {QStringLiteral("version")}, {});
    if (!args)
        return cli.fail(args.error());
    if (args->positionals().size() != 1)
        return cli.fail(Error::usage(QStringLiteral("usage: show BRANCH [--version N]")));
    auto number = args->integer(QStringLiteral("version"), 0, 1);
    if (!number)
        return cli.fail(number.error());
    auto loaded = loadVersion(cli, args->positionals().first(), number.value());
    if (!loaded)
        return cli.fail(loaded.error());
    const auto &[branch, v] = loaded.value();
    if (cli.json) {
        QJsonObject o = toJson(v);
        o.insert(QStringLiteral("branch"), toJson(branch));
        cli.printJson(o);
        return ExitOk;
    }
    cli.print(QStringLiteral("%1 / %2 — version %3%4")
                  .arg(cli.field(branch.companyName), cli.field(branch.name))
                  .arg(v.version)
                  .arg(v.isActive ? QStringLiteral(" (active)") : QString()));
    cli.print(QStringLiteral("template: %1")
                  .arg(v.templateName.isEmpty() ? QStringLiteral("-") : cli.field(v.templateName)));
    cli.print(QStringLiteral("deployed: %1 by %2")
                  .arg(localTime(v.deployedAt), v.deployedByName.isEmpty()
                                                    ? QStringLiteral("-")
                                                    : cli.field(v.deployedByName)));
    cli.print(QStringLiteral("validation: %1").arg(validationStatusName(v.validationStatus)));
    cli.print(QStringLiteral("notes: %1").arg(cli.field(v.notes)));
    cli.print(QStringLiteral("\n--- prompt ---\n%1\n--- tools ---\n%2")
                  .arg(v.config.prompt, v.config.toolsJson.trimmed()));
    return ExitOk;
}

int history(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {QStringLiteral("limit"), QStringLiteral("before")},
                            {QStringLiteral("all")});
    if (!args)
        return cli.fail(args.error());
    if (args->positionals().size() != 1)
        return cli.fail(
            Error::usage(QStringLiteral("usage: history BRANCH [--limit N] [--before N]")));
    auto limit = args->integer(QStringLiteral("limit"), 0, 1);
    auto before = args->integer(QStringLiteral("before"), 0, 1);
    if (!limit || !before)
        return cli.fail((!limit ? limit.error() : before.error()));
    auto actor = cli.authenticate();
    if (!actor)
        return cli.fail(actor.error());
    auto branch = BranchService(cli.context).resolve(actor.value(), args->positionals().first());
    if (!branch)
        return cli.fail(branch.error());
    // No cap: without --limit, page through everything.
    VersionService versions(cli.context);
    QList<VersionSummary> rows;
    int cursor = before.value();
    int total = 0;
    for (;;) {
        const int want =
            limit.value() > 0 ? std::min(1000, int(limit.value() - rows.size())) : 1000;
        auto page =
            versions.history(actor.value(), branch->id, cursor, want, cursor == before.value());
        if (!page)
            return cli.fail(page.error());
        if (page->total >= 0 && cursor == before.value())
            total = page->total;
        rows << page->rows;
        if (!page->hasMore || page->rows.isEmpty() ||
            (limit.value() > 0 && rows.size() >= limit.value()))
            break;
        cursor = page->rows.last().version;
    }
    // Offline: what waits in the outbox for this branch comes first.
    QList<QueuedOperation> pending;
    if (cli.offline) {
        auto queued = OfflineWork(cli.context).pending(branch->id);
        if (!queued)
            return cli.fail(queued.error());
        pending = queued.value();
    }
    if (cli.json) {
        QJsonArray out;
        for (const VersionSummary &s : std::as_const(rows))
            out << toJson(s);
        QJsonObject o{{QStringLiteral("branch"), toJson(branch.value())},
                      {QStringLiteral("total"), total},
                      {QStringLiteral("versions"), out}};
        if (cli.offline) {
            QJsonArray queued;
            for (const QueuedOperation &op : std::as_const(pending))
                queued << toJson(op);
            o.insert(QStringLiteral("pending"), queued);
        }
        cli.printJson(o);
        return ExitOk;
    }
    cli.print(QStringLiteral("%1 / %2: %3 version(s)")
                  .arg(cli.field(branch->companyName), cli.field(branch->name))
                  .arg(total));
    for (const QueuedOperation &op : std::as_const(pending))
        cli.print(QStringLiteral("+ ") + describeQueued(cli, op));
    for (const VersionSummary &s : std::as_const(rows)) {
        cli.print(
            QStringLiteral("%1 %2  %3  %4  %5  %6  %7")
                .arg(s.isActive ? QLatin1Char('*') : QLatin1Char(' '))
                .arg(QStringLiteral("v%1").arg(s.version), -6)
                .arg(
                    localTime(s.deployedAt),
                    validationStatusName(s.validationStatus).leftJustified(7),
                    (s.deployedByName.isEmpty() ? QStringLiteral("-") : cli.field(s.deployedByName))
                        .leftJustified(16),
                    (s.templateName.isEmpty() ? QStringLiteral("-") : cli.field(s.templateName))
                        .leftJustified(26),
                    cli.field(s.notes)));
    }
    return ExitOk;
}

int exportCommand(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(
        argv, {QStringLiteral("version"), QStringLiteral("format"), QStringLiteral("output")}, {});
    if (!args)
        return cli.fail(args.error());
    if (args->positionals().size() != 1)
        return cli.fail(Error::usage(QStringLiteral(
            "usage: export BRANCH [--version N] [--format native|retell] [--output FILE]")));
    auto format = AgentConfigCodec::shapeFromName(args->value(QStringLiteral("format")));
    auto number = args->integer(QStringLiteral("version"), 0, 1);
    if (!format || !number)
        return cli.fail(!format ? format.error() : number.error());
    auto loaded = loadVersion(cli, args->positionals().first(), number.value());
    if (!loaded)
        return cli.fail(loaded.error());
    const QByteArray data =
        AgentConfigCodec::exportVersion(loaded->first, loaded->second, format.value());
    const QString output = args->value(QStringLiteral("output"));
    if (output.isEmpty() || output == QLatin1String("-")) {
        std::fwrite(data.constData(), 1, size_t(data.size()), stdout);
        return ExitOk;
    }
    if (auto written = Cli::writeFileAtomically(output, data); !written)
        return cli.fail(written.error());
    std::fprintf(stderr, "exported %s v%d to %s\n", qPrintable(loaded->first.name),
                 loaded->second.version, qPrintable(output));
    return ExitOk;
}

} // namespace

void registerBrowseCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("branches"), branches);
    commands.insert(QStringLiteral("templates"), templates);
    commands.insert(QStringLiteral("show"), show);
    commands.insert(QStringLiteral("history"), history);
    commands.insert(QStringLiteral("export"), exportCommand);
}

} // namespace retell::cli
