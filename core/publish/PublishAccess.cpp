#include "publish/PublishAccess.h"

#include "access/AccessService.h"
#include "access/BranchLookup.h"
#include "audit/AuditLog.h"
#include "db/Database.h"

namespace retell::core {

Result<Branch> authorizePublishing(const ServiceContext &context, const Actor &actor,
                                   const QString &branchId, Role needed, const QString &operation)
{
    auto found = Database::retryOnce([&]() -> Result<QPair<Branch, QList<Grant>>> {
        auto conn = Database::connection(context.spec);
        if (!conn)
            return conn.error();
        return BranchLookup::lookupWithGrants(conn.value(), branchId, actor.user);
    });
    if (!found)
        return found.error();
    const Actor current{actor.user, found->second};
    const Branch &branch = found->first;
    if (auto allowed = AccessService::require(current, branch.companyId, branch.id, needed);
        !allowed) {
        // Refused changes are audited; refused reads are not (as for versions).
        if (needed >= Role::Editor)
            AuditLog::operationRefused(context, actor.user, operation, branch.companyId, branch.id,
                                       allowed.error());
        return allowed.error();
    }
    return branch;
}

Error notLinkedError(const Branch &branch)
{
    return Error::notFound(QStringLiteral("%1 is not linked to a Retell agent.").arg(branch.name))
        .withCode("retell.not_linked", {branch.name});
}

} // namespace retell::core
