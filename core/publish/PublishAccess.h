#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"

namespace retell::core {

// The branch of a publishing call, checked against the actor's grants as
// they are now (at least `needed`). A refusal for missing rights is written
// to the audit log as a refused `operation` ("retell-link", "publish", ...).
Result<Branch> authorizePublishing(const ServiceContext &context, const Actor &actor,
                                   const QString &branchId, Role needed, const QString &operation);

// NotFound with code retell.not_linked: "<branch> is not linked to a Retell agent."
Error notLinkedError(const Branch &branch);

} // namespace retell::core
