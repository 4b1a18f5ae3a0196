// rename-template, edit-template, delete-template
#include "Cli.h"

#include "templates/TemplateService.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace retell::cli {

using namespace retell::core;

namespace {

QString ownerText(const Template &t)
{
    return t.companyName.isEmpty() ? QStringLiteral("shared with every company") : t.companyName;
}

// Logs in and finds the template NAME among those the actor sees.
Result<QPair<Actor, Template>> actorAndTemplate(Cli &cli, const QString &name)
{
    auto actor = cli.authenticate();
    if (!actor)
        return actor.error();
    auto tmpl = TemplateService(cli.context).find(actor.value(), name);
    if (!tmpl)
        return tmpl.error();
    return qMakePair(actor.value(), tmpl.value());
}

int printChanged(Cli &cli, const Template &t, const QString &what)
{
    if (cli.json)
        cli.printJson(toJson(t, true));
    else
        cli.print(QStringLiteral("%1 template \"%2\" (%3).")
                      .arg(what, cli.field(t.name), cli.field(ownerText(t))));
    return ExitOk;
}

int renameTemplate(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {}, {});
    if (!args)
        return cli.fail(args.error());
    if (args->positionals().size() != 2)
        return cli.fail(Error::usage(QStringLiteral("usage: rename-template NAME NEW_NAME")));
    auto found = actorAndTemplate(cli, args->positionals().at(0));
    if (!found)
        return cli.fail(found.error());
    TemplateChange change;
    change.name = args->positionals().at(1);
    auto renamed = TemplateService(cli.context).update(found->first, found->second, change);
    if (!renamed)
        return cli.fail(renamed.error());
    return printChanged(cli, renamed.value(),
                        QStringLiteral("Renamed \"%1\" to").arg(found->second.name));
}

int editTemplate(Cli &cli, const QStringList &argv)
{
    const QStringList valued = {QStringLiteral("name"), QStringLiteral("description"),
                                QStringLiteral("prompt"), QStringLiteral("tools"),
                                QStringLiteral("company")};
    auto args = Args::parse(argv, valued, {QStringLiteral("global")});
    if (!args)
        return cli.fail(args.error());
    const bool anything = std::any_of(valued.cbegin(), valued.cend(),
                                      [&](const QString &o) { return args->has(o); }) ||
                          args->has(QStringLiteral("global"));
    if (args->positionals().size() != 1 || !anything ||
        (args->has(QStringLiteral("company")) && args->has(QStringLiteral("global"))))
        return cli.fail(Error::usage(
            QStringLiteral("usage: edit-template NAME [--name NEW_NAME] [--description TEXT] "
                           "[--prompt FILE] [--tools FILE] [--company ID | --global]")));
    TemplateChange change;
    if (args->has(QStringLiteral("company")))
        change.companyId = args->value(QStringLiteral("company"));
    if (args->has(QStringLiteral("global")))
        change.companyId = QString();
    if (args->has(QStringLiteral("name")))
        change.name = args->value(QStringLiteral("name"));
    if (args->has(QStringLiteral("description")))
        change.description = args->value(QStringLiteral("description"));
    // Files are read before logging in: a typo in a path costs no password prompt.
    std::optional<QString> prompt;
    std::optional<QString> tools;
    for (const auto &[option, target] : {std::pair{QStringLiteral("prompt"), &prompt},
                                         std::pair{QStringLiteral("tools"), &tools}}) {
        if (!args->has(option))
            continue;
        auto text = Cli::readText(args->value(option), option);
        if (!text)
            return cli.fail(text.error());
        *target = text.value();
    }
    auto found = actorAndTemplate(cli, args->positionals().first());
    if (!found)
        return cli.fail(found.error());
    if (prompt || tools)
        change.config = AgentConfig{prompt.value_or(found->second.config.prompt),
                                    tools.value_or(found->second.config.toolsJson)};
    auto edited = TemplateService(cli.context).update(found->first, found->second, change);
    if (!edited)
        return cli.fail(edited.error());
    return printChanged(cli, edited.value(), QStringLiteral("Changed"));
}

// Asks on a terminal; without one, only --yes confirms.
Result<void> confirmDelete(const Args &args, const Template &t)
{
    if (args.has(QStringLiteral("yes")))
        return {};
    if (!isatty(STDIN_FILENO))
        return Error::usage(QStringLiteral(
            "delete-template asks before deleting; add --yes to confirm without a terminal."));
    std::fprintf(
        stderr,
        "Delete the template \"%s\" (%s)? Versions deployed from it stay as they are. [y/N] ",
        qPrintable(t.name), qPrintable(ownerText(t)));
    std::fflush(stderr);
    char buffer[16] = {};
    const QString answer = std::fgets(buffer, sizeof buffer, stdin)
                               ? QString::fromLocal8Bit(buffer).trimmed()
                               : QString();
    if (answer.compare(QLatin1String("y"), Qt::CaseInsensitive) == 0 ||
        answer.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0)
        return {};
    return Error::usage(QStringLiteral("Nothing deleted."));
}

int deleteTemplate(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {}, {QStringLiteral("yes")});
    if (!args)
        return cli.fail(args.error());
    if (args->positionals().size() != 1)
        return cli.fail(Error::usage(QStringLiteral("usage: delete-template NAME [--yes]")));
    auto found = actorAndTemplate(cli, args->positionals().first());
    if (!found)
        return cli.fail(found.error());
    const Template &t = found->second;
    // Ask only when the answer matters: the service refuses read-only and others' templates.
    if (t.changeable) {
        if (auto ok = confirmDelete(args.value(), t); !ok)
            return cli.fail(ok.error());
    }
    auto removed = TemplateService(cli.context).remove(found->first, t);
    if (!removed)
        return cli.fail(removed.error());
    if (cli.json) {
        // The whole template, so a script can save it again.
        cli.printJson(QJsonObject{{QStringLiteral("deleted"), toJson(removed.value(), true)}});
        return ExitOk;
    }
    cli.print(
        QStringLiteral("Deleted template \"%1\" (%2); versions deployed from it are unchanged.")
            .arg(t.name, ownerText(t)));
    return ExitOk;
}

} // namespace

void registerTemplateCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("rename-template"), renameTemplate);
    commands.insert(QStringLiteral("edit-template"), editTemplate);
    commands.insert(QStringLiteral("delete-template"), deleteTemplate);
}

} // namespace retell::cli
