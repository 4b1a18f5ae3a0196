#pragma once

#include "Cli.h"

#include "versions/VersionService.h"

namespace retell::cli {

// After a deploy or rollback: publishes a linked branch's new version to
// Retell at once, then prints the outcome (text or --json, which gets a
// "retell" member) and one line: "live in Retell as version D", "not live
// yet: <reason> (will retry)" or "not linked to a Retell agent". The
// deploy's exit code stands whatever Retell answered: the version is
// committed, and a failed publish stays queued.
int printDeployedAndPublish(Cli &cli, const core::Actor &actor, const core::Branch &branch,
                            const core::DeployOutcome &outcome, const QString &verb,
                            const QJsonObject &extra = {});

} // namespace retell::cli
