// diff A B — files, BRANCH@VERSION, BRANCH@active or template:NAME
#include "Cli.h"

#include "diff/DiffInput.h"
#include "diff/DiffRender.h"
#include "diff/LineDiff.h"
#include "diff/ToolsDiff.h"
#include "templates/TemplateService.h"
#include "versions/BranchService.h"
#include "versions/VersionService.h"

#include <QFileInfo>

#include <cstdio>
#include <optional>
#include <unistd.h>

namespace retell::cli {

using namespace retell::core;

namespace {

DiffSide fromConfig(const AgentConfig &config, const QString &title)
{
    return DiffSide{title, config.prompt.toUtf8(), config.toolsJson.toUtf8()};
}

// Resolves one operand; logs in only when a branch version is asked for.
class OperandResolver
{
public:
    explicit OperandResolver(Cli &cli) : m_cli(cli) {}

    Result<DiffSide> resolve(const QString &spec)
    {
        if (spec.startsWith(QLatin1String("template:"))) {
            if (auto r = database(); !r)
                return r.error();
            auto t = TemplateService(m_cli.context).find(spec.mid(9));
            if (!t)
                return t.error();
            return fromConfig(t->config, QStringLiteral("template:%1").arg(t->name));
        }
        const qsizetype at = spec.lastIndexOf(QLatin1Char('@'));
        if (at > 0 && !QFileInfo::exists(spec)) {
            const QString which = spec.mid(at + 1);
            bool isNumber = false;
            const int number = which.toInt(&isNumber);
            if (which != QLatin1String("active") && (!isNumber || number <= 0))
                return Error::usage(QStringLiteral("\"%1\": after @ give a version number or \"active\".").arg(spec));
            auto actor = login();
            if (!actor)
                return actor.error();
            auto branch = BranchService(m_cli.context).resolve(actor.value(), spec.left(at));
            if (!branch)
                return branch.error();
            VersionService versions(m_cli.context);
            auto v = isNumber ? versions.version(actor.value(), branch->id, number) : versions.active(actor.value(), branch->id);
            if (!v)
                return v.error();
            return fromConfig(v->config, QStringLiteral("%1@%2").arg(branch->name).arg(v->version));
        }
        auto side = loadDiffSide(spec);
        if (auto *error = std::get_if<DiffInputError>(&side))
            return Error::io(error->message);
        return std::get<DiffSide>(side);
    }

private:
    Result<void> database()
    {
        if (m_databaseReady)
            return {};
        if (auto r = m_cli.openDatabase(); !r)
            return r;
        m_databaseReady = true;
        return {};
    }
    Result<Actor> login()
    {
        if (m_actor)
            return *m_actor;
        if (auto r = database(); !r)
            return r.error();
        auto actor = m_cli.login();
        if (actor)
            m_actor = actor.value();
        return actor;
    }

    Cli &m_cli;
    bool m_databaseReady = false;
    std::optional<Actor> m_actor;
};

int diff(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {QStringLiteral("width"), QStringLiteral("context")},
                            {QStringLiteral("side-by-side"), QStringLiteral("ignore-whitespace"), QStringLiteral("ignore-case"),
                             QStringLiteral("color"), QStringLiteral("colour"), QStringLiteral("no-color"), QStringLiteral("json")});
    if (!args)
        return cli.fail(args.error());
    if (args->positionals().size() != 2)
        return cli.fail(Error::usage(QStringLiteral("usage: diff A B [--side-by-side] [--width N] [--ignore-whitespace] [--ignore-case] [--context N] [--color|--no-color]")));
    auto width = args->integer(QStringLiteral("width"), 130);
    auto context = args->integer(QStringLiteral("context"), 3);
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
    options.context = std::max(0, context.value());
    const LineDiff prompt = computeLineDiff(left->prompt, right->prompt, options);
    const ToolsDiff tools = computeToolsDiff(left->toolsJson, right->toolsJson);
    const bool identical = prompt.identical && tools.identical();

    if (cli.json || args->has(QStringLiteral("json"))) {
        const QByteArray json = renderJson(prompt, tools, left->title, right->title, options.context).toJson(QJsonDocument::Indented);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return identical ? ExitOk : ExitDifferent;
    }
    bool colour = isatty(STDOUT_FILENO) && qEnvironmentVariableIsEmpty("NO_COLOR");
    if (args->has(QStringLiteral("color")) || args->has(QStringLiteral("colour")))
        colour = true;
    if (args->has(QStringLiteral("no-color")))
        colour = false;
    QString out = args->has(QStringLiteral("side-by-side"))
        ? (prompt.identical ? QString() : renderSideBySide(prompt, std::max(20, width.value()), colour))
        : renderUnified(prompt, left->title, right->title, colour, options.context);
    if (!tools.identical())
        out += renderToolsText(tools, colour);
    const QByteArray bytes = out.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    if (!tools.ok())
        std::fprintf(stderr, "retell-admin-cli: %s\n", qPrintable(tools.error->message));
    return identical ? ExitOk : ExitDifferent;
}

} // namespace

void registerDiffCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("diff"), diff);
}

} // namespace retell::cli
