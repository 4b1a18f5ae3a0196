// diff A B — files, BRANCH@VERSION, BRANCH@active or template:NAME
#include "Cli.h"
#include "Operands.h"

#include "diff/DiffInput.h"
#include "diff/DiffRender.h"
#include "diff/LineDiff.h"
#include "diff/MoveDetection.h"
#include "diff/ToolsDiff.h"

#include <cstdio>
#include <optional>
#include <unistd.h>

namespace retell::cli {

using namespace retell::core;

namespace {

// "moved from line 3 to line 12 (4 lines, with changes)", one per moved paragraph.
QString movesText(const MoveDetection &moves)
{
    QString out;
    for (const MovedBlock &move : moves.moves) {
        out += QStringLiteral("moved from line %1 to line %2 (%3 line(s)%4)\n")
                   .arg(move.start[Side::Left] + 1)
                   .arg(move.start[Side::Right] + 1)
                   .arg(move.count[Side::Right])
                   .arg(move.identical() ? QString() : QStringLiteral(", with changes"));
    }
    return out;
}

// [{"old_start", "old_lines", "new_start", "new_lines", "changed"}], 1-based.
QJsonArray movesJson(const MoveDetection &moves)
{
    QJsonArray out;
    for (const MovedBlock &move : moves.moves)
        out.append(QJsonObject{{QStringLiteral("old_start"), move.start[Side::Left] + 1},
                               {QStringLiteral("old_lines"), move.count[Side::Left]},
                               {QStringLiteral("new_start"), move.start[Side::Right] + 1},
                               {QStringLiteral("new_lines"), move.count[Side::Right]},
                               {QStringLiteral("changed"), !move.identical()}});
    return out;
}

int diff(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {QStringLiteral("width"), QStringLiteral("context")},
                            {QStringLiteral("side-by-side"), QStringLiteral("ignore-whitespace"),
                             QStringLiteral("ignore-case"), QStringLiteral("minimal"),
                             QStringLiteral("color"), QStringLiteral("colour"),
                             QStringLiteral("no-color"), QStringLiteral("json")});
    if (!args)
        return cli.fail(args.error());
    if (args->positionals().size() != 2)
        return cli.fail(Error::usage(
            QStringLiteral("usage: diff A B [--side-by-side] [--width N] [--ignore-whitespace] "
                           "[--ignore-case] [--minimal] [--context N] [--color|--no-color]")));
    auto width = args->integer(QStringLiteral("width"), 130, 20, 1000);
    auto context = args->integer(QStringLiteral("context"), 3, 0, 100000);
    if (!width || !context)
        return cli.fail(!width ? width.error() : context.error());
    OperandResolver resolver(cli);
    auto left = resolver.resolve(args->positionals().at(0));
    if (!left)
        return cli.fail(left.error());
    auto right = resolver.resolve(args->positionals().at(1));
    if (!right)
        return cli.fail(right.error());

    DiffOptions options;
    options.ignoreWhitespace = args->has(QStringLiteral("ignore-whitespace"));
    options.ignoreCase = args->has(QStringLiteral("ignore-case"));
    options.minimal = args->has(QStringLiteral("minimal"));
    options.context = std::max(0, context.value());
    const LineDiff prompt = computeLineDiff(left->prompt, right->prompt, options);
    const ToolsDiff tools = computeToolsDiff(left->toolsJson, right->toolsJson);
    const bool identical = prompt.identical && tools.identical();

    if (cli.json || args->has(QStringLiteral("json"))) {
        QJsonObject o =
            renderJson(prompt, tools, left->title, right->title, options.context).object();
        QJsonObject promptJson = o.value(QStringLiteral("prompt")).toObject();
        promptJson.insert(QStringLiteral("moves"), movesJson(detectMoves(prompt)));
        o.insert(QStringLiteral("prompt"), promptJson);
        const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Indented);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return identical ? ExitOk : ExitDifferent;
    }
    bool colour = isatty(STDOUT_FILENO) && qEnvironmentVariableIsEmpty("NO_COLOR");
    if (args->has(QStringLiteral("color")) || args->has(QStringLiteral("colour")))
        colour = true;
    if (args->has(QStringLiteral("no-color")))
        colour = false;
    // On a terminal the lines are shown with their control characters
    // escaped (see Cli::print); whether they differ is decided on the exact text.
    std::optional<LineDiff> shownPrompt;
    if (Cli::stdoutIsTerminal()) {
        const auto shown = [](const QByteArray &text) {
            return Cli::escapeControls(QString::fromUtf8(text), true).toUtf8();
        };
        shownPrompt = computeLineDiff(shown(left->prompt), shown(right->prompt), options);
    }
    const LineDiff &rendered = shownPrompt ? *shownPrompt : prompt;
    // The unified diff stays what GNU diff and patch read; the side-by-side
    // view says which paragraphs moved below it.
    QString out =
        args->has(QStringLiteral("side-by-side"))
            ? (prompt.identical ? QString()
                                : renderSideBySide(rendered, std::max(20, width.value()), colour) +
                                      movesText(detectMoves(prompt)))
            : renderUnified(rendered, left->title, right->title, colour, options.context);
    if (!tools.identical())
        out += renderToolsText(tools, colour);
    const QByteArray bytes = out.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    if (!tools.ok())
        std::fprintf(stderr, "retell-admin-cli: %s\n", qPrintable(tools.error->message));
    if (prompt.approximate)
        std::fprintf(stderr,
                     "retell-admin-cli: the prompt diff is approximate (correct but maybe not the "
                     "shortest: the inputs are large); --minimal finds the shortest.\n");
    return identical ? ExitOk : ExitDifferent;
}

} // namespace

void registerDiffCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("diff"), diff);
}

} // namespace retell::cli
