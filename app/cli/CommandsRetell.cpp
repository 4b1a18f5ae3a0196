// link, unlink, live, publish, import-live (issue 15); the "live in Retell"
// line after deploy and rollback.
#include "CommandsRetell.h"
#include "Cli.h"
#include "CommandsDeployMerge.h"

#include "RetellHttpApi.h"
#include "diff/DiffRender.h"
#include "diff/LineDiff.h"
#include "diff/ToolsDiff.h"
#include "publish/Publishing.h"
#include "versions/BranchService.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace retell::cli {

using namespace retell::core;

namespace {

// The API key comes from RETELL_API_KEY only: never an argument (process
// lists show those), a setting or the database.
Result<RetellApiFactory> retellFactory()
{
    const net::RetellEndpoint endpoint = net::retellEndpointFromEnvironment();
    if (endpoint.apiKey.isEmpty())
        return Error::usage(QStringLiteral("Set RETELL_API_KEY to the Retell API key (it is "
                                           "never taken as an argument)."))
            .withCode("retell.no_key");
    if (!endpoint.baseUrl.isValid())
        return Error::usage(QStringLiteral("RETELL_API_BASE_URL is not a valid URL."))
            .withCode("retell.bad_base_url");
    return net::makeRetellApiFactory(endpoint);
}

QJsonValue timeJson(const std::optional<QDateTime> &time)
{
    return time ? QJsonValue(time->toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonObject publicationJson(const Publication &p)
{
    return {{QStringLiteral("version"), p.version},
            {QStringLiteral("state"), Publication::stateName(p.state)},
            {QStringLiteral("agent_id"), p.agentId},
            {QStringLiteral("llm_id"), p.llmId},
            {QStringLiteral("retell_version"),
             p.retellVersion ? QJsonValue(*p.retellVersion) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("attempts"), p.attempts},
            {QStringLiteral("next_attempt_at"), timeJson(p.nextAttemptAt)},
            {QStringLiteral("error_code"), p.errorCode},
            {QStringLiteral("error_message"), p.errorMessage},
            {QStringLiteral("forced"), p.forced},
            {QStringLiteral("published_at"), timeJson(p.publishedAt)}};
}

QJsonObject linkJson(const RetellLink &l)
{
    return {{QStringLiteral("branch_id"), l.branchId},
            {QStringLiteral("agent_id"), l.agentId},
            {QStringLiteral("llm_id"), l.llmId},
            {QStringLiteral("linked_by"), l.linkedByName},
            {QStringLiteral("linked_at"), l.linkedAt.toString(Qt::ISODate)}};
}

// Why a publication is not live, in one clause.
QString notLiveReason(const Publication &p)
{
    switch (p.state) {
    case Publication::State::Held:
        return QStringLiteral("Retell has a newer edit made in its dashboard (publish --force "
                              "overwrites it, import-live keeps it)");
    case Publication::State::Rejected:
        return QStringLiteral("Retell refused it: %1").arg(p.errorMessage);
    case Publication::State::Superseded:
        return QStringLiteral("a newer version replaced it");
    case Publication::State::Publishing:
        return QStringLiteral("another worker is publishing it right now");
    default:
        return p.errorMessage.isEmpty() ? QStringLiteral("waiting to be published")
                                        : p.errorMessage;
    }
}

// "live in Retell as version D" or "not live yet: <reason> (will retry)".
QString publicationLine(const Publication &p)
{
    if (p.isLive())
        return QStringLiteral("live in Retell as version %1").arg(p.retellVersion.value_or(0));
    return QStringLiteral("not live yet: %1%2")
        .arg(notLiveReason(p), p.isWaiting() ? QStringLiteral(" (will retry)") : QString());
}

// What a Retell command works on, checked in the order that fails
// cheapest: its options (and those it requires), the API key when it talks
// to Retell, then the acting user and the branch.
struct RetellCommand
{
    Args args;
    QStringList values; // the required options' values, in the order asked
    RetellApiFactory factory;
    Actor actor;
    Branch branch;
};

struct Option
{
    const char *name;
    const char *what; // for the usage error when it is missing
};

Result<RetellCommand> prepare(Cli &cli, const QStringList &argv, const char *usage,
                              const QList<Option> &required, const QStringList &optional,
                              const QStringList &flags, bool talksToRetell)
{
    QStringList valued = optional;
    for (const Option &o : required)
        valued << QString::fromLatin1(o.name);
    auto args = Args::parse(argv, valued, flags);
    if (!args)
        return args.error();
    if (args->positionals().size() != 1)
        return Error::usage(QString::fromUtf8(usage));
    RetellCommand command{args.value(), {}, {}, {}, {}};
    for (const Option &o : required) {
        auto value = args->required(QString::fromLatin1(o.name), QString::fromUtf8(o.what));
        if (!value)
            return value.error();
        command.values << value.value();
    }
    if (talksToRetell) {
        auto factory = retellFactory();
        if (!factory)
            return factory.error();
        command.factory = factory.value();
    }
    auto actor = cli.authenticate();
    if (!actor)
        return actor.error();
    auto branch = BranchService(cli.context).resolve(actor.value(), args->positionals().first());
    if (!branch)
        return branch.error();
    command.actor = actor.value();
    command.branch = branch.value();
    return command;
}

int link(Cli &cli, const QStringList &argv)
{
    auto c = prepare(cli, argv, "usage: link BRANCH --agent AGENT_ID --llm LLM_ID [--no-check]",
                     {{"agent", "the Retell agent id"}, {"llm", "the Retell LLM id"}}, {},
                     {QStringLiteral("no-check")}, false);
    if (!c)
        return cli.fail(c.error());
    // Asks Retell first that both ids exist and belong together, when it can
    // (a key is set) and was not told not to: a typo fails now, not at the
    // first publish.
    std::unique_ptr<RetellApi> api;
    if (!c->args.has(QStringLiteral("no-check"))) {
        auto factory = retellFactory();
        if (!factory && factory.error().code != QLatin1String("retell.no_key"))
            return cli.fail(factory.error());
        if (factory)
            api = factory.value()();
    }
    const bool checked = api != nullptr;
    const LinkService links(cli.context);
    const QString &agent = c->values.at(0);
    const QString &llm = c->values.at(1);
    auto linked = checked ? links.linkChecked(c->actor, c->branch.id, agent, llm, *api)
                          : links.link(c->actor, c->branch.id, agent, llm);
    if (!linked)
        return cli.fail(linked.error());
    if (cli.json) {
        QJsonObject o = linkJson(linked.value());
        o.insert(QStringLiteral("checked_with_retell"), checked);
        cli.printJson(o);
    } else {
        cli.print(QStringLiteral("Linked %1 / %2 to Retell agent %3 (LLM %4)%5.")
                      .arg(cli.field(c->branch.companyName), cli.field(c->branch.name),
                           linked->agentId, linked->llmId,
                           checked ? QStringLiteral(", checked with Retell")
                                   : QStringLiteral("; not checked with Retell (set "
                                                    "RETELL_API_KEY to check)")));
    }
    return ExitOk;
}

int unlink(Cli &cli, const QStringList &argv)
{
    auto c = prepare(cli, argv, "usage: unlink BRANCH", {}, {}, {}, false);
    if (!c)
        return cli.fail(c.error());
    if (auto r = LinkService(cli.context).unlink(c->actor, c->branch.id); !r)
        return cli.fail(r.error());
    if (cli.json)
        cli.printJson(QJsonObject{{QStringLiteral("branch"), toJson(c->branch)},
                                  {QStringLiteral("linked"), false}});
    else
        cli.print(QStringLiteral("%1 / %2 is no longer linked to a Retell agent.")
                      .arg(cli.field(c->branch.companyName), cli.field(c->branch.name)));
    return ExitOk;
}

QString liveSentence(const LiveStatus &s, const Branch &branch)
{
    const QString active = s.activeVersion ? QStringLiteral("version %1").arg(*s.activeVersion)
                                           : QStringLiteral("no version");
    const int retell = s.liveLlm ? s.liveLlm->version : 0;
    switch (s.kind) {
    case LiveStatus::Kind::Live:
        return QStringLiteral("%1: live: Retell runs %2 (Retell version %3).")
            .arg(branch.name, active)
            .arg(retell);
    case LiveStatus::Kind::DashboardEdit:
        return QStringLiteral("%1: Retell has a newer edit made in its dashboard (Retell version "
                              "%2%3); the active %4 differs. live --diff shows it, import-live "
                              "keeps it, publish --force overwrites it.")
            .arg(branch.name)
            .arg(retell)
            .arg(s.liveLlm && !s.liveLlm->isPublished ? QStringLiteral(", a draft") : QString())
            .arg(active);
    case LiveStatus::Kind::Behind:
        return QStringLiteral("%1: Retell is behind (publish pending): %2 is %3.")
            .arg(
                branch.name, active,
                s.publication
                    ? publicationLine(*s.publication)
                    : QStringLiteral("not published since the link (publish %1)").arg(branch.name));
    case LiveStatus::Kind::NotLinked:
        return QStringLiteral("%1: not linked to a Retell agent.").arg(branch.name);
    case LiveStatus::Kind::Unknown:
        return QStringLiteral("%1: unknown: %2")
            .arg(branch.name, s.error ? s.error->message : QString());
    }
    return {};
}

QJsonObject liveJson(const LiveStatus &s)
{
    QJsonObject o{{QStringLiteral("status"), LiveStatus::kindName(s.kind)},
                  {QStringLiteral("active_version"),
                   s.activeVersion ? QJsonValue(*s.activeVersion) : QJsonValue(QJsonValue::Null)}};
    if (s.link)
        o.insert(QStringLiteral("link"), linkJson(*s.link));
    if (s.liveLlm)
        o.insert(QStringLiteral("live"),
                 QJsonObject{{QStringLiteral("llm_id"), s.liveLlm->llmId},
                             {QStringLiteral("version"), s.liveLlm->version},
                             {QStringLiteral("is_published"), s.liveLlm->isPublished},
                             {QStringLiteral("general_prompt"), s.liveLlm->generalPrompt},
                             {QStringLiteral("general_tools"), s.liveLlm->generalTools}});
    if (s.publication)
        o.insert(QStringLiteral("publication"), publicationJson(*s.publication));
    if (s.error)
        o.insert(QStringLiteral("error"),
                 QJsonObject{{QStringLiteral("code"), s.error->code},
                             {QStringLiteral("message"), s.error->message}});
    return o;
}

// The unified diff of the active version (left) against Retell's (right).
void printLiveDiff(const LiveStatus &s, const Branch &branch)
{
    const QString left = s.activeVersion
                             ? QStringLiteral("%1@%2").arg(branch.name).arg(*s.activeVersion)
                             : QStringLiteral("%1 (no version)").arg(branch.name);
    const QString right = QStringLiteral("retell:%1@%2")
                              .arg(s.link ? s.link->llmId : QString())
                              .arg(s.liveLlm ? s.liveLlm->version : 0);
    const LineDiff prompt = computeLineDiff(s.active.prompt.toUtf8(), s.liveConfig.prompt.toUtf8());
    const ToolsDiff tools = computeToolsDiff(s.active.toolsJson, s.liveConfig.toolsJson);
    QString out = renderUnified(prompt, left, right);
    if (!tools.identical())
        out += renderToolsText(tools);
    const QByteArray bytes = out.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

int live(Cli &cli, const QStringList &argv)
{
    auto c = prepare(cli, argv, "usage: live BRANCH [--json] [--diff]", {}, {},
                     {QStringLiteral("diff"), QStringLiteral("json")}, true);
    if (!c)
        return cli.fail(c.error());
    auto status = DriftService(cli.context, c->factory).check(c->actor, c->branch.id);
    if (!status)
        return cli.fail(status.error());
    const int rc = status->kind == LiveStatus::Kind::Unknown ? ExitRemote
                   : status->kind == LiveStatus::Kind::DashboardEdit ||
                           status->kind == LiveStatus::Kind::Behind
                       ? ExitDifferent
                       : ExitOk;
    if (cli.json || c->args.has(QStringLiteral("json"))) {
        QJsonObject o = liveJson(status.value());
        o.insert(QStringLiteral("branch"), toJson(c->branch));
        cli.printJson(o);
        return rc;
    }
    cli.print(liveSentence(status.value(), c->branch));
    if (c->args.has(QStringLiteral("diff")) && status->liveLlm)
        printLiveDiff(status.value(), c->branch);
    return rc;
}

// publish --due: every publication due on a branch the user may edit (the
// versions a rollout, a sync or an earlier failure left), for cron.
int publishDue(Cli &cli, const QStringList &argv)
{
    auto args = Args::parse(argv, {}, {QStringLiteral("due")});
    if (!args)
        return cli.fail(args.error());
    if (!args->positionals().isEmpty())
        return cli.fail(Error::usage(QStringLiteral("usage: publish --due")));
    auto factory = retellFactory();
    if (!factory)
        return cli.fail(factory.error());
    auto actor = cli.authenticate();
    if (!actor)
        return cli.fail(actor.error());
    auto tried = Publisher(cli.context, factory.value()).publishDue(actor.value());
    if (!tried)
        return cli.fail(tried.error());
    int live = 0;
    QJsonArray json;
    for (const Publication &p : tried.value()) {
        live += p.isLive();
        QJsonObject o = publicationJson(p);
        o.insert(QStringLiteral("branch_id"), p.branchId);
        json << o;
        if (!cli.json)
            cli.print(QStringLiteral("%1 version %2: %3.")
                          .arg(p.branchId)
                          .arg(p.version)
                          .arg(cli.field(publicationLine(p))));
    }
    if (cli.json)
        cli.printJson(json);
    else
        cli.print(QStringLiteral("%1 of %2 due publication(s) live in Retell.")
                      .arg(live)
                      .arg(tried->size()));
    return live == tried->size() ? ExitOk : ExitRemote;
}

int publish(Cli &cli, const QStringList &argv)
{
    if (argv.contains(QStringLiteral("--due")))
        return publishDue(cli, argv);
    auto c = prepare(cli, argv, "usage: publish BRANCH [--version N] [--force] | publish --due", {},
                     {QStringLiteral("version")}, {QStringLiteral("force")}, true);
    if (!c)
        return cli.fail(c.error());
    auto version = c->args.integer(QStringLiteral("version"), 0, 1);
    if (!version)
        return cli.fail(version.error());
    auto published = Publisher(cli.context, c->factory)
                         .publishVersion(c->actor, c->branch.id, version.value(),
                                         c->args.has(QStringLiteral("force")));
    if (!published)
        return cli.fail(published.error());
    if (cli.json) {
        QJsonObject o = publicationJson(published.value());
        o.insert(QStringLiteral("branch"), toJson(c->branch));
        cli.printJson(o);
    } else {
        cli.print(QStringLiteral("%1 / %2 version %3: %4.")
                      .arg(cli.field(c->branch.companyName), cli.field(c->branch.name))
                      .arg(published->version)
                      .arg(cli.field(publicationLine(published.value()))));
    }
    return published->isLive() ? ExitOk : ExitRemote;
}

int importLive(Cli &cli, const QStringList &argv)
{
    auto c = prepare(cli, argv, "usage: import-live BRANCH --notes TEXT",
                     {{"notes", "why the dashboard's edit is kept"}}, {}, {}, true);
    if (!c)
        return cli.fail(c.error());
    auto imported =
        DriftService(cli.context, c->factory).importLive(c->actor, c->branch.id, c->values.at(0));
    if (!imported)
        return cli.fail(imported.error());
    // A dashboard draft (not published in Retell) goes out as our version.
    if (imported->publication.isWaiting()) {
        auto published = Publisher(cli.context, c->factory).publishBranch(c->actor, c->branch.id);
        if (published)
            imported->publication = published.value();
    }
    QJsonObject extra{{QStringLiteral("retell"), publicationJson(imported->publication)}};
    const int rc =
        printDeployOutcome(cli, c->branch, imported->deployed,
                           QStringLiteral("Imported the Retell dashboard's edit into"), extra);
    if (!cli.json)
        cli.print(publicationLine(imported->publication));
    return rc;
}

} // namespace

int printDeployedAndPublish(Cli &cli, const Actor &actor, const Branch &branch,
                            const DeployOutcome &outcome, const QString &verb,
                            const QJsonObject &extra)
{
    // The version is committed; whether Retell has it is told in one line.
    QJsonObject retell;
    QString line;
    auto link = LinkService(cli.context).link(actor, branch.id);
    if (!link || !link.value()) {
        retell.insert(QStringLiteral("state"), QStringLiteral("not_linked"));
        line = QStringLiteral("not linked to a Retell agent");
    } else if (auto factory = retellFactory(); !factory) {
        retell.insert(QStringLiteral("state"), QStringLiteral("pending"));
        line = QStringLiteral("not live yet: %1 Then run: publish %2")
                   .arg(factory.error().message, branch.name);
    } else {
        auto published = Publisher(cli.context, factory.value()).publishBranch(actor, branch.id);
        if (!published) {
            retell.insert(QStringLiteral("state"), QStringLiteral("pending"));
            line = QStringLiteral("not live yet: %1 (will retry)").arg(published.error().message);
        } else {
            retell = publicationJson(published.value());
            line = publicationLine(published.value());
        }
    }
    QJsonObject json = extra;
    json.insert(QStringLiteral("retell"), retell);
    const int rc = printDeployOutcome(cli, branch, outcome, verb, json);
    if (!cli.json)
        cli.print(cli.field(line));
    return rc;
}

void registerRetellCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("link"), link);
    commands.insert(QStringLiteral("unlink"), unlink);
    commands.insert(QStringLiteral("live"), live);
    commands.insert(QStringLiteral("publish"), publish);
    commands.insert(QStringLiteral("import-live"), importLive);
}

} // namespace retell::cli
