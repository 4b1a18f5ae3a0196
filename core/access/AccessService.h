#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"

#include <QVariantList>

class QSqlDatabase;
class QSqlQuery;

namespace retell::core {

class RowReader;

// A condition on a company column and a branch column (" AND (...)"), with
// its bound values, that keeps the rows an actor reaches with at least a
// role: empty for a global grant of that role, " AND 1 = 0" for nobody. One
// query over many branches instead of a check per branch.
struct ScopeCondition
{
    QString sql;
    QVariantList bind;
    bool everything = false; // a global grant: no condition
};

// Grants live in the app's own table retell_admin_grants. Granting needs an
// admin of the scope (or a global admin); on a database with no grants at
// all, the first global admin may be granted by whoever holds the database
// credentials (bootstrap).
class AccessService final
{
public:
    explicit AccessService(ServiceContext context) : m_context(std::move(context)) {}

    Result<QList<Grant>> grants(const Actor &actor) const;
    Result<Grant> grant(const Actor *actor, const QString &email, Role role, GrantScope scope,
                        const QString &scopeId) const;
    Result<int> revoke(const Actor &actor, const QString &email, GrantScope scope,
                       const QString &scopeId) const;
    Result<bool> hasAnyGrant() const;

    // The user's grants as they are now in the database: services check
    // writes against these, so a revoked role stops working at once, not at
    // the next login.
    static Result<QList<Grant>> loadGrants(QSqlDatabase &db, const User &user);
    static Result<Actor> refreshed(QSqlDatabase &db, const Actor &actor);
    // A grant of `user` from the columns grant_id, scope, scope_id, role.
    static Grant grantFromRow(const RowReader &row, const User &user);

    // Users of the web application by name or e-mail (case-insensitive
    // substring), for choosing whom to grant a role. Admins only. A global
    // admin finds every user; an admin of a company or branch finds the users
    // who hold a grant there, and anyone else only by their whole e-mail
    // address: the people of other companies cannot be listed.
    Result<QList<User>> users(const Actor &actor, const QString &search, int limit = 50) const;

    static ScopeCondition scopeCondition(const Actor &actor, Role needed,
                                         const QString &companyColumn, const QString &branchColumn);

    // Service-side checks used by every other service.
    static Result<void> require(const Actor &actor, const QString &companyId,
                                const QString &branchId, Role needed);

private:
    ServiceContext m_context;
};

} // namespace retell::core
