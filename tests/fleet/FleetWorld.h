#pragma once

// Two companies for the fleet and audit suites: TestWorld's "Acme Salons"
// (branches Alpha, Beta; Ann the global admin) and "Bravo Clinics" (branch
// Gamma), with an admin of each company, a viewer of Alpha and a user with
// no grant at all. Every password is "pw".

#include "TestWorld.h"

#include "access/Actor.h"
#include "db/ServiceContext.h"

namespace retell::test {

struct FleetWorld
{
    static inline const QString kBranchC = QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3303");
    static inline const QString kOlga = QStringLiteral("olga@acme.example");  // admin of Acme
    static inline const QString kCarl = QStringLiteral("carl@bravo.example"); // admin of Bravo
    static inline const QString kVera = QStringLiteral("vera@acme.example");  // viewer of Alpha
    static inline const QString kNina = QStringLiteral("nina@bravo.example"); // no grant

    core::Actor ann;
    core::Actor olga;
    core::Actor carl;
    core::Actor vera;

    // Migrates, seeds the built-in templates and creates the world; a fatal
    // error when it cannot.
    static FleetWorld create(const core::ServiceContext &context);
    static core::Actor login(const core::ServiceContext &context, const QString &email);
};

} // namespace retell::test
