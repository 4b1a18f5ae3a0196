#include "access/Actor.h"

namespace retell::core {

namespace {
std::optional<Role> higher(std::optional<Role> a, Role b)
{
    if (!a || int(b) > int(*a))
        return b;
    return a;
}
} // namespace

std::optional<Role> Actor::roleFor(const QString &companyId, const QString &branchId) const
{
    std::optional<Role> best;
    for (const Grant &g : grants) {
        if (g.scope == GrantScope::Global ||
            (g.scope == GrantScope::Company && g.scopeId == companyId) ||
            (g.scope == GrantScope::Branch && g.scopeId == branchId))
            best = higher(best, g.role);
    }
    return best;
}

std::optional<Role> Actor::roleForCompany(const QString &companyId) const
{
    std::optional<Role> best;
    for (const Grant &g : grants) {
        if (g.scope == GrantScope::Global ||
            (g.scope == GrantScope::Company && g.scopeId == companyId))
            best = higher(best, g.role);
    }
    return best;
}

bool Actor::isGlobalAdmin() const
{
    for (const Grant &g : grants)
        if (g.scope == GrantScope::Global && g.role == Role::Admin)
            return true;
    return false;
}

} // namespace retell::core
