#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "common/ServiceContext.h"

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

    // Whether text has the syntax of a branch id (a UUID); names never reach
    // the id column, where PostgreSQL would refuse them with an error.
    static bool isBranchId(const QString &text);
    // Branch and company of a branch id, without access checks (for services).
    static Result<Branch> lookup(QSqlDatabase &db, const QString &branchId);
    // The same, remembered for a short while: reads (history, show) ask it on
    // every call, and a branch almost never changes company.
    static Result<Branch> lookupForRead(QSqlDatabase &db, const QString &branchId);
    // The same and, in the same query, the user's grants as they are now.
    static Result<QPair<Branch, QList<Grant>>> lookupWithGrants(QSqlDatabase &db, const QString &branchId,
                                                                 const User &user);
    // Variables every branch provides to Retell besides its system variables.
    static const QSet<QString> &branchVariables();

private:
    Result<QList<Branch>> branchesOnce(const Actor &actor) const;

    ServiceContext m_context;
};

} // namespace retell::core
