#pragma once

#include "access/AccessService.h"
#include "access/Actor.h"
#include "common/Result.h"
#include "db/Database.h"
#include "db/ServiceContext.h"

namespace retell::core {

// The branch of a publishing call, checked against the actor's grants as
// they are now (at least `needed`). A refusal for missing rights is written
// to the audit log as a refused `operation` ("retell-link", "publish", ...).
Result<Branch> authorizePublishing(const ServiceContext &context, const Actor &actor,
                                   const QString &branchId, Role needed, const QString &operation);

// NotFound with code retell.not_linked: "<branch> is not linked to a Retell agent."
Error notLinkedError(const Branch &branch);

// A read on the calling thread's connection, run once more on a fresh one
// when the first was lost.
template <typename T, typename Body>
Result<T> readPublishing(const ServiceContext &context, Body body)
{
    return Database::retryOnce([&]() -> Result<T> {
        auto conn = Database::connection(context.spec);
        if (!conn)
            return conn.error();
        return body(conn.value());
    });
}

// The same over every branch the actor reaches with at least `needed` (the
// grants as they are now): body gets the condition on b.company_id / b.id.
template <typename T, typename Body>
Result<T> readInScope(const ServiceContext &context, const Actor &actor, Role needed, Body body)
{
    return readPublishing<T>(context, [&](QSqlDatabase &db) -> Result<T> {
        auto current = AccessService::refreshed(db, actor);
        if (!current)
            return current.error();
        return body(db, AccessService::scopeCondition(current.value(), needed,
                                                      QStringLiteral("b.company_id"),
                                                      QStringLiteral("b.id")));
    });
}

} // namespace retell::core
