#include "templates/TemplateAccess.h"

#include "access/BranchLookup.h"

namespace retell::core {

namespace {

void raise(QHash<QString, Role> &roles, const QString &companyId, Role role)
{
    auto it = roles.find(companyId);
    if (it == roles.end())
        roles.insert(companyId, role);
    else if (int(role) > int(*it))
        *it = role;
}

bool atLeast(std::optional<Role> role, Role needed)
{
    return role && int(*role) >= int(needed);
}

} // namespace

Result<TemplateReach> TemplateReach::of(QSqlDatabase &db, const Actor &actor,
                                        const Clock *readCache)
{
    TemplateReach reach;
    reach.user = actor.user.id;
    for (const Grant &g : actor.grants) {
        switch (g.scope) {
        case GrantScope::Global:
            if (!reach.global || int(g.role) > int(*reach.global))
                reach.global = g.role;
            break;
        case GrantScope::Company:
            raise(reach.companyGrants, g.scopeId, g.role);
            raise(reach.anyGrants, g.scopeId, g.role);
            break;
        case GrantScope::Branch: {
            auto branch = readCache ? BranchLookup::lookupForRead(db, g.scopeId, *readCache)
                                    : BranchLookup::lookup(db, g.scopeId);
            if (!branch) {
                if (branch.error().kind == ErrorKind::NotFound)
                    continue; // a grant on a deleted branch reaches nothing
                return branch.error();
            }
            raise(reach.anyGrants, branch->companyId, g.role);
            break;
        }
        }
    }
    return reach;
}

std::optional<Role> TemplateReach::roleIn(const QString &companyId) const
{
    std::optional<Role> best = global;
    if (const auto it = anyGrants.constFind(companyId);
        it != anyGrants.constEnd() && (!best || int(*it) > int(*best)))
        best = *it;
    return best;
}

bool TemplateReach::mayDeploySomewhere() const
{
    if (atLeast(global, Role::Editor))
        return true;
    for (const Role role : anyGrants)
        if (atLeast(role, Role::Editor))
            return true;
    return false;
}

bool TemplateReach::sees(const Template &tmpl) const
{
    switch (tmpl.source) {
    case TemplateSource::BuiltIn:
        return true;
    case TemplateSource::WebApp:
        return mayDeploySomewhere();
    case TemplateSource::Custom:
        return tmpl.companyId.isEmpty() || roleIn(tmpl.companyId).has_value();
    }
    return false;
}

bool TemplateReach::maySaveFor(const QString &companyId) const
{
    if (companyId.isEmpty())
        return global == Role::Admin;
    return atLeast(roleIn(companyId), Role::Editor);
}

bool TemplateReach::mayChange(const Template &tmpl) const
{
    if (tmpl.source != TemplateSource::Custom)
        return false;
    if (global == Role::Admin)
        return true;
    if (tmpl.companyId.isEmpty())
        return false; // shared with every company: global admins only
    if (companyGrants.value(tmpl.companyId) == Role::Admin)
        return true;
    return tmpl.createdBy == user && atLeast(roleIn(tmpl.companyId), Role::Editor);
}

} // namespace retell::core
