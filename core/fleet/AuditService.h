#pragma once

#include "access/Actor.h"
#include "audit/AuditLog.h"

namespace retell::core {

struct AuditQuery
{
    QString company;        // a company id or name; empty: all in scope
    QString branch;         // a branch id or name (BranchService::resolve); empty: all
    QString userEmail;      // who acted (case-insensitive); empty: anyone
    QList<AuditKind> kinds; // empty: every kind
    QDateTime since;        // UTC, inclusive; invalid: no lower bound
    QDateTime until;        // UTC, exclusive; invalid: no upper bound
    int limit = 1000;       // newest first; at most 10,000
};

// The audit log across an admin's scope, newest first: every version
// written to retell_agent_prompts (by this app or the web application;
// rollbacks told by their note, imports and rollouts by the app's own
// records), and the entries of retell_admin_audit.
//
// Who sees what: only admins read the log. A global admin sees everything,
// refused logins included (they name no company); an admin of a company
// sees the entries of its branches and of grants in it; an admin of a
// branch those of the branch. Nobody sees another company's entries.
class AuditService final
{
public:
    explicit AuditService(ServiceContext context) : m_context(std::move(context)) {}

    Result<QList<AuditEntry>> entries(const Actor &actor, const AuditQuery &query) const;

    static constexpr int kMaxLimit = 10000;

private:
    ServiceContext m_context;
};

} // namespace retell::core

Q_DECLARE_METATYPE(retell::core::AuditQuery)
