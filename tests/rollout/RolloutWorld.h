#pragma once

// The world of the rollout suites: a source branch Berlin whose v3 -> v4
// edit is rolled out to 20 branches of company "Acme Salons" (15 merge
// cleanly, 3 already have the edit, 2 changed the same line their own way),
// and a second company "Other Co" with its own admin.

#include "access/Actor.h"
#include "db/ConnectionSpec.h"
#include "domain/Types.h"

#include <QStringList>

namespace retell::test {

struct RolloutWorld
{
    core::Actor ann;  // global admin
    core::Actor carl; // admin of Acme Salons
    core::Actor bea;  // admin of Other Co
    QString acmeId;
    QString otherId;
    QString berlin;          // the source branch: v1..v4
    QStringList clean;       // 15
    QStringList alreadyHas;  // 3
    QStringList conflicting; // 2
    QStringList others;      // 2 branches of Other Co, each with one version
    QStringList targets() const { return clean + alreadyHas + conflicting; }

    // Berlin v3 and v4: the edit offers two appointments instead of one.
    static core::AgentConfig base();
    static core::AgentConfig edited();
    // What a clean target has before: the base with its own greeting line.
    static core::AgentConfig customised(const QString &city);
    // The rollout's result on such a target.
    static core::AgentConfig customisedEdited(const QString &city);

    static RolloutWorld create(const core::ConnectionSpec &spec);
};

} // namespace retell::test
