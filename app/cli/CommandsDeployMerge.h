#pragma once

// deploy BRANCH ... --base N [--merge [--output FILE]]: a deploy whose base
// version is no longer active is refused as a conflict (exit 6); with
// --merge, the edit is merged with what was deployed since N and the merge
// is deployed when clean and valid.

#include "Cli.h"

#include "versions/VersionService.h"

namespace retell::cli {

// Prints a deploy's outcome (text or --json); `extra` goes into the JSON.
int printDeployOutcome(Cli &cli, const core::Branch &branch, const core::DeployOutcome &outcome,
                       const QString &verb, const QJsonObject &extra = {});

struct BaseConflictOptions
{
    bool merge = false; // --merge
    QString output;     // --output: where a conflicting merge goes (empty: stderr)
};

// `refused` is the deploy of `request` refused with a VersionConflict.
int deployAgainstNewerVersion(Cli &cli, const core::Actor &actor, const core::Branch &branch,
                              const core::DeployRequest &request, const core::Error &refused,
                              const BaseConflictOptions &options);

} // namespace retell::cli
