// merge OURS BASE THEIRS — three-way merge of prompts and tools, operands as for diff
#include "Cli.h"
#include "Operands.h"

#include "diff/ToolsDiff.h"
#include "merge/TextMerge.h"
#include "merge/ToolsMerge.h"

#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>

namespace retell::cli {

using namespace retell::core;

namespace {

const PerInput<QString> kInputNames{
    {QStringLiteral("base"), QStringLiteral("ours"), QStringLiteral("theirs")}};

QJsonObject linesJson(const TextConflict &conflict, MergeInput input)
{
    const LineRange range = conflict.lines[input];
    return {{QStringLiteral("first_line"), range.start + 1},
            {QStringLiteral("line_count"), range.count},
            {QStringLiteral("text"), conflict.text[input]}};
}

QJsonArray conflictsJson(const TextMerge &prompt, const ToolsMerge &tools)
{
    QJsonArray out;
    for (const TextConflict &conflict : prompt.conflicts) {
        QJsonObject o{{QStringLiteral("kind"), QStringLiteral("prompt")}};
        for (const MergeInput input : allInputs)
            o.insert(kInputNames[input], linesJson(conflict, input));
        out.append(o);
    }
    for (const ToolConflict &conflict : tools.conflicts) {
        QJsonObject o{{QStringLiteral("kind"), QStringLiteral("tool")},
                      {QStringLiteral("tool"), conflict.tool},
                      {QStringLiteral("path"), conflict.path}};
        // An absent value (tool or field missing on that side) is left out.
        for (const MergeInput input : allInputs) {
            if (!conflict.values[input].isUndefined())
                o.insert(kInputNames[input], conflict.values[input]);
        }
        out.append(o);
    }
    return out;
}

Error invalidInput(const TextMergeError &error, const PerInput<DiffSide> &sides)
{
    return Error::usage(
        QStringLiteral("The %1 prompt (%2) is not valid UTF-8: bad byte at offset %3.")
            .arg(kInputNames[error.input], sides[error.input].title)
            .arg(error.offset));
}

Error invalidInput(const ToolsMergeError &error, const PerInput<DiffSide> &sides)
{
    const QString what = kInputNames[error.input];
    const QString title = sides[error.input].title;
    if (error.kind == ToolsMergeError::NotArray)
        return Error::usage(
            QStringLiteral("The %1 tools (%2) are not a JSON array.").arg(what, title));
    return Error::usage(QStringLiteral("The %1 tools (%2) are not valid JSON: %3 at byte %4.")
                            .arg(what, title, error.detail)
                            .arg(error.offset));
}

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
    const auto prompts = [&](MergeInput input) -> const QByteArray & {
        return sides[input].prompt;
    };
    const auto toolsOf = [&](MergeInput input) -> const QByteArray & {
        return sides[input].toolsJson;
    };
    const TextMerge prompt = mergeText(prompts(MergeInput::Base), prompts(MergeInput::Ours),
                                       prompts(MergeInput::Theirs));
    if (!prompt.ok())
        return cli.fail(invalidInput(*prompt.error, sides));
    const ToolsMerge tools = mergeTools(toolsOf(MergeInput::Base), toolsOf(MergeInput::Ours),
                                        toolsOf(MergeInput::Theirs));
    if (!tools.ok())
        return cli.fail(invalidInput(*tools.error, sides));
    const bool clean = prompt.clean() && tools.clean();
    const bool hasTools = std::any_of(allInputs.begin(), allInputs.end(),
                                      [&](MergeInput input) { return !toolsOf(input).isEmpty(); });

    QByteArray out;
    if (cli.json || args->has(QStringLiteral("json")) || hasTools) {
        // The merged export: importable once "conflicts" is empty and the
        // prompt has no markers left (see README "Merging").
        QJsonObject o{{QStringLiteral("format"), QStringLiteral("retell-admin-merge/1")},
                      {QStringLiteral("clean"), clean},
                      {QStringLiteral("prompt"), QString::fromUtf8(mergedText(prompt))},
                      {QStringLiteral("tools"), mergedToolsArray(tools)},
                      {QStringLiteral("conflicts"), conflictsJson(prompt, tools)}};
        out = QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        out = mergedText(prompt);
    }
    const QString output = args->value(QStringLiteral("output"));
    if (output.isEmpty() || output == QLatin1String("-")) {
        std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    } else {
        QSaveFile file(output); // atomic: never a half-written merge
        if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size() || !file.commit())
            return cli.fail(
                Error::io(QStringLiteral("Cannot write %1: %2.").arg(output, file.errorString())));
    }
    if (!clean) {
        std::fprintf(stderr, "retell-admin-cli: conflicts left to resolve: %d\n",
                     int(prompt.conflicts.size() + tools.conflicts.size()));
    }
    return clean ? ExitOk : ExitDifferent;
}

} // namespace

void registerMergeCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("merge"), merge);
}

} // namespace retell::cli
