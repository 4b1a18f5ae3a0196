#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"

#include <QPair>

class QSqlDatabase;

namespace retell::core {

class RowReader;

// Which branch and company a branch id names, without access checks: what
// authorization decisions stand on. Services above access (branches,
// versions, templates) ask here; access never asks them.
class BranchLookup final
{
public:
    // Whether text has the syntax of a branch id (a UUID); names never reach
    // the id column, where PostgreSQL would refuse them with an error.
    static bool isBranchId(const QString &text);
    // Branch and company of a live (not soft-deleted) branch id.
    static Result<Branch> lookup(QSqlDatabase &db, const QString &branchId);
    // The same, remembered for 30 s by the given clock: reads (history, show)
    // ask it on every call, and a branch almost never changes company.
    static Result<Branch> lookupForRead(QSqlDatabase &db, const QString &branchId,
                                        const Clock &clock);
    // The same and, in the same query, the user's grants as they are now.
    static Result<QPair<Branch, QList<Grant>>>
    lookupWithGrants(QSqlDatabase &db, const QString &branchId, const User &user);
    // " AND b.deleted_at IS NULL AND c.deleted_at IS NULL" where the tables
    // soft-delete (branches b, companies c); empty otherwise.
    static QString liveFilter(QSqlDatabase &db);
    // The columns of a branch b and its company c, for a select list, and the
    // branch read back from them.
    static QString branchColumns();
    static Branch branchFrom(const RowReader &row);
};

} // namespace retell::core
