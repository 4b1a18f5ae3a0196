#include "audit/AuditLog.h"

#include "db/ConnectionOptions.h"
#include "db/Database.h"

#include <array>

namespace retell::core {

namespace {

struct KindName
{
    AuditKind kind;
    const char *name;
};

constexpr std::array<KindName, 10> kKindNames{{
    {AuditKind::Deploy, "deploy"},
    {AuditKind::Rollback, "rollback"},
    {AuditKind::Import, "import"},
    {AuditKind::Rollout, "rollout"},
    {AuditKind::Grant, "grant"},
    {AuditKind::Revoke, "revoke"},
    {AuditKind::LoginRefused, "login-refused"},
    {AuditKind::OperationRefused, "refused"},
    {AuditKind::RetellLink, "retell-link"},
    {AuditKind::RetellUnlink, "retell-unlink"},
}};

// NULL for an empty text, so that filters on the columns see "nothing".
QVariant orNull(const QString &text, qsizetype maxChars = 255)
{
    return text.isEmpty() ? QVariant() : QVariant(text.left(maxChars));
}

} // namespace

QString auditKindName(AuditKind kind)
{
    for (const KindName &k : kKindNames)
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    return {};
}

std::optional<AuditKind> auditKindFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (const KindName &k : kKindNames)
        if (n == QLatin1String(k.name))
            return k.kind;
    return std::nullopt;
}

QList<AuditKind> allAuditKinds()
{
    QList<AuditKind> kinds;
    for (const KindName &k : kKindNames)
        kinds << k.kind;
    return kinds;
}

Result<void> AuditLog::write(QSqlDatabase &db, const AuditEntry &entry)
{
    auto q = Database::exec(
        db,
        QStringLiteral("INSERT INTO retell_admin_audit (created_at, kind, user_id, user_email, "
                       "company_id, branch_id, version, subject_email, scope, scope_id, role, "
                       "operation, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {toSqlTimestamp(entry.at), auditKindName(entry.kind),
         entry.userId ? QVariant(*entry.userId) : QVariant(), orNull(entry.userEmail),
         orNull(entry.companyId, 64), orNull(entry.branchId, 36),
         entry.version > 0 ? QVariant(entry.version) : QVariant(), orNull(entry.subjectEmail),
         entry.scope ? QVariant(scopeName(*entry.scope)) : QVariant(), orNull(entry.scopeId, 64),
         entry.role ? QVariant(roleName(*entry.role)) : QVariant(), orNull(entry.operation, 32),
         orNull(entry.detail, 4000)});
    if (!q)
        return q.error();
    return {};
}

void AuditLog::record(const ServiceContext &context, const AuditEntry &entry)
{
    if (isReadOnlyProcess())
        return;
    auto r = Database::writeTransaction(
        context.spec, [&](QSqlDatabase &db) { return write(db, entry); }, 3);
    if (!r)
        qWarning("audit: could not record a %s entry: %s", qPrintable(auditKindName(entry.kind)),
                 qPrintable(r.error().message));
}

void AuditLog::loginRefused(const ServiceContext &context, const QString &email)
{
    AuditEntry e;
    e.at = context.clock();
    e.kind = AuditKind::LoginRefused;
    e.userEmail = email.trimmed();
    record(context, e);
}

void AuditLog::operationRefused(const ServiceContext &context, const User &actor,
                                const QString &operation, const QString &companyId,
                                const QString &branchId, const Error &error)
{
    AuditEntry e;
    e.at = context.clock();
    e.kind = AuditKind::OperationRefused;
    e.userId = actor.id;
    e.userEmail = actor.email;
    e.companyId = companyId;
    e.branchId = branchId;
    e.operation = operation;
    e.detail = error.message;
    record(context, e);
}

} // namespace retell::core
