// merge OURS BASE THEIRS — three-way merge of prompts and tools, operands as for diff
#include "Cli.h"
#include "CommandMergeOutput.h"
#include "Operands.h"

#include <QJsonDocument>

#include <cstdio>

namespace retell::cli {

using namespace retell::core;

namespace {

int merge(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {QStringLiteral("output")}, {QStringLiteral("json")});
    if (!args)
        return cli.fail(args.error());
    if (args->positionals().size() != 3)
        return cli.fail(
            Error::usage(QStringLiteral("usage: merge OURS BASE THEIRS [--output FILE] [--json]")));
    OperandResolver resolver(cli);
    PerInput<DiffSide> sides;
    const PerInput<int> position{{1, 0, 2}}; // OURS BASE THEIRS, as diff3 takes them
    for (const MergeInput input : allInputs) {
        auto side = resolver.resolve(args->positionals().at(position[input]));
        if (!side)
            return cli.fail(side.error());
        sides[input] = side.value();
    }
    const ConfigMerge merged =
        mergeConfig(sides[MergeInput::Base], sides[MergeInput::Ours], sides[MergeInput::Theirs]);
    PerInput<QString> titles;
    for (const MergeInput input : allInputs)
        titles[input] = sides[input].title;
    if (auto refused = mergeInputError(merged, titles))
        return cli.fail(*refused);
    const TextMerge &prompt = merged.prompt;
    const ToolsMerge &tools = merged.tools;
    const bool clean = merged.clean();
    const bool hasTools = std::any_of(allInputs.begin(), allInputs.end(), [&](MergeInput input) {
        return !sides[input].toolsJson.isEmpty();
    });

    const QByteArray out = cli.json || args->has(QStringLiteral("json")) || hasTools
                               ? QJsonDocument(mergeExportJson(prompt, tools)).toJson()
                               : mergedText(prompt);
    if (auto written = writeMergeOutput(args->value(QStringLiteral("output")), out, stdout);
        !written)
        return cli.fail(written.error());
    if (!clean)
        reportConflictsLeft(prompt, tools);
    return clean ? ExitOk : ExitDifferent;
}

} // namespace

void registerMergeCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("merge"), merge);
}

} // namespace retell::cli
