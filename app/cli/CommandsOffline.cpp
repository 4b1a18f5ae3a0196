// sync, outbox, resolve: the outbox of the local replica (issue 12 §7)
#include "CommandsOffline.h"

#include "io/AgentConfigCodec.h"
#include "offline/OfflineWork.h"
#include "offline/Sync.h"

#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

namespace retell::cli {

using namespace retell::core;

QJsonObject toJson(const QueuedOperation &op)
{
    QJsonObject o{{QStringLiteral("id"), op.id},
                  {QStringLiteral("seq"), op.seq},
                  {QStringLiteral("branch_id"), op.branchId},
                  {QStringLiteral("kind"), QueuedOperation::kindName(op.kind)},
                  {QStringLiteral("base_version"),
                   op.baseVersion ? QJsonValue(*op.baseVersion) : QJsonValue()},
                  {QStringLiteral("state"), QueuedOperation::stateName(op.state)},
                  {QStringLiteral("last_error"),
                   op.lastErrorMessage.isEmpty() ? QJsonValue() : QJsonValue(op.lastErrorMessage)},
                  {QStringLiteral("last_error_code"),
                   op.lastErrorCode.isEmpty() ? QJsonValue() : QJsonValue(op.lastErrorCode)},
                  {QStringLiteral("attempts"), op.attempts},
                  {QStringLiteral("user_id"), op.userId},
                  {QStringLiteral("created_at"), op.createdAt.toString(Qt::ISODate)},
                  {QStringLiteral("notes"), op.notes}};
    if (!op.templateName.isEmpty())
        o.insert(QStringLiteral("template_name"), op.templateName);
    if (op.kind == QueuedOperation::Kind::Rollback)
        o.insert(QStringLiteral("to_version"), op.toVersion);
    return o;
}

QString describeQueued(const Cli &cli, const QueuedOperation &op)
{
    QString what = QueuedOperation::kindName(op.kind);
    if (op.kind == QueuedOperation::Kind::Rollback)
        what += QStringLiteral(" to v%1").arg(op.toVersion);
    else if (!op.templateName.isEmpty())
        what += QStringLiteral(" \"%1\"").arg(cli.field(op.templateName));
    QString line =
        QStringLiteral("%1  %2  %3  branch %4, based on v%5: %6")
            .arg(QueuedOperation::stateName(op.state).leftJustified(8), op.id, what, op.branchId)
            .arg(op.baseVersion.value_or(0))
            .arg(cli.field(op.notes));
    if (!op.lastErrorMessage.isEmpty())
        line += QStringLiteral("\n          why: ") + cli.field(op.lastErrorMessage);
    return line;
}

int printQueued(Cli &cli, const Branch &branch, const Result<QueuedOperation> &queued)
{
    if (!queued)
        return cli.fail(queued.error());
    if (cli.json) {
        QJsonObject o = toJson(queued.value());
        o.insert(QStringLiteral("branch"), toJson(branch));
        cli.printJson(o);
        return ExitOk;
    }
    cli.print(QStringLiteral("Queued %1 to %2 / %3 as operation %4 (based on version %5); sync "
                             "pushes it when the server is reachable.")
                  .arg(QueuedOperation::kindName(queued->kind), cli.field(branch.companyName),
                       cli.field(branch.name), queued->id)
                  .arg(queued->baseVersion.value_or(0)));
    return ExitOk;
}

namespace {

// What is left in the outbox that needs the admin.
int countNeedingAdmin(const QList<QueuedOperation> &ops)
{
    return int(std::count_if(ops.begin(), ops.end(), [](const QueuedOperation &op) {
        return op.state != QueuedOperation::State::Pending;
    }));
}

int sync(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {}, {});
    if (!args)
        return cli.fail(args.error());
    if (!args->positionals().isEmpty())
        return cli.fail(Error::usage(QStringLiteral("usage: sync")));
    auto actor = cli.authenticate();
    if (!actor)
        return cli.fail(actor.error());
    auto replica = cli.openReplica(false);
    if (!replica)
        return cli.fail(replica.error());
    PullProgress progress;
    if (isatty(STDERR_FILENO) == 1 && !cli.json)
        progress.report = [](qint64 done, qint64 total) {
            std::fprintf(stderr, "\rPulling versions: %lld of %lld", qlonglong(done),
                         qlonglong(total));
            std::fflush(stderr);
        };
    auto report = Sync(cli.context, replica.value()).run(actor.value(), progress);
    if (progress.report)
        std::fputs("\n", stderr);
    if (!report)
        return cli.fail(report.error());
    auto left = Outbox(replica.value()).operations();
    if (!left)
        return cli.fail(left.error());
    const PushReport &push = report->push;
    const PullReport &pull = report->pull;
    const int needsAdmin = countNeedingAdmin(left.value());
    if (cli.json) {
        QJsonArray ops;
        for (const QueuedOperation &op : std::as_const(*left))
            ops << toJson(op);
        cli.printJson(QJsonObject{
            {QStringLiteral("push"), QJsonObject{{QStringLiteral("applied"), push.applied},
                                                 {QStringLiteral("replayed"), push.replayed},
                                                 {QStringLiteral("conflicts"), push.conflicts},
                                                 {QStringLiteral("refused"), push.refused},
                                                 {QStringLiteral("waiting"), push.waiting},
                                                 {QStringLiteral("stopped"), push.stopped},
                                                 {QStringLiteral("stop_reason"), push.stopReason}}},
            {QStringLiteral("pull"),
             QJsonObject{{QStringLiteral("done"), report->pulled},
                         {QStringLiteral("branches"), pull.branches},
                         {QStringLiteral("branches_removed"), pull.branchesRemoved},
                         {QStringLiteral("versions_added"), pull.versionsAdded},
                         {QStringLiteral("active_changed"), pull.activeChanged},
                         {QStringLiteral("templates"), pull.templates}}},
            {QStringLiteral("outbox"), ops},
            {QStringLiteral("replica"), replica->spec.path}});
    } else {
        cli.print(QStringLiteral("Pushed: %1 applied, %2 applied before (nothing written), %3 "
                                 "conflict(s), %4 refused, %5 waiting.")
                      .arg(push.applied)
                      .arg(push.replayed)
                      .arg(push.conflicts)
                      .arg(push.refused)
                      .arg(push.waiting));
        if (report->pulled)
            cli.print(QStringLiteral("Pulled into %1: %2 branch(es), %3 new version(s), %4 active "
                                     "version(s) moved, %5 branch(es) removed, %6 template(s).")
                          .arg(replica->spec.path)
                          .arg(pull.branches)
                          .arg(pull.versionsAdded)
                          .arg(pull.activeChanged)
                          .arg(pull.branchesRemoved)
                          .arg(pull.templates));
        for (const QueuedOperation &op : std::as_const(*left))
            if (op.state != QueuedOperation::State::Pending)
                cli.print(describeQueued(cli, op));
        if (needsAdmin > 0)
            cli.print(QStringLiteral("%1 operation(s) need you: merge a conflict and resolve it, "
                                     "or drop it (see outbox).")
                          .arg(needsAdmin));
    }
    if (push.stopped)
        return cli.fail(Error::database(
            QStringLiteral("The push stopped: %1 What is left stays queued; sync again later.")
                .arg(push.stopReason)));
    return needsAdmin > 0 ? ExitConflict : ExitOk;
}

int outbox(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {}, {QStringLiteral("yes")});
    if (!args)
        return cli.fail(args.error());
    const QStringList &pos = args->positionals();
    const bool drop = !pos.isEmpty() && pos.first() == QLatin1String("drop");
    if ((drop && pos.size() != 2) || (!drop && !pos.isEmpty()) ||
        (!drop && args->has(QStringLiteral("yes"))))
        return cli.fail(
            Error::usage(QStringLiteral("usage: outbox [--json] | outbox drop OPID --yes")));
    auto actor = cli.loginToReplica();
    if (!actor)
        return cli.fail(actor.error());
    const Outbox box(cli.context);
    if (drop) {
        auto op = box.operation(pos.at(1));
        if (!op)
            return cli.fail(op.error());
        if (!args->has(QStringLiteral("yes")))
            return cli.fail(Error::usage(
                QStringLiteral("Dropping operation %1 throws away its queued %2 for good; add "
                               "--yes to drop it.")
                    .arg(op->id, QueuedOperation::kindName(op->kind))));
        if (auto r = box.remove(op->id); !r)
            return cli.fail(r.error());
        if (cli.json)
            cli.printJson(toJson(op.value()));
        else
            cli.print(QStringLiteral("Dropped operation %1 (%2 to branch %3).")
                          .arg(op->id, QueuedOperation::kindName(op->kind), op->branchId));
        return ExitOk;
    }
    auto ops = box.operations();
    if (!ops)
        return cli.fail(ops.error());
    if (cli.json) {
        QJsonArray out;
        for (const QueuedOperation &op : std::as_const(*ops))
            out << toJson(op);
        cli.printJson(out);
        return ExitOk;
    }
    if (ops->isEmpty())
        cli.print(QStringLiteral("The outbox is empty."));
    for (const QueuedOperation &op : std::as_const(*ops))
        cli.print(describeQueued(cli, op));
    return ExitOk;
}

int resolve(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(
        argv, {QStringLiteral("prompt"), QStringLiteral("tools"), QStringLiteral("merged")}, {});
    if (!args)
        return cli.fail(args.error());
    const bool files = args->has(QStringLiteral("prompt")) && args->has(QStringLiteral("tools"));
    const bool merged = args->has(QStringLiteral("merged"));
    if (args->positionals().size() != 1 || files == merged ||
        (merged && (args->has(QStringLiteral("prompt")) || args->has(QStringLiteral("tools")))))
        return cli.fail(Error::usage(
            QStringLiteral("usage: resolve OPID (--prompt FILE --tools FILE | --merged FILE)")));
    AgentConfig content;
    if (merged) {
        auto bytes = Cli::readFile(args->value(QStringLiteral("merged")));
        if (!bytes)
            return cli.fail(bytes.error());
        auto decoded = AgentConfigCodec::decode(bytes.value());
        if (!decoded)
            return cli.fail(decoded.error());
        content = decoded->config;
    } else {
        auto prompt =
            Cli::readText(args->value(QStringLiteral("prompt")), QStringLiteral("prompt"));
        auto tools = Cli::readText(args->value(QStringLiteral("tools")), QStringLiteral("tools"));
        if (!prompt || !tools)
            return cli.fail(!prompt ? prompt.error() : tools.error());
        content = {prompt.value(), tools.value()};
    }
    auto actor = cli.loginToReplica();
    if (!actor)
        return cli.fail(actor.error());
    auto op = OfflineWork(cli.context).resolve(actor.value(), args->positionals().first(), content);
    if (!op)
        return cli.fail(op.error());
    if (cli.json)
        cli.printJson(toJson(op.value()));
    else
        cli.print(QStringLiteral("Operation %1 now holds the merged content, based on version %2; "
                                 "sync pushes it.")
                      .arg(op->id)
                      .arg(op->baseVersion.value_or(0)));
    return ExitOk;
}

} // namespace

void registerOfflineCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("sync"), sync);
    commands.insert(QStringLiteral("outbox"), outbox);
    commands.insert(QStringLiteral("resolve"), resolve);
}

} // namespace retell::cli
