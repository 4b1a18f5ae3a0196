#include "access/AccessService.h"

#include "access/BranchLookup.h"
#include "audit/AuditLog.h"
#include "db/Database.h"
#include "db/Dialect.h"
#include "db/RowReader.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

namespace {

Result<User> userByEmail(QSqlDatabase &db, const QString &email)
{
    auto q = Database::exec(
        db, QStringLiteral("SELECT id, name, email FROM users WHERE LOWER(email) = LOWER(?)"),
        {email.trimmed()});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("No user with the e-mail address %1.").arg(email));
    const RowReader row(q.value());
    return User{row.integer("id"_L1), row.text("name"_L1), row.text("email"_L1)};
}

Result<void> checkScope(QSqlDatabase &db, GrantScope scope, const QString &scopeId,
                        QString *companyOfBranch)
{
    if (scope == GrantScope::Global) {
        if (!scopeId.isEmpty())
            return Error::usage(QStringLiteral("A global grant takes no company or branch."));
        return {};
    }
    // A grant matches by exact text: an id must be written as the database
    // holds it ("3", not "03" or " 3"), and name a company or branch that
    // exists and is not deleted, or it would be stored and never match.
    if (scope == GrantScope::Company) {
        static const QRegularExpression canonical(QStringLiteral("^[1-9][0-9]{0,17}$"));
        if (!canonical.match(scopeId).hasMatch())
            return Error::usage(
                QStringLiteral("A company id is a whole number such as 3, not \"%1\".")
                    .arg(scopeId));
        auto q = Database::exec(
            db, QStringLiteral("SELECT id FROM companies WHERE id = ? AND deleted_at IS NULL"),
            {scopeId.toLongLong()});
        if (!q)
            return q.error();
        if (!q->next())
            return Error::notFound(
                QStringLiteral("No company with id %1 (or it was deleted).").arg(scopeId));
        return {};
    }
    auto branch = BranchLookup::lookup(db, scopeId);
    if (!branch)
        return branch.error();
    if (branch->id != scopeId)
        return Error::notFound(
            QStringLiteral("No branch with id \"%1\"; its id is %2.").arg(scopeId, branch->id));
    *companyOfBranch = branch->companyId;
    return {};
}

// The user a grant or revoke is about and, for a branch scope, its company.
struct GrantTarget
{
    User user;
    QString branchCompany;
};

Result<GrantTarget> grantTarget(QSqlDatabase &db, const QString &email, GrantScope scope,
                                const QString &scopeId)
{
    auto user = userByEmail(db, email);
    if (!user)
        return user.error();
    GrantTarget target{user.value(), {}};
    if (auto s = checkScope(db, scope, scopeId, &target.branchCompany); !s)
        return s.error();
    return target;
}

// Whether the actor administers the scope a grant lives in.
bool administers(const Actor &actor, GrantScope scope, const QString &scopeId,
                 const QString &branchCompany)
{
    switch (scope) {
    case GrantScope::Global:
        return actor.isGlobalAdmin();
    case GrantScope::Company:
        return actor.roleForCompany(scopeId) == Role::Admin;
    case GrantScope::Branch:
        return actor.roleFor(branchCompany, scopeId) == Role::Admin;
    }
    return false;
}

// The audit entry of a change to the grants of target on a scope (branch
// scopes also name their company, so company admins see them).
AuditEntry grantEntry(AuditKind kind, const Actor *actor, const QDateTime &at, const User &target,
                      GrantScope scope, const QString &scopeId, const QString &branchCompany,
                      std::optional<Role> role)
{
    AuditEntry e;
    e.at = at;
    e.kind = kind;
    if (actor) {
        e.userId = actor->user.id;
        e.userEmail = actor->user.email;
    } else {
        e.operation = QStringLiteral("bootstrap");
    }
    e.companyId = scope == GrantScope::Company ? scopeId : branchCompany;
    e.branchId = scope == GrantScope::Branch ? scopeId : QString();
    e.subjectEmail = target.email;
    e.scope = scope;
    e.scopeId = scopeId;
    e.role = role;
    return e;
}

// Where a grant or revoke was refused for missing rights, for the audit.
struct Refusal
{
    bool refused = false;
    QString companyId;
    QString branchId;
};

Error refuse(Refusal &refusal, GrantScope scope, const QString &scopeId,
             const QString &branchCompany, const QString &verb)
{
    refusal = {true, scope == GrantScope::Company ? scopeId : branchCompany,
               scope == GrantScope::Branch ? scopeId : QString()};
    return Error::permission(
        QStringLiteral("Only an admin of that %1 can %2 roles in it.").arg(scopeName(scope), verb));
}

} // namespace

Result<QList<Grant>> AccessService::loadGrants(QSqlDatabase &db, const User &user)
{
    auto q = Database::exec(db,
                            QStringLiteral("SELECT id AS grant_id, scope, scope_id, role FROM "
                                           "retell_admin_grants WHERE user_id = ?"),
                            {user.id});
    if (!q)
        return q.error();
    QList<Grant> grants;
    const RowReader row(q.value());
    while (q->next())
        grants << grantFromRow(row, user);
    return grants;
}

Grant AccessService::grantFromRow(const RowReader &row, const User &user)
{
    Grant g;
    g.id = row.integer("grant_id"_L1);
    g.userId = user.id;
    g.userEmail = user.email;
    const QString scope = row.text("scope"_L1);
    g.scope = scope == QLatin1String("company")  ? GrantScope::Company
              : scope == QLatin1String("branch") ? GrantScope::Branch
                                                 : GrantScope::Global;
    g.scopeId = row.text("scope_id"_L1);
    g.role = roleFromName(row.text("role"_L1)).value_or(Role::Viewer);
    return g;
}

Result<Actor> AccessService::refreshed(QSqlDatabase &db, const Actor &actor)
{
    auto grants = loadGrants(db, actor.user);
    if (!grants)
        return grants.error();
    Actor fresh = actor;
    fresh.grants = grants.value();
    return fresh;
}

Result<void> AccessService::require(const Actor &actor, const QString &companyId,
                                    const QString &branchId, Role needed)
{
    const auto role = actor.roleFor(companyId, branchId);
    if (!role)
        return Error::permission(
                   QStringLiteral("%1 has no access to this branch.").arg(actor.user.email))
            .withCode("access.no_access", {actor.user.email});
    if (int(*role) < int(needed))
        return Error::permission(QStringLiteral("%1 is a %2 here; this needs the %3 role.")
                                     .arg(actor.user.email, roleName(*role), roleName(needed)))
            .withCode("access.role_too_low", {actor.user.email, roleName(*role), roleName(needed)});
    return {};
}

Result<bool> AccessService::hasAnyGrant() const
{
    auto conn = Database::connection(m_context.spec);
    if (!conn)
        return conn.error();
    auto q = Database::exec(conn.value(),
                            QStringLiteral("SELECT COUNT(*) AS n FROM retell_admin_grants"));
    if (!q)
        return q.error();
    return q->next() && RowReader(q.value()).integer("n"_L1) > 0;
}

namespace {

// The grants an actor may see: admins those inside their scope, everyone
// their own.
Result<QList<Grant>> visibleGrants(QSqlDatabase &db, const Actor &actor)
{
    auto q = Database::exec(
        db,
        QStringLiteral(
            "SELECT g.id AS grant_id, g.user_id AS user_id, u.email AS email, g.scope AS scope, "
            "g.scope_id AS scope_id, g.role AS role, b.company_id AS company_id "
            "FROM retell_admin_grants g JOIN users u ON u.id = g.user_id "
            "LEFT JOIN branches b ON g.scope = 'branch' AND ") +
            SqlDialect::of(db).uuidAsText(QStringLiteral("b.id")) +
            QStringLiteral(" = g.scope_id "
                           "ORDER BY u.email, g.scope, g.scope_id"));
    if (!q)
        return q.error();
    QList<Grant> result;
    const RowReader row(q.value());
    while (q->next()) {
        Grant g = AccessService::grantFromRow(row, User{row.integer("user_id"_L1), {}, {}});
        g.userEmail = row.text("email"_L1);
        bool visible = g.userId == actor.user.id || actor.isGlobalAdmin();
        if (!visible && g.scope == GrantScope::Company)
            visible = actor.roleForCompany(g.scopeId) == Role::Admin;
        if (!visible && g.scope == GrantScope::Branch)
            visible = actor.roleFor(row.text("company_id"_L1), g.scopeId) == Role::Admin;
        if (visible)
            result << g;
    }
    return result;
}

// text as a LIKE pattern matching it anywhere, with '!' as the escape.
QString containsPattern(const QString &text)
{
    QString escaped;
    for (const QChar c : text) {
        if (c == QLatin1Char('!') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped += QLatin1Char('!');
        escaped += c;
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString placeholders(qsizetype n)
{
    QStringList marks(n, QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

} // namespace

Result<QList<Grant>> AccessService::grants(const Actor &actor) const
{
    auto conn = Database::connection(m_context.spec);
    if (!conn)
        return conn.error();
    return visibleGrants(conn.value(), actor);
}

Result<QList<User>> AccessService::users(const Actor &actor, const QString &search, int limit) const
{
    limit = std::clamp(limit, 1, 500);
    return Database::retryOnce([&]() -> Result<QList<User>> {
        auto conn = Database::connection(m_context.spec);
        if (!conn)
            return conn.error();
        QSqlDatabase &db = conn.value();
        auto current = refreshed(db, actor);
        if (!current)
            return current.error();
        const bool admin = std::any_of(current->grants.cbegin(), current->grants.cend(),
                                       [](const Grant &g) { return g.role == Role::Admin; });
        if (!admin)
            return Error::permission(
                QStringLiteral("Only admins may look up users; %1 is none.").arg(actor.user.email));
        const QString needle = search.trimmed().toLower();
        const QString pattern = containsPattern(needle);
        const QString matches =
            QStringLiteral("(LOWER(name) LIKE ? ESCAPE '!' OR LOWER(email) LIKE ? ESCAPE '!')");
        QString where = matches;
        QVariantList bind{pattern, pattern};
        if (!current->isGlobalAdmin()) {
            auto visible = visibleGrants(db, current.value());
            if (!visible)
                return visible.error();
            QSet<UserId> ids;
            for (const Grant &g : std::as_const(*visible))
                ids.insert(g.userId);
            where = QStringLiteral("LOWER(email) = ?");
            bind = {needle};
            if (!ids.isEmpty()) {
                where += QStringLiteral(" OR (id IN (%1) AND %2)")
                             .arg(placeholders(ids.size()), matches);
                for (const UserId id : std::as_const(ids))
                    bind << id;
                bind << pattern << pattern;
            }
        }
        bind << limit;
        auto q = Database::exec(db,
                                QStringLiteral("SELECT id, name, email FROM users WHERE ") + where +
                                    QStringLiteral(" ORDER BY name, email, id LIMIT ?"),
                                bind);
        if (!q)
            return q.error();
        QList<User> found;
        const RowReader row(q.value());
        while (q->next())
            found << User{row.integer("id"_L1), row.text("name"_L1), row.text("email"_L1)};
        return found;
    });
}

ScopeCondition AccessService::scopeCondition(const Actor &actor, Role needed,
                                             const QString &companyColumn,
                                             const QString &branchColumn)
{
    ScopeCondition condition;
    QVariantList companies;
    QVariantList branches;
    for (const Grant &g : actor.grants) {
        if (int(g.role) < int(needed))
            continue;
        if (g.scope == GrantScope::Global) {
            condition.everything = true;
            return condition;
        }
        (g.scope == GrantScope::Company ? companies : branches) << g.scopeId;
    }
    QStringList parts;
    if (!companies.isEmpty())
        parts << QStringLiteral("%1 IN (%2)").arg(companyColumn, placeholders(companies.size()));
    if (!branches.isEmpty())
        parts << QStringLiteral("%1 IN (%2)").arg(branchColumn, placeholders(branches.size()));
    condition.sql = parts.isEmpty() ? QStringLiteral(" AND 1 = 0")
                                    : QStringLiteral(" AND (") +
                                          parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    condition.bind = companies + branches;
    return condition;
}

Result<Grant> AccessService::grant(const Actor *actor, const QString &email, Role role,
                                   GrantScope scope, const QString &scopeId) const
{
    Grant created;
    Refusal refusal;
    auto r = Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto resolved = grantTarget(db, email, scope, scopeId);
        if (!resolved)
            return resolved.error();
        const User *target = &resolved->user;
        const QString &branchCompany = resolved->branchCompany;
        if (actor) {
            auto current = refreshed(db, *actor);
            if (!current)
                return current.error();
            if (!administers(current.value(), scope, scopeId, branchCompany))
                return refuse(refusal, scope, scopeId, branchCompany, QStringLiteral("grant"));
        } else {
            // Bootstrap: whoever holds the database credentials may create the
            // first global admin, and nothing else, on a database with no grants.
            // Locking read: concurrent bootstraps must not all see an empty table.
            if (auto locked = SqlDialect::of(db).lockTableForInserts(
                    db, QStringLiteral("retell_admin_grants"));
                !locked)
                return locked.error();
            auto any = Database::exec(
                db, QStringLiteral("SELECT id FROM retell_admin_grants LIMIT 1") + rowLock(db));
            if (!any)
                return any.error();
            if (any->next())
                return Error{ErrorKind::Authentication,
                             QStringLiteral("Log in (--user) as an admin to grant roles; only the "
                                            "very first admin can be granted without one."),
                             {}};
            if (scope != GrantScope::Global || role != Role::Admin)
                return Error::usage(QStringLiteral("The first grant on a database must make a "
                                                   "global admin (--role admin --global)."));
        }
        const QString now = toSqlTimestamp(m_context.clock());
        auto existing = Database::exec(db,
                                       QStringLiteral("SELECT id FROM retell_admin_grants WHERE "
                                                      "user_id = ? AND scope = ? AND scope_id = ?"),
                                       {target->id, scopeName(scope), scopeId});
        if (!existing)
            return existing.error();
        if (existing->next()) {
            created.id = RowReader(existing.value()).integer("id"_L1);
            auto u = Database::exec(
                db,
                QStringLiteral(
                    "UPDATE retell_admin_grants SET role = ?, granted_by = ? WHERE id = ?"),
                {roleName(role), actor ? QVariant(actor->user.id) : QVariant(), created.id});
            if (!u)
                return u.error();
        } else {
            auto i = insertReturningId(
                db,
                QStringLiteral("INSERT INTO retell_admin_grants (user_id, scope, scope_id, role, "
                               "granted_by, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                {target->id, scopeName(scope), scopeId, roleName(role),
                 actor ? QVariant(actor->user.id) : QVariant(), now});
            if (!i)
                return i.error();
            created.id = i.value();
        }
        created.userId = target->id;
        created.userEmail = target->email;
        created.scope = scope;
        created.scopeId = scopeId;
        created.role = role;
        return AuditLog::write(db, grantEntry(AuditKind::Grant, actor, m_context.clock(), *target,
                                              scope, scopeId, branchCompany, role));
    });
    if (!r) {
        if (refusal.refused && actor)
            AuditLog::operationRefused(m_context, actor->user, QStringLiteral("grant"),
                                       refusal.companyId, refusal.branchId, r.error());
        return r.error();
    }
    return created;
}

Result<int> AccessService::revoke(const Actor &actor, const QString &email, GrantScope scope,
                                  const QString &scopeId) const
{
    int removed = 0;
    Refusal refusal;
    auto r = Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto resolved = grantTarget(db, email, scope, scopeId);
        if (!resolved)
            return resolved.error();
        const User *target = &resolved->user;
        const QString &branchCompany = resolved->branchCompany;
        auto current = refreshed(db, actor);
        if (!current)
            return current.error();
        if (!administers(current.value(), scope, scopeId, branchCompany))
            return refuse(refusal, scope, scopeId, branchCompany, QStringLiteral("revoke"));
        if (scope == GrantScope::Global) {
            // Never remove the last global admin, also when several admins
            // revoke at once: the locking read holds the admin rows to commit.
            auto admins =
                Database::exec(db, QStringLiteral("SELECT user_id FROM retell_admin_grants WHERE "
                                                  "scope = 'global' AND role = 'admin'") +
                                       rowLock(db));
            if (!admins)
                return admins.error();
            int count = 0;
            bool targetIsAdmin = false;
            const RowReader admin(admins.value());
            while (admins->next()) {
                ++count;
                targetIsAdmin = targetIsAdmin || admin.integer("user_id"_L1) == target->id;
            }
            if (targetIsAdmin && count <= 1)
                return Error::conflict(QStringLiteral("%1 is the last global admin; grant another "
                                                      "admin before revoking this one.")
                                           .arg(target->email));
        }
        auto d = Database::exec(
            db,
            QStringLiteral(
                "DELETE FROM retell_admin_grants WHERE user_id = ? AND scope = ? AND scope_id = ?"),
            {target->id, scopeName(scope), scopeId});
        if (!d)
            return d.error();
        removed = d->numRowsAffected();
        if (removed == 0)
            return {};
        return AuditLog::write(db, grantEntry(AuditKind::Revoke, &actor, m_context.clock(), *target,
                                              scope, scopeId, branchCompany, std::nullopt));
    });
    if (!r) {
        if (refusal.refused)
            AuditLog::operationRefused(m_context, actor.user, QStringLiteral("revoke"),
                                       refusal.companyId, refusal.branchId, r.error());
        return r.error();
    }
    if (removed == 0)
        return Error::notFound(
            QStringLiteral("%1 has no %2 grant there.").arg(email, scopeName(scope)));
    return removed;
}

} // namespace retell::core
