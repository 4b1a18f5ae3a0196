// deploy --base N --merge: three-way merge with what was deployed since N
#include "CommandsDeployMerge.h"
#include "CommandMergeOutput.h"
#include "CommandsRetell.h"

#include "merge/ConfigMerge.h"

#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

namespace retell::cli {

using namespace retell::core;

namespace {

// What a refused deploy --base says in --json, on stdout beside the error line.
QJsonObject refusalJson(const QString &outcome, const VersionConflict &conflict)
{
    return {{QStringLiteral("deployed"), false},
            {QStringLiteral("outcome"), outcome},
            {QStringLiteral("base_version"), conflict.baseVersion.value_or(0)},
            {QStringLiteral("current"), toJson(conflict.current, false)}};
}

// The merge of the edit (ours) with the versions base and current (theirs).
struct BranchMerge
{
    ConfigMerge merge;

    // The merged tools differ from the edit's: a conflict, or a change taken
    // from their side. Then only the merged export carries the whole merge.
    bool toolsNeedExport() const
    {
        const ToolsMerge &tools = merge.tools;
        return !tools.clean() ||
               std::any_of(tools.changes.begin(), tools.changes.end(), [](const auto &change) {
                   return change.origin == ToolMergeChange::Theirs ||
                          change.origin == ToolMergeChange::Combined;
               });
    }
    // The merge as `merge` writes it: the prompt with markers when the
    // edit's tools file stays as it is, else the merged export.
    QByteArray written() const
    {
        return toolsNeedExport()
                   ? QJsonDocument(mergeExportJson(merge.prompt, merge.tools)).toJson()
                   : mergedText(merge.prompt);
    }
};

Result<BranchMerge> mergeWithCurrent(Cli &cli, const Actor &actor, const Branch &branch,
                                     const AgentConfig &edit, const VersionConflict &conflict)
{
    const int baseVersion = conflict.baseVersion.value_or(0);
    AgentConfig base;
    if (baseVersion > 0) {
        auto version = VersionService(cli.context).version(actor, branch.id, baseVersion);
        if (!version)
            return version.error();
        base = version->config;
    }
    const PerInput<QString> titles{
        {QStringLiteral("%1@%2").arg(branch.name).arg(baseVersion), QStringLiteral("the edit"),
         QStringLiteral("%1@%2").arg(branch.name).arg(conflict.current.version)}};
    BranchMerge merge{mergeConfig(base, edit, conflict.current.config)};
    if (auto refused = mergeInputError(merge.merge, titles))
        return *refused;
    return merge;
}

// Nothing deployed: the merge with markers goes to --output (or stderr).
int refuseConflictingMerge(Cli &cli, const BranchMerge &merge, const VersionConflict &conflict,
                           const QString &output)
{
    const int conflicts = merge.merge.conflictCount();
    const QString who = conflict.current.deployedByName.isEmpty() ? QStringLiteral("someone else")
                                                                  : conflict.current.deployedByName;
    const bool toStderr = output.isEmpty() || output == QLatin1String("-");
    const QString where = toStderr && cli.json ? QStringLiteral("is in the JSON output")
                          : toStderr           ? QStringLiteral("follows")
                                               : QStringLiteral("is in %1").arg(output);
    cli.fail(Error::conflict(
        QStringLiteral("Version %1 was deployed by %2 since version %3 and the merge has %4 "
                       "conflict(s); nothing was deployed. The merge with markers %5.")
            .arg(conflict.current.version)
            .arg(who)
            .arg(conflict.baseVersion.value_or(0))
            .arg(conflicts)
            .arg(where)));
    if (cli.json) {
        QJsonObject o = refusalJson(QStringLiteral("merge_conflict"), conflict);
        o.insert(QStringLiteral("merge"), mergeExportJson(merge.merge.prompt, merge.merge.tools));
        cli.printJson(o);
    }
    if (!cli.json || !toStderr) {
        std::fflush(stderr);
        if (auto written = writeMergeOutput(output, merge.written(), stderr); !written)
            return cli.fail(written.error());
    }
    return ExitConflict;
}

} // namespace

int deployAgainstNewerVersion(Cli &cli, const Actor &actor, const Branch &branch,
                              const DeployRequest &request, const Error &refused,
                              const BaseConflictOptions &options)
{
    const VersionConflict &conflict = *refused.versionConflict;
    // Without --merge, or with nothing active to merge with: refused as it is.
    if (!options.merge || conflict.current.version == 0) {
        if (cli.json)
            cli.printJson(refusalJson(QStringLiteral("conflict"), conflict));
        return cli.fail(refused);
    }
    auto merge = mergeWithCurrent(cli, actor, branch, request.config, conflict);
    if (!merge)
        return cli.fail(merge.error());
    if (!merge->merge.clean())
        return refuseConflictingMerge(cli, merge.value(), conflict, options.output);

    DeployRequest merged = request;
    merged.config = merge->merge.merged();
    // The base is what was merged with: another deploy meanwhile is refused
    // as a conflict again, never overwritten.
    merged.baseVersion = conflict.current.version;
    merged.notes =
        QStringLiteral("%1 (merged with v%2)").arg(request.notes).arg(conflict.current.version);
    auto outcome = VersionService(cli.context).deploy(actor, branch.id, merged);
    if (!outcome) {
        const Error &error = outcome.error();
        if (cli.json) {
            const bool invalid = error.kind == ErrorKind::Validation;
            QJsonObject o =
                refusalJson(invalid ? QStringLiteral("merge_invalid") : QStringLiteral("refused"),
                            error.versionConflict ? *error.versionConflict : conflict);
            o.insert(QStringLiteral("findings"), findingsToJson(error.findings));
            o.insert(QStringLiteral("merge"),
                     mergeExportJson(merge->merge.prompt, merge->merge.tools));
            cli.printJson(o);
        }
        if (!options.output.isEmpty()) {
            if (auto written = writeMergeOutput(options.output, merge->written(), stderr); !written)
                return cli.fail(written.error());
        }
        return cli.fail(error);
    }
    return printDeployedAndPublish(
        cli, actor, branch, outcome.value(),
        QStringLiteral("Merged with v%1 and deployed").arg(conflict.current.version),
        {{QStringLiteral("base_version"), conflict.baseVersion.value_or(0)},
         {QStringLiteral("merged_with"), conflict.current.version}});
}

} // namespace retell::cli
