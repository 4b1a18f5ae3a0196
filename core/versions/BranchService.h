#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"
#include "validation/Validator.h"

#include <QSet>

class QSqlDatabase;

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
    // The same among branches already listed for the actor (many names, one query).
    static Result<Branch> resolveIn(const QList<Branch> &branches, const Actor &actor,
                                    const QString &idOrName);

    // Variables every branch provides to Retell besides its system variables.
    static const QSet<QString> &branchVariables();
    // What the validator needs to know about a branch (its known variables);
    // the one place that builds it. Today every branch provides the same
    // variables, so it does not depend on which one.
    static ValidationContext validationContext(const Branch &branch = {});

private:
    Result<QList<Branch>> branchesOnce(const Actor &actor) const;

    ServiceContext m_context;
};

} // namespace retell::core
