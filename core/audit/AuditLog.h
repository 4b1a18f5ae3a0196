#pragma once

#include "common/Result.h"
#include "db/ServiceContext.h"
#include "domain/Types.h"

#include <QDateTime>
#include <QMetaType>

#include <optional>

class QSqlDatabase;

namespace retell::core {

enum class AuditKind
{
    Deploy,   // a version written by a deploy (or a template applied)
    Rollback, // a version written by a rollback ("Rollback to version N")
    Import,   // a version written from an imported file
    Rollout,  // a version written by a rollout to many branches
    Grant,
    Revoke,
    LoginRefused,     // unknown e-mail or wrong password (no actor)
    OperationRefused, // a deploy, rollback, grant or revoke refused for missing rights
    RetellLink,       // a branch linked to a Retell agent (detail: agent and LLM ids)
    RetellUnlink,     // a branch's Retell link removed (detail: the agent and LLM it had)
};

// "deploy", "rollback", "import", "rollout", "grant", "revoke",
// "login-refused", "refused", "retell-link", "retell-unlink": the CLI's
// --kind values and the stored kinds.
QString auditKindName(AuditKind kind);
std::optional<AuditKind> auditKindFromName(const QString &name);
QList<AuditKind> allAuditKinds();

// One thing that happened. Versions come from retell_agent_prompts (also
// those the web application wrote), rollouts from the rollout tables, the
// rest from the app's own retell_admin_audit.
struct AuditEntry
{
    qint64 id = 0; // retell_admin_audit row; 0 for an entry read from a version
    QDateTime at;  // UTC
    AuditKind kind = AuditKind::Deploy;
    std::optional<UserId> userId;
    QString userName;
    QString userEmail; // a refused login: the e-mail that was tried
    QString companyId;
    QString companyName;
    QString branchId; // with version: what a diff opens (that version against the one before)
    QString branchName;
    int version = 0;
    QString templateName;
    QString notes;
    // Grant and revoke: whose grant, where, which role.
    QString subjectEmail;
    std::optional<GrantScope> scope;
    QString scopeId;
    std::optional<Role> role;
    // Refused: what was refused ("deploy", "rollback", "grant", "revoke") and why
    // (the error's English sentence).
    QString operation;
    QString detail;
    qint64 rolloutId = 0; // a rollout's version: the rollout it belongs to
};

// Writes to retell_admin_audit. Below access and versions (which write
// through it), so it knows users, not actors; fleet/AuditService reads.
class AuditLog final
{
public:
    // Inside the caller's write transaction: the entry commits or rolls
    // back with the change it records.
    static Result<void> write(QSqlDatabase &db, const AuditEntry &entry);
    // In a transaction of its own, after a refusal. Best effort: a failure is
    // logged (qWarning) and never changes the answer to the refused request;
    // a read-only process (the CLI's reading commands) records nothing.
    static void record(const ServiceContext &context, const AuditEntry &entry);

    // A refused login: the e-mail tried, never the password.
    static void loginRefused(const ServiceContext &context, const QString &email);
    // An operation refused for missing rights on a branch or company.
    static void operationRefused(const ServiceContext &context, const User &actor,
                                 const QString &operation, const QString &companyId,
                                 const QString &branchId, const Error &error);
};

} // namespace retell::core

Q_DECLARE_METATYPE(retell::core::AuditEntry)
