#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "common/ServiceContext.h"

namespace retell::core {

class BranchService final
{
public:
    explicit BranchService(ServiceContext context) : m_context(std::move(context)) {}

    // Companies and branches the actor may see (soft-deleted ones excluded),
    // each with its active version and validation status.
    Result<QList<Branch>> branches(const Actor &actor) const;
    // By id or by unambiguous name (case-insensitive), visible to the actor.
    Result<Branch> resolve(const Actor &actor, const QString &idOrName) const;

private:
    ServiceContext m_context;
};

} // namespace retell::core
