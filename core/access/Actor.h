#pragma once

#include "domain/Types.h"

#include <optional>

namespace retell::core {

// The authenticated user on whose behalf a service call runs, with the grants
// loaded at login. Services check every call against it.
struct Actor
{
    User user;
    QList<Grant> grants;

    // Highest role the grants give on a branch of the given company.
    std::optional<Role> roleFor(const QString &companyId, const QString &branchId) const;
    std::optional<Role> roleForCompany(const QString &companyId) const;
    bool isGlobalAdmin() const;
    bool canSeeAnything() const { return !grants.isEmpty(); }
};

} // namespace retell::core
