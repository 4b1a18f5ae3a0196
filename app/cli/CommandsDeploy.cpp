// validate, deploy, apply-template, save-template, rollback, import
#include "Cli.h"
#include "CommandsDeployMerge.h"
#include "CommandsOffline.h"
#include "CommandsRetell.h"

#include "io/AgentConfigCodec.h"
#include "offline/OfflineWork.h"
#include "templates/TemplateService.h"
#include "versions/BranchService.h"
#include "versions/VersionService.h"

namespace retell::cli {

using namespace retell::core;

int printDeployOutcome(Cli &cli, const Branch &branch, const DeployOutcome &outcome,
                       const QString &verb, const QJsonObject &extra)
{
    if (cli.json) {
        QJsonObject o = toJson(outcome.version, false);
        o.insert(QStringLiteral("branch"), toJson(branch));
        o.insert(QStringLiteral("findings"), findingsToJson(outcome.validation.findings));
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        cli.printJson(o);
        return ExitOk;
    }
    cli.print(QStringLiteral("%1 %2 / %3: version %4 is now active.")
                  .arg(verb, branch.companyName, branch.name)
                  .arg(outcome.version.version));
    for (const Finding &f : outcome.validation.findings)
        cli.print(QStringLiteral("  ") + formatFinding(f));
    return ExitOk;
}

namespace {

// Deploys content equal to the active version anyway (exit code 9 without it).
const QString kAllowUnchanged = QStringLiteral("allow-unchanged");

int validate(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {QStringLiteral("prompt"), QStringLiteral("tools")}, {});
    if (!args)
        return cli.fail(args.error());
    auto promptPath =
        args->required(QStringLiteral("prompt"), QStringLiteral("the prompt text file"));
    auto toolsPath = args->required(QStringLiteral("tools"), QStringLiteral("the tools JSON file"));
    if (!promptPath || !toolsPath)
        return cli.fail(!promptPath ? promptPath.error() : toolsPath.error());
    auto prompt = Cli::readFile(promptPath.value());
    auto tools = Cli::readFile(toolsPath.value());
    if (!prompt || !tools)
        return cli.fail(!prompt ? prompt.error() : tools.error());
    const ValidationResult result =
        Validator::validateBytes(prompt.value(), tools.value(), BranchService::validationContext());
    if (cli.json) {
        cli.printJson(QJsonObject{{QStringLiteral("status"), validationStatusName(result.status())},
                                  {QStringLiteral("estimated_tokens"), result.estimatedTokens},
                                  {QStringLiteral("characters"), result.characters},
                                  {QStringLiteral("errors"), result.errorCount()},
                                  {QStringLiteral("warnings"), result.warningCount()},
                                  {QStringLiteral("findings"), findingsToJson(result.findings)}});
    } else {
        for (const Finding &f : result.findings)
            cli.print(formatFinding(f));
        cli.print(QStringLiteral("%1: %2 error(s), %3 warning(s), about %4 tokens of %5.")
                      .arg(validationStatusName(result.status()))
                      .arg(result.errorCount())
                      .arg(result.warningCount())
                      .arg(result.estimatedTokens)
                      .arg(retellLimits::kMaxTokens));
    }
    return result.hasErrors() ? ExitValidation : ExitOk;
}

// Options that have no offline meaning: the server refuses unchanged
// content on push whatever was asked, and a merge needs the active version.
Result<void> refuseOffline(const Cli &cli, const Args &args, const QStringList &options)
{
    if (!cli.offline)
        return {};
    for (const QString &o : options)
        if (args.has(o))
            return Error::usage(QStringLiteral("--%1 does not work with --offline.").arg(o));
    return {};
}

Result<QPair<Actor, Branch>> actorAndBranch(Cli &cli, const QString &branchArg)
{
    auto actor = cli.authenticate();
    if (!actor)
        return actor.error();
    auto branch = BranchService(cli.context).resolve(actor.value(), branchArg);
    if (!branch)
        return branch.error();
    return qMakePair(actor.value(), branch.value());
}

int deploy(Cli &cli, const QStringList &argv)
{
    auto args =
        Args::parse(argv,
                    {QStringLiteral("prompt"), QStringLiteral("tools"), QStringLiteral("template"),
                     QStringLiteral("notes"), QStringLiteral("base"), QStringLiteral("output")},
                    {kAllowUnchanged, QStringLiteral("merge")});
    if (!args)
        return cli.fail(args.error());
    const BaseConflictOptions onConflict{args->has(QStringLiteral("merge")),
                                         args->value(QStringLiteral("output"))};
    const bool hasBase = args->has(QStringLiteral("base"));
    if (args->positionals().size() != 1 || (onConflict.merge && !hasBase) ||
        (args->has(QStringLiteral("output")) && !onConflict.merge))
        return cli.fail(Error::usage(QStringLiteral(
            "usage: deploy BRANCH --prompt FILE --tools FILE [--template NAME] --notes TEXT "
            "[--allow-unchanged] [--base N [--merge [--output FILE]]]")));
    auto base = args->integer(QStringLiteral("base"), 0, 0);
    if (!base)
        return cli.fail(base.error());
    auto promptPath =
        args->required(QStringLiteral("prompt"), QStringLiteral("the prompt text file"));
    auto toolsPath = args->required(QStringLiteral("tools"), QStringLiteral("the tools JSON file"));
    auto notes =
        args->required(QStringLiteral("notes"), QStringLiteral("why this version is deployed"));
    for (const auto *r : {&promptPath, &toolsPath, &notes})
        if (!*r)
            return cli.fail(r->error());
    DeployRequest request;
    auto prompt = Cli::readText(promptPath.value(), QStringLiteral("prompt"));
    auto tools = Cli::readText(toolsPath.value(), QStringLiteral("tools"));
    if (!prompt || !tools)
        return cli.fail(!prompt ? prompt.error() : tools.error());
    request.config = {prompt.value(), tools.value()};
    request.templateName = args->value(QStringLiteral("template"));
    request.notes = notes.value();
    request.allowUnchanged = args->has(kAllowUnchanged);
    if (hasBase)
        request.baseVersion = base.value();
    if (auto r = refuseOffline(cli, args.value(), {kAllowUnchanged, QStringLiteral("merge")}); !r)
        return cli.fail(r.error());
    auto who = actorAndBranch(cli, args->positionals().first());
    if (!who)
        return cli.fail(who.error());
    if (cli.offline)
        return printQueued(cli, who->second,
                           OfflineWork(cli.context).deploy(who->first, who->second.id, request));
    auto outcome = VersionService(cli.context).deploy(who->first, who->second.id, request);
    if (!outcome) {
        const Error &error = outcome.error();
        if (hasBase && error.kind == ErrorKind::Conflict && error.versionConflict)
            return deployAgainstNewerVersion(cli, who->first, who->second, request, error,
                                             onConflict);
        return cli.fail(error);
    }
    return printDeployedAndPublish(cli, who->first, who->second, outcome.value(),
                                   QStringLiteral("Deployed"));
}

int applyTemplate(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {QStringLiteral("notes")}, {kAllowUnchanged});
    if (!args)
        return cli.fail(args.error());
    if (args->positionals().size() != 2)
        return cli.fail(Error::usage(QStringLiteral(
            "usage: apply-template BRANCH TEMPLATE --notes TEXT [--allow-unchanged]")));
    auto notes =
        args->required(QStringLiteral("notes"), QStringLiteral("why this template is deployed"));
    if (!notes)
        return cli.fail(notes.error());
    if (auto r = refuseOffline(cli, args.value(), {kAllowUnchanged}); !r)
        return cli.fail(r.error());
    auto who = actorAndBranch(cli, args->positionals().first());
    if (!who)
        return cli.fail(who.error());
    auto tmpl =
        TemplateService(cli.context).forBranch(who->first, args->positionals().at(1), who->second);
    if (!tmpl)
        return cli.fail(tmpl.error());
    DeployRequest request{tmpl->config, tmpl->name, notes.value()};
    request.allowUnchanged = args->has(kAllowUnchanged);
    if (cli.offline)
        return printQueued(
            cli, who->second,
            OfflineWork(cli.context)
                .deploy(who->first, who->second.id, request, QueuedOperation::Kind::ApplyTemplate));
    auto outcome = VersionService(cli.context).deploy(who->first, who->second.id, request);
    if (!outcome)
        return cli.fail(outcome.error());
    return printDeployedAndPublish(cli, who->first, who->second, outcome.value(),
                                   QStringLiteral("Applied template \"%1\" to").arg(tmpl->name));
}

int saveTemplate(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {QStringLiteral("description"), QStringLiteral("version")},
                            {QStringLiteral("global")});
    if (!args)
        return cli.fail(args.error());
    if (args->positionals().size() != 2)
        return cli.fail(Error::usage(QStringLiteral(
            "usage: save-template BRANCH NAME [--description TEXT] [--version N] [--global]")));
    auto number = args->integer(QStringLiteral("version"), 0);
    if (!number)
        return cli.fail(number.error());
    auto who = actorAndBranch(cli, args->positionals().first());
    if (!who)
        return cli.fail(who.error());
    VersionService versions(cli.context);
    auto source = number.value() > 0 ? versions.version(who->first, who->second.id, number.value())
                                     : versions.active(who->first, who->second.id);
    if (!source)
        return cli.fail(source.error());
    const QString description = args->value(QStringLiteral("description"),
                                            QStringLiteral("Saved from %1 / %2 version %3")
                                                .arg(who->second.companyName, who->second.name)
                                                .arg(source->version));
    // The template belongs to the branch's company unless a global admin shares it.
    const QString owner = args->has(QStringLiteral("global")) ? QString() : who->second.companyId;
    auto saved =
        TemplateService(cli.context)
            .save(who->first, owner, args->positionals().at(1), description, source->config);
    if (!saved)
        return cli.fail(saved.error());
    if (cli.json)
        cli.printJson(toJson(saved.value()));
    else
        cli.print(QStringLiteral("Saved template \"%1\" from %2 version %3.")
                      .arg(saved->name, who->second.name)
                      .arg(source->version));
    return ExitOk;
}

int rollback(Cli &cli, const QStringList &argv)
{
    auto args =
        Args::parse(argv, {QStringLiteral("to"), QStringLiteral("notes")}, {kAllowUnchanged});
    if (!args)
        return cli.fail(args.error());
    auto to = args->integer(QStringLiteral("to"), 0);
    if (!to)
        return cli.fail(to.error());
    if (args->positionals().size() != 1 || to.value() <= 0)
        return cli.fail(Error::usage(
            QStringLiteral("usage: rollback BRANCH --to N [--notes TEXT] [--allow-unchanged]")));
    if (auto r = refuseOffline(cli, args.value(), {kAllowUnchanged}); !r)
        return cli.fail(r.error());
    auto who = actorAndBranch(cli, args->positionals().first());
    if (!who)
        return cli.fail(who.error());
    if (cli.offline)
        return printQueued(cli, who->second,
                           OfflineWork(cli.context)
                               .rollback(who->first, who->second.id, to.value(),
                                         args->value(QStringLiteral("notes"))));
    auto outcome = VersionService(cli.context)
                       .rollback(who->first, who->second.id, to.value(),
                                 args->value(QStringLiteral("notes")), args->has(kAllowUnchanged));
    if (!outcome)
        return cli.fail(outcome.error());
    return printDeployedAndPublish(cli, who->first, who->second, outcome.value(),
                                   QStringLiteral("Rolled back to v%1:").arg(to.value()));
}

int importCommand(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {QStringLiteral("notes")}, {kAllowUnchanged});
    if (!args)
        return cli.fail(args.error());
    if (args->positionals().size() != 2)
        return cli.fail(Error::usage(
            QStringLiteral("usage: import BRANCH FILE --notes TEXT [--allow-unchanged]")));
    auto notes = args->required(QStringLiteral("notes"),
                                QStringLiteral("why this configuration is imported"));
    if (!notes)
        return cli.fail(notes.error());
    auto bytes = Cli::readFile(args->positionals().at(1));
    if (!bytes)
        return cli.fail(bytes.error());
    auto imported = AgentConfigCodec::decode(bytes.value());
    if (!imported)
        return cli.fail(imported.error());
    if (auto r = refuseOffline(cli, args.value(), {kAllowUnchanged}); !r)
        return cli.fail(r.error());
    auto who = actorAndBranch(cli, args->positionals().first());
    if (!who)
        return cli.fail(who.error());
    DeployRequest request{imported->config, imported->templateName, notes.value()};
    request.allowUnchanged = args->has(kAllowUnchanged);
    request.imported = true;
    if (cli.offline)
        return printQueued(
            cli, who->second,
            OfflineWork(cli.context)
                .deploy(who->first, who->second.id, request, QueuedOperation::Kind::Import));
    auto outcome = VersionService(cli.context).deploy(who->first, who->second.id, request);
    if (!outcome)
        return cli.fail(outcome.error());
    return printDeployedAndPublish(
        cli, who->first, who->second, outcome.value(),
        QStringLiteral("Imported %1 into").arg(imported->sourceDescription()));
}

} // namespace

void registerDeployCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("validate"), validate);
    commands.insert(QStringLiteral("deploy"), deploy);
    commands.insert(QStringLiteral("apply-template"), applyTemplate);
    commands.insert(QStringLiteral("save-template"), saveTemplate);
    commands.insert(QStringLiteral("rollback"), rollback);
    commands.insert(QStringLiteral("import"), importCommand);
}

} // namespace retell::cli
