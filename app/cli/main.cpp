#include "Cli.h"

#include "db/ConnectionOptions.h"
#include "db/ConnectionSpec.h"

#include <QCoreApplication>
#include <QMutex>

#include <cstdio>
#include <cstdlib>

using namespace retell;

namespace {

const char *kUsage =
    R"(usage: retell-admin-cli [--db URL] [--user EMAIL] [--json] [--verbose]
                        [--offline] [--replica PATH] COMMAND ...
       (--json and --verbose may also follow the command)

  migrate                      seed [--demo]
  branches                     templates
  show BRANCH [--version N]    history BRANCH [--limit N] [--before N]
  validate --prompt FILE --tools FILE
  deploy BRANCH --prompt FILE --tools FILE [--template NAME] --notes TEXT
  apply-template BRANCH TEMPLATE --notes TEXT
  save-template BRANCH NAME [--description TEXT] [--version N] [--global]
  rename-template NAME NEW_NAME      delete-template NAME [--yes]
  edit-template NAME [--name NEW_NAME] [--description TEXT] [--prompt FILE] [--tools FILE]
                [--company ID | --global]
  rollback BRANCH --to N [--notes TEXT]
  export BRANCH [--version N] [--format native|retell] [--output FILE]
  import BRANCH FILE --notes TEXT
  grants | grant EMAIL --role viewer|editor|admin (--company ID | --branch ID | --global)
         | revoke EMAIL (--company ID | --branch ID | --global)
  fleet [--company ID|NAME] [--reference BRANCH|template:NAME] [--json|--csv]
  audit [--company ID|NAME] [--branch BRANCH] [--user EMAIL] [--kind K,...] [--since DATE]
        [--until DATE] [--limit N] [--format text|csv|json]
  diff A B [--side-by-side] [--width N] [--ignore-whitespace] [--ignore-case] [--color|--no-color]
       A, B: a file, BRANCH@VERSION, BRANCH@active or template:NAME
  merge OURS BASE THEIRS [--output FILE] [--json]   (operands as for diff)
  db-roles --dialect mysql|pgsql [--account NAME] [--account-host HOST] [--database NAME] [--apply]
  sync                         push the outbox, then refresh the local replica
  outbox [--json]  |  outbox drop OPID --yes
  resolve OPID (--prompt FILE --tools FILE | --merged FILE)   a conflict's merged content
  merge/diff also take outbox:OPID (a queued operation's content)
  rollout (--change FROM TO | --template NAME) (--branches B1,B2,... | --company ID|NAME)
          [--dry-run] [--notes TEXT]     FROM, TO as for diff; exit 6: conflicts or stale
  rollout-undo ID              rollouts [--limit N]     rollout-show ID
  link BRANCH --agent AGENT_ID --llm LLM_ID [--no-check]   unlink BRANCH   (admins)
  live BRANCH [--json] [--diff]  what Retell runs vs the active version; exit 1: drift
  publish BRANCH [--version N] [--force]      retry, or force past a dashboard edit
  publish --due                                retry every publication due (cron)
  import-live BRANCH --notes TEXT             the dashboard's edit as a new version

Offline: --offline works on the local replica of the --db server only, never
contacting it: deploy, rollback, import and apply-template queue to the
outbox (sync pushes them); branches, templates, show, history (with pending
operations), diff, merge and export read the replica. --replica PATH
overrides where the replica is (default: the app data folder).

Database: --db or RETELL_ADMIN_DB (sqlite:PATH, mysql://user@host:port/db or
pgsql://user@host:port/db);
its password from RETELL_ADMIN_DB_PASSWORD or a prompt. Acting user: --user or
RETELL_ADMIN_USER, password from RETELL_ADMIN_PASSWORD or a prompt.
Retell: RETELL_API_KEY (never an argument), RETELL_API_BASE_URL (default
https://api.retellai.com). deploy and rollback of a linked branch publish at
once and say whether the version is live in Retell.
Exit codes: 0 ok, 1 diff found differences or merge left conflicts, 2 usage,
3 validation failed, 4 authentication/permission, 5 not found, 6 conflict,
7 database, 8 file I/O, 10 Retell failed or refused; sync: 6 when conflicts or
refusals remain.
)";

// Commands that only read: their connections are opened read-only.
const QStringList kReadOnlyCommands = {
    QStringLiteral("branches"),     QStringLiteral("templates"), QStringLiteral("show"),
    QStringLiteral("history"),      QStringLiteral("export"),    QStringLiteral("grants"),
    QStringLiteral("diff"),         QStringLiteral("validate"),  QStringLiteral("rollouts"),
    QStringLiteral("rollout-show"), QStringLiteral("fleet"),     QStringLiteral("audit"),
    QStringLiteral("live"),
};

// What --offline allows: reading the replica and queueing work to its outbox.
const QStringList kOfflineCommands = {
    QStringLiteral("branches"),       QStringLiteral("templates"), QStringLiteral("show"),
    QStringLiteral("history"),        QStringLiteral("export"),    QStringLiteral("diff"),
    QStringLiteral("merge"),          QStringLiteral("validate"),  QStringLiteral("deploy"),
    QStringLiteral("rollback"),       QStringLiteral("import"),    QStringLiteral("outbox"),
    QStringLiteral("apply-template"), QStringLiteral("resolve"),
};

// Qt's own warnings (a driver's, a plugin's) must not come between the
// program's one-line error and whoever reads it: they are kept and shown
// after everything else, with --verbose only.
// The list is never freed: Qt still logs while static objects are destroyed
// (plugins unloading with QT_DEBUG_PLUGINS), after a global list would be gone.
QStringList &qtMessages()
{
    static auto *messages = new QStringList;
    return *messages;
}
QBasicMutex g_qtMessagesLock;
bool g_verbose = false;

void keepQtMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "retell-admin-cli: internal error: %s\n", qPrintable(message));
        std::abort();
    }
    const QMutexLocker lock(&g_qtMessagesLock);
    qtMessages() << message;
}

void showQtMessages()
{
    if (!g_verbose)
        return;
    const QMutexLocker lock(&g_qtMessagesLock);
    for (const QString &m : std::as_const(qtMessages()))
        std::fprintf(stderr, "  qt: %s\n", qPrintable(m));
}

} // namespace

int main(int argc, char **argv)
{
    qInstallMessageHandler(keepQtMessage);
    std::atexit(showQtMessages);
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("retell-admin"));
    QCoreApplication::setApplicationName(QStringLiteral("retell-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RETELL_ADMIN_VERSION));

    cli::Cli context;
    QString dbUrl = qEnvironmentVariable("RETELL_ADMIN_DB");
    context.userEmail = qEnvironmentVariable("RETELL_ADMIN_USER");
    QStringList args = app.arguments().mid(1);
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString opt = args.takeFirst();
        auto takeValue = [&](QString &out) {
            if (args.isEmpty()) {
                std::fprintf(stderr, "retell-admin-cli: %s needs a value.\n", qPrintable(opt));
                return false;
            }
            out = args.takeFirst();
            return true;
        };
        if (opt == QLatin1String("--db")) {
            if (!takeValue(dbUrl))
                return cli::ExitUsage;
        } else if (opt == QLatin1String("--user")) {
            if (!takeValue(context.userEmail))
                return cli::ExitUsage;
        } else if (opt == QLatin1String("--offline")) {
            context.offline = true;
        } else if (opt == QLatin1String("--replica")) {
            if (!takeValue(context.replicaPath))
                return cli::ExitUsage;
        } else if (opt == QLatin1String("--json")) {
            context.json = true;
        } else if (opt == QLatin1String("--verbose")) {
            context.verbose = true;
            g_verbose = true;
        } else if (opt == QLatin1String("--help")) {
            std::fputs(kUsage, stdout);
            return cli::ExitOk;
        } else if (opt == QLatin1String("--version")) {
            std::printf("retell-admin-cli %s\n", RETELL_ADMIN_VERSION);
            return cli::ExitOk;
        } else if (opt.startsWith(QLatin1String("--password"))) {
            std::fprintf(stderr,
                         "retell-admin-cli: passwords are never taken from the command line; use "
                         "RETELL_ADMIN_PASSWORD / RETELL_ADMIN_DB_PASSWORD or the prompt.\n");
            return cli::ExitUsage;
        } else {
            std::fprintf(stderr, "retell-admin-cli: unknown option %s\n%s", qPrintable(opt),
                         kUsage);
            return cli::ExitUsage;
        }
    }
    if (args.isEmpty()) {
        std::fputs(kUsage, stderr);
        return cli::ExitUsage;
    }
    auto spec = core::ConnectionSpec::parse(dbUrl);
    if (!spec)
        return context.fail(spec.error());
    context.context.spec = spec.value();
    context.server = spec.value();

    QMap<QString, cli::Command> commands;
    cli::registerDataCommands(commands);
    cli::registerBrowseCommands(commands);
    cli::registerDeployCommands(commands);
    cli::registerAccessCommands(commands);
    cli::registerDiffCommands(commands);
    cli::registerMergeCommands(commands);
    cli::registerSecurityCommands(commands);
    cli::registerTemplateCommands(commands);
    cli::registerOfflineCommands(commands);
    cli::registerRolloutCommands(commands);
    cli::registerFleetCommands(commands);
    cli::registerAuditCommands(commands);
    cli::registerRetellCommands(commands);

    const QString name = args.takeFirst();
    // --json and --verbose also work after the command (before a "--"), so
    // "branches --json" means what "--json branches" does.
    for (qsizetype i = 0; i < args.size() && args.at(i) != QLatin1String("--");) {
        if (args.at(i) == QLatin1String("--json"))
            context.json = true;
        else if (args.at(i) == QLatin1String("--verbose"))
            context.verbose = true;
        else {
            ++i;
            continue;
        }
        args.removeAt(i);
    }
    const auto command = commands.constFind(name);
    if (command == commands.constEnd()) {
        std::fprintf(stderr, "retell-admin-cli: unknown command \"%s\"\n%s", qPrintable(name),
                     kUsage);
        return cli::ExitUsage;
    }
    if (context.offline && !kOfflineCommands.contains(name)) {
        std::fprintf(stderr,
                     "retell-admin-cli: %s needs the shared database; run it without --offline.\n",
                     qPrintable(name));
        return cli::ExitUsage;
    }
    // The replica is migrated when opened: an offline process writes.
    core::setReadOnlyProcess(!context.offline && kReadOnlyCommands.contains(name));
    const int code = (*command)(context, args);
    if (auto flushed = cli::Cli::flushStandardOutput(); !flushed) {
        const int failed = context.fail(flushed.error());
        return code == cli::ExitOk || code == cli::ExitDifferent ? failed : code;
    }
    return code;
}
