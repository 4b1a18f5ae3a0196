// rollout, rollout-undo: one change to many branches (issue 13)
#include "Cli.h"
#include "Operands.h"

#include "access/BranchLookup.h"
#include "merge/TextMerge.h"
#include "rollout/Rollout.h"
#include "templates/TemplateService.h"
#include "versions/BranchService.h"

#include <QHash>

#include <cstdio>
#include <unistd.h>

namespace retell::cli {

using namespace retell::core;

namespace {

const QString kUsage = QStringLiteral(
    "usage: rollout (--change FROM TO | --template NAME) (--branches B1,B2,... | --company "
    "ID|NAME) [--dry-run] [--notes TEXT] [--json]");

// Exit code of a rollout or its preview: conflicts and branches deployed
// meanwhile first (6), then results that fail validation (3), branches the
// user may not touch (4), database failures (7).
int exitCodeOf(bool conflictOrStale, bool invalid, bool denied, bool failed)
{
    if (conflictOrStale)
        return ExitConflict;
    if (invalid)
        return ExitValidation;
    if (denied)
        return ExitAuth;
    return failed ? ExitDatabase : ExitOk;
}

Result<AgentConfig> configOf(const DiffSide &side)
{
    if (const qsizetype bad = firstInvalidUtf8(side.prompt); bad >= 0)
        return Error::usage(
            QStringLiteral("The prompt of %1 is not valid UTF-8: bad byte at offset %2.")
                .arg(side.title)
                .arg(bad));
    return AgentConfig{QString::fromUtf8(side.prompt), QString::fromUtf8(side.toolsJson)};
}

Result<RolloutChange> changeFrom(Cli &cli, const Args &args, const Actor &actor)
{
    if (args.has(QStringLiteral("template"))) {
        auto t = TemplateService(cli.context).find(actor, args.value(QStringLiteral("template")));
        if (!t)
            return t.error();
        return RolloutChange::wholeTemplate(t->name, t->config);
    }
    // --change takes two values: the option's and the first positional.
    const QString from = args.value(QStringLiteral("change"));
    OperandResolver resolver(cli);
    auto before = resolver.resolve(from);
    if (!before)
        return before.error();
    auto after = resolver.resolve(args.positionals().first());
    if (!after)
        return after.error();
    auto beforeConfig = configOf(before.value());
    auto afterConfig = configOf(after.value());
    if (!beforeConfig || !afterConfig)
        return !beforeConfig ? beforeConfig.error() : afterConfig.error();
    return RolloutChange::difference(beforeConfig.value(), afterConfig.value(),
                                     QStringLiteral("%1 -> %2").arg(before->title, after->title));
}

// The branch ids the rollout goes to: --branches names or ids (ids of
// branches the user may not see pass on, to be reported as denied), or
// every branch of --company the user may see.
Result<QStringList> targetBranches(Cli &cli, const Args &args, const Actor &actor)
{
    auto all = BranchService(cli.context).branches(actor);
    if (!all)
        return all.error();
    QStringList ids;
    if (args.has(QStringLiteral("company"))) {
        const QString company = args.value(QStringLiteral("company")).trimmed();
        for (const Branch &b : std::as_const(*all))
            if (b.companyId == company || b.companyName.compare(company, Qt::CaseInsensitive) == 0)
                ids << b.id;
        if (ids.isEmpty())
            return Error::notFound(
                QStringLiteral("No company \"%1\" with branches that %2 may see.")
                    .arg(company, actor.user.email));
        return ids;
    }
    for (const QString &token : args.value(QStringLiteral("branches")).split(QLatin1Char(','))) {
        const QString wanted = token.trimmed();
        if (wanted.isEmpty())
            continue;
        if (BranchLookup::isBranchId(wanted)) {
            ids << wanted;
            continue;
        }
        auto branch = BranchService::resolveIn(all.value(), actor, wanted);
        if (!branch)
            return branch.error();
        ids << branch->id;
    }
    if (ids.isEmpty())
        return Error::usage(QStringLiteral("--branches names no branch."));
    return ids;
}

QString branchLabel(const Branch &branch)
{
    return branch.name.isEmpty() ? branch.id
                                 : QStringLiteral("%1 / %2").arg(branch.companyName, branch.name);
}

// Progress on a terminal's stderr only: scripts and pipes get the result alone.
RolloutProgress terminalProgress(const QString &what)
{
    if (!isatty(fileno(stderr)))
        return {};
    return [what](int done, int total) {
        std::fprintf(stderr, "\r%s %d/%d", qPrintable(what), done, total);
        if (done == total)
            std::fputs("\n", stderr);
        std::fflush(stderr);
    };
}

int printPreview(Cli &cli, const RolloutPreview &preview)
{
    const auto has = [&](RolloutPreviewOutcome o) { return preview.count(o) > 0; };
    const int code =
        exitCodeOf(has(RolloutPreviewOutcome::Conflict), has(RolloutPreviewOutcome::Invalid),
                   has(RolloutPreviewOutcome::Denied), false);
    if (cli.json) {
        QJsonArray branches;
        for (const RolloutPreviewItem &item : preview.items) {
            QJsonObject o{{QStringLiteral("branch_id"), item.branch.id},
                          {QStringLiteral("outcome"), rolloutPreviewOutcomeName(item.outcome)}};
            if (item.outcome != RolloutPreviewOutcome::Denied) {
                o.insert(QStringLiteral("branch"), item.branch.name);
                o.insert(QStringLiteral("company"), item.branch.companyName);
                o.insert(QStringLiteral("base_version"), item.baseVersion);
                o.insert(QStringLiteral("conflicts"), item.conflictCount);
                o.insert(QStringLiteral("findings"), findingsToJson(item.findings));
            }
            branches << o;
        }
        cli.printJson(QJsonObject{{QStringLiteral("id"), QJsonValue::Null},
                                  {QStringLiteral("dry_run"), true},
                                  {QStringLiteral("change"), preview.change.description},
                                  {QStringLiteral("branches"), branches}});
        return code;
    }
    cli.print(QStringLiteral("Rollout of %1 to %2 branch(es), dry run: nothing was written.")
                  .arg(cli.field(preview.change.description))
                  .arg(preview.items.size()));
    for (const RolloutPreviewItem &item : preview.items) {
        QString line = QStringLiteral("  %1  %2")
                           .arg(rolloutPreviewOutcomeName(item.outcome), -17)
                           .arg(cli.field(branchLabel(item.branch)));
        if (item.outcome == RolloutPreviewOutcome::Conflict)
            line += QStringLiteral(" (%1 conflict(s) with version %2)")
                        .arg(item.conflictCount)
                        .arg(item.baseVersion);
        else if (item.outcome != RolloutPreviewOutcome::Denied && item.baseVersion > 0)
            line += QStringLiteral(" (version %1)").arg(item.baseVersion);
        cli.print(line);
        if (item.outcome == RolloutPreviewOutcome::Invalid)
            for (const Finding &f : item.findings)
                if (f.isError())
                    cli.print(QStringLiteral("      ") + formatFinding(f));
    }
    cli.print(QStringLiteral("%1 clean, %2 already have it, %3 conflict, %4 invalid, %5 denied, "
                             "%6 without a version.")
                  .arg(preview.count(RolloutPreviewOutcome::Clean))
                  .arg(preview.count(RolloutPreviewOutcome::AlreadyHas))
                  .arg(preview.count(RolloutPreviewOutcome::Conflict))
                  .arg(preview.count(RolloutPreviewOutcome::Invalid))
                  .arg(preview.count(RolloutPreviewOutcome::Denied))
                  .arg(preview.count(RolloutPreviewOutcome::NoActiveVersion)));
    return code;
}

QJsonObject rolloutJson(const Rollout &rollout)
{
    QJsonArray branches;
    for (const RolloutBranch &b : rollout.branches) {
        QJsonObject o{{QStringLiteral("branch_id"), b.branchId},
                      {QStringLiteral("outcome"), rolloutOutcomeName(b.outcome)},
                      {QStringLiteral("version"),
                       b.versionWritten ? QJsonValue(*b.versionWritten) : QJsonValue()}};
        if (b.outcome != RolloutOutcome::Denied)
            o.insert(QStringLiteral("base_version"), b.baseVersion);
        if (b.outcome == RolloutOutcome::Stale)
            o.insert(QStringLiteral("current_version"), b.currentVersion);
        if (b.outcome == RolloutOutcome::Conflict)
            o.insert(QStringLiteral("conflicts"), b.conflictCount);
        if (b.outcome == RolloutOutcome::Invalid)
            o.insert(QStringLiteral("findings"), findingsToJson(b.findings));
        if (b.undo != RolloutUndoOutcome::None) {
            o.insert(QStringLiteral("undo"), rolloutUndoOutcomeName(b.undo));
            o.insert(QStringLiteral("undo_version"),
                     b.undoVersion ? QJsonValue(*b.undoVersion) : QJsonValue());
        }
        branches << o;
    }
    return {{QStringLiteral("id"), rollout.id},
            {QStringLiteral("change"), rollout.change.description},
            {QStringLiteral("cancelled"), rollout.cancelled},
            {QStringLiteral("branches"), branches}};
}

void printBranchLines(Cli &cli, const Rollout &rollout)
{
    for (const RolloutBranch &b : rollout.branches) {
        const QString name = b.branchName.isEmpty()
                                 ? b.branchId
                                 : QStringLiteral("%1 / %2").arg(b.companyName, b.branchName);
        QString line =
            QStringLiteral("  %1  %2").arg(rolloutOutcomeName(b.outcome), -17).arg(cli.field(name));
        if (b.versionWritten)
            line +=
                QStringLiteral(": version %1 (was %2)").arg(*b.versionWritten).arg(b.baseVersion);
        else if (b.outcome == RolloutOutcome::Stale)
            line += QStringLiteral(": version %1 was deployed after the preview of version %2")
                        .arg(b.currentVersion)
                        .arg(b.baseVersion);
        else if (b.outcome == RolloutOutcome::Conflict)
            line += QStringLiteral(": %1 conflict(s), resolve in the app").arg(b.conflictCount);
        else if (b.outcome == RolloutOutcome::Failed)
            line += QStringLiteral(": ") + cli.field(b.message);
        if (b.undo != RolloutUndoOutcome::None)
            line += QStringLiteral("; undo: %1").arg(rolloutUndoOutcomeName(b.undo));
        cli.print(line);
    }
}

int printRollout(Cli &cli, const Rollout &rollout)
{
    const auto has = [&](RolloutOutcome o) { return rollout.count(o) > 0; };
    const int code = exitCodeOf(rollout.needsAttention(), has(RolloutOutcome::Invalid),
                                has(RolloutOutcome::Denied), has(RolloutOutcome::Failed));
    if (cli.json) {
        cli.printJson(rolloutJson(rollout));
        return code;
    }
    printBranchLines(cli, rollout);
    cli.print(QStringLiteral("Rollout #%1: %2 applied, %3 unchanged, %4 conflict, %5 deployed "
                             "meanwhile, %6 invalid, %7 denied.")
                  .arg(rollout.id)
                  .arg(rollout.count(RolloutOutcome::Applied))
                  .arg(rollout.count(RolloutOutcome::Unchanged))
                  .arg(rollout.count(RolloutOutcome::Conflict))
                  .arg(rollout.count(RolloutOutcome::Stale))
                  .arg(rollout.count(RolloutOutcome::Invalid))
                  .arg(rollout.count(RolloutOutcome::Denied)));
    return code;
}

// The one argument ID of rollout-show and rollout-undo, and the user logged in.
Result<QPair<qint64, Actor>> rolloutIdAndActor(Cli &cli, const QStringList &argv,
                                               const QString &command)
{
    auto args = Args::parse(argv, {}, {});
    if (!args)
        return args.error();
    bool isNumber = false;
    const qint64 id = args->positionals().value(0).toLongLong(&isNumber);
    if (args->positionals().size() != 1 || !isNumber || id <= 0)
        return Error::usage(QStringLiteral("usage: %1 ID [--json]").arg(command));
    auto actor = cli.authenticate();
    if (!actor)
        return actor.error();
    return qMakePair(id, actor.value());
}

QString timestamp(const QDateTime &utc)
{
    return utc.toString(Qt::ISODate);
}

// rollouts: the rollouts that touched a branch the user may see, newest first.
int rolloutList(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {QStringLiteral("limit")}, {});
    if (!args)
        return cli.fail(args.error());
    auto limit = args->integer(QStringLiteral("limit"), 50, 1, 1000);
    if (!limit)
        return cli.fail(limit.error());
    if (!args->positionals().isEmpty())
        return cli.fail(Error::usage(QStringLiteral("usage: rollouts [--limit N] [--json]")));
    auto actor = cli.authenticate();
    if (!actor)
        return cli.fail(actor.error());
    auto list = RolloutService(cli.context).rollouts(actor.value(), limit.value());
    if (!list)
        return cli.fail(list.error());
    QJsonArray out;
    for (const RolloutSummary &r : std::as_const(list.value())) {
        if (cli.json) {
            out << QJsonObject{{QStringLiteral("id"), r.id},
                               {QStringLiteral("at"), timestamp(r.createdAt)},
                               {QStringLiteral("user"), r.createdByName},
                               {QStringLiteral("change"), r.description},
                               {QStringLiteral("notes"), r.notes},
                               {QStringLiteral("branches"), r.branchCount},
                               {QStringLiteral("applied"), r.appliedCount},
                               {QStringLiteral("undone_at"),
                                r.undoneAt ? QJsonValue(timestamp(*r.undoneAt)) : QJsonValue()}};
            continue;
        }
        cli.print(
            QStringLiteral("#%1  %2  %3  %4  %5/%6 branch(es) applied%7: %8")
                .arg(r.id)
                .arg(timestamp(r.createdAt), cli.field(r.createdByName), cli.field(r.description))
                .arg(r.appliedCount)
                .arg(r.branchCount)
                .arg(r.undoneAt ? QStringLiteral(", undone") : QString(), cli.field(r.notes)));
    }
    if (cli.json)
        cli.printJson(out);
    return ExitOk;
}

// rollout-show ID: one rollout and what happened on each branch the user may see.
int rolloutShow(Cli &cli, const QStringList &argv)
{
    const auto arg = rolloutIdAndActor(cli, argv, QStringLiteral("rollout-show"));
    if (!arg)
        return cli.fail(arg.error());
    const auto &[id, actor] = arg.value();
    auto shown = RolloutService(cli.context).rollout(actor, id);
    if (!shown)
        return cli.fail(shown.error());
    if (cli.json) {
        QJsonObject o = rolloutJson(shown.value());
        o.insert(QStringLiteral("at"), timestamp(shown->createdAt));
        o.insert(QStringLiteral("user"), shown->createdByName);
        o.insert(QStringLiteral("notes"), shown->notes);
        o.insert(QStringLiteral("undone_at"),
                 shown->undoneAt ? QJsonValue(timestamp(*shown->undoneAt)) : QJsonValue());
        cli.printJson(o);
        return ExitOk;
    }
    cli.print(QStringLiteral("Rollout #%1 of %2 by %3 at %4: %5")
                  .arg(id)
                  .arg(cli.field(shown->change.description), cli.field(shown->createdByName),
                       timestamp(shown->createdAt), cli.field(shown->notes)));
    if (shown->undoneAt)
        cli.print(QStringLiteral("Undone by %1 at %2.")
                      .arg(cli.field(shown->undoneByName), timestamp(*shown->undoneAt)));
    printBranchLines(cli, shown.value());
    return ExitOk;
}

int rollout(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv,
                            {QStringLiteral("change"), QStringLiteral("template"),
                             QStringLiteral("branches"), QStringLiteral("company"),
                             QStringLiteral("notes")},
                            {QStringLiteral("dry-run")});
    if (!args)
        return cli.fail(args.error());
    const bool byChange = args->has(QStringLiteral("change"));
    const bool byTemplate = args->has(QStringLiteral("template"));
    const bool dryRun = args->has(QStringLiteral("dry-run"));
    if (byChange == byTemplate || args->positionals().size() != (byChange ? 1 : 0) ||
        args->has(QStringLiteral("branches")) == args->has(QStringLiteral("company")))
        return cli.fail(Error::usage(kUsage));
    if (!dryRun && args->value(QStringLiteral("notes")).trimmed().isEmpty())
        return cli.fail(Error::usage(
            QStringLiteral("Say with --notes why this change is rolled out (or use --dry-run).")));
    auto actor = cli.authenticate();
    if (!actor)
        return cli.fail(actor.error());
    auto change = changeFrom(cli, args.value(), actor.value());
    if (!change)
        return cli.fail(change.error());
    auto ids = targetBranches(cli, args.value(), actor.value());
    if (!ids)
        return cli.fail(ids.error());
    const RolloutService service(cli.context);
    auto preview = service.preview(actor.value(), change.value(), ids.value(),
                                   terminalProgress(QStringLiteral("preview")));
    if (!preview)
        return cli.fail(preview.error());
    if (dryRun)
        return printPreview(cli, preview.value());
    auto applied = service.apply(actor.value(), change.value(), preview->items,
                                 args->value(QStringLiteral("notes")),
                                 terminalProgress(QStringLiteral("apply")));
    if (!applied)
        return cli.fail(applied.error());
    return printRollout(cli, applied.value());
}

int rolloutUndo(Cli &cli, const QStringList &argv)
{
    const auto arg = rolloutIdAndActor(cli, argv, QStringLiteral("rollout-undo"));
    if (!arg)
        return cli.fail(arg.error());
    const auto &[id, actor] = arg.value();
    auto undone = RolloutService(cli.context).undo(actor, id);
    if (!undone)
        return cli.fail(undone.error());
    bool changed = false;
    QJsonArray branches;
    for (const RolloutBranch &b : undone->branches) {
        if (b.undo == RolloutUndoOutcome::None)
            continue; // wrote nothing in this rollout
        changed = changed || b.undo == RolloutUndoOutcome::ChangedSince;
        if (cli.json) {
            QJsonObject o{{QStringLiteral("branch_id"), b.branchId},
                          {QStringLiteral("undo"), rolloutUndoOutcomeName(b.undo)},
                          {QStringLiteral("version"),
                           b.undoVersion ? QJsonValue(*b.undoVersion) : QJsonValue()}};
            if (b.undo == RolloutUndoOutcome::ChangedSince)
                o.insert(QStringLiteral("active_version"), b.activeVersion);
            branches << o;
            continue;
        }
        const QString name = QStringLiteral("%1 / %2").arg(b.companyName, b.branchName);
        switch (b.undo) {
        case RolloutUndoOutcome::Undone:
            cli.print(QStringLiteral("  undone         %1: version %2 restores version %3")
                          .arg(cli.field(name))
                          .arg(b.undoVersion.value_or(0))
                          .arg(b.baseVersion));
            break;
        case RolloutUndoOutcome::ChangedSince:
            cli.print(QStringLiteral("  changed_since  %1: version %2 is active, left as it is")
                          .arg(cli.field(name))
                          .arg(b.activeVersion));
            break;
        default:
            cli.print(QStringLiteral("  %1  %2")
                          .arg(rolloutUndoOutcomeName(b.undo), -13)
                          .arg(cli.field(name)));
            break;
        }
    }
    if (cli.json)
        cli.printJson(
            QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("branches"), branches}});
    else
        cli.print(changed
                      ? QStringLiteral("Rollout #%1 undone where nothing changed since; the "
                                       "branches listed as changed_since were left as they are.")
                            .arg(id)
                      : QStringLiteral("Rollout #%1 undone.").arg(id));
    return changed ? ExitConflict : ExitOk;
}

} // namespace

void registerRolloutCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("rollout"), rollout);
    commands.insert(QStringLiteral("rollout-undo"), rolloutUndo);
    commands.insert(QStringLiteral("rollouts"), rolloutList);
    commands.insert(QStringLiteral("rollout-show"), rolloutShow);
}

} // namespace retell::cli
