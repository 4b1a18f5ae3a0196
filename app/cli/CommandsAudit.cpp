// audit
#include "Cli.h"

#include "audit/AuditExport.h"
#include "fleet/AuditService.h"

namespace retell::cli {

using namespace retell::core;

namespace {

const char kUsage[] = "usage: audit [--company ID|NAME] [--branch BRANCH] [--user EMAIL] "
                      "[--kind KIND,...] [--since DATE] [--until DATE] [--limit N] "
                      "[--format text|csv|json]";

// A date (the whole day: --until includes it) or an ISO 8601 time, UTC
// unless it names its offset.
Result<QDateTime> timeArg(const Args &args, const QString &name, bool untilEndOfDay)
{
    const QString text = args.value(name).trimmed();
    if (text.isEmpty())
        return QDateTime();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid())
        return QDateTime(untilEndOfDay ? date.addDays(1) : date, QTime(0, 0), Qt::UTC);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return Error::usage(QStringLiteral("--%1 takes a date such as 2026-11-30 or a time such as "
                                           "2026-11-30T08:00:00Z, not \"%2\".")
                                .arg(name, text));
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toUTC();
}

Result<QList<AuditKind>> kindsArg(const Args &args)
{
    QList<AuditKind> kinds;
    const QStringList names =
        args.value(QStringLiteral("kind")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &name : names) {
        const auto kind = auditKindFromName(name);
        if (!kind) {
            QStringList known;
            for (const AuditKind k : allAuditKinds())
                known << auditKindName(k);
            return Error::usage(QStringLiteral("--kind takes %1, not \"%2\".")
                                    .arg(known.join(QStringLiteral(", ")), name.trimmed()));
        }
        kinds << *kind;
    }
    return kinds;
}

QString describe(const Cli &cli, const AuditEntry &e)
{
    QString where = e.companyName;
    if (!e.branchName.isEmpty() || !e.branchId.isEmpty())
        where += QLatin1Char('/') + (e.branchName.isEmpty() ? e.branchId : e.branchName);
    if (e.version > 0)
        where += QStringLiteral(" v%1").arg(e.version);
    QString what = e.notes;
    if (e.kind == AuditKind::Grant || e.kind == AuditKind::Revoke)
        what = QStringLiteral("%1 %2%3 %4%5")
                   .arg(e.subjectEmail, e.role ? roleName(*e.role) : QString(),
                        e.role ? QStringLiteral(" on") : QString(),
                        e.scope ? scopeName(*e.scope) : QString(),
                        e.scopeId.isEmpty() ? QString() : QLatin1Char(' ') + e.scopeId);
    else if (e.kind == AuditKind::OperationRefused)
        what = e.operation + QStringLiteral(": ") + e.detail;
    else if (e.kind == AuditKind::RetellLink || e.kind == AuditKind::RetellUnlink)
        what = e.detail;
    const QString who =
        e.userName.isEmpty() ? e.userEmail : QStringLiteral("%1 <%2>").arg(e.userName, e.userEmail);
    return QStringLiteral("%1  %2  %3  %4  %5")
        .arg(e.at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             auditKindName(e.kind).leftJustified(13), cli.field(where.trimmed()),
             cli.field(who.isEmpty() ? QStringLiteral("-") : who), cli.field(what));
}

int audit(Cli &cli, const QStringList &argv)
{
    auto args =
        Args::parse(argv,
                    {QStringLiteral("company"), QStringLiteral("branch"), QStringLiteral("user"),
                     QStringLiteral("kind"), QStringLiteral("since"), QStringLiteral("until"),
                     QStringLiteral("limit"), QStringLiteral("format")},
                    {});
    if (!args)
        return cli.fail(args.error());
    if (!args->positionals().isEmpty())
        return cli.fail(Error::usage(QString::fromLatin1(kUsage)));
    const QString format = args->value(QStringLiteral("format"),
                                       cli.json ? QStringLiteral("json") : QStringLiteral("text"));
    if (format != QLatin1String("text") && format != QLatin1String("csv") &&
        format != QLatin1String("json"))
        return cli.fail(Error::usage(
            QStringLiteral("--format takes text, csv or json, not \"%1\".").arg(format)));
    AuditQuery query;
    query.company = args->value(QStringLiteral("company"));
    query.branch = args->value(QStringLiteral("branch"));
    query.userEmail = args->value(QStringLiteral("user"));
    auto kinds = kindsArg(args.value());
    if (!kinds)
        return cli.fail(kinds.error());
    query.kinds = kinds.value();
    auto since = timeArg(args.value(), QStringLiteral("since"), false);
    if (!since)
        return cli.fail(since.error());
    auto until = timeArg(args.value(), QStringLiteral("until"), true);
    if (!until)
        return cli.fail(until.error());
    query.since = since.value();
    query.until = until.value();
    auto limit = args->integer(QStringLiteral("limit"), 1000, 1, AuditService::kMaxLimit);
    if (!limit)
        return cli.fail(limit.error());
    query.limit = limit.value();
    auto actor = cli.authenticate();
    if (!actor)
        return cli.fail(actor.error());
    auto entries = AuditService(cli.context).entries(actor.value(), query);
    if (!entries)
        return cli.fail(entries.error());
    if (format == QLatin1String("json"))
        cli.printJson(jsonTable(entries.value(), auditRecord));
    else if (format == QLatin1String("csv"))
        cli.printCsv(csvTable(entries.value(), auditRecord));
    else
        for (const AuditEntry &e : std::as_const(*entries))
            cli.print(describe(cli, e));
    return ExitOk;
}

} // namespace

void registerAuditCommands(QMap<QString, Command> &commands)
{
    commands.insert(QStringLiteral("audit"), audit);
}

} // namespace retell::cli
