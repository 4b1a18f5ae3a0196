#pragma once

#include "Cli.h"

#include "offline/Outbox.h"

namespace retell::cli {

// A queued operation in the outbox (the --json form of outbox, and of a
// command that queued it with --offline).
QJsonObject toJson(const core::QueuedOperation &op);
// What a command that queued work with --offline prints: the operation's id
// and where it goes, or the refusal. Exit 0 once queued.
int printQueued(Cli &cli, const core::Branch &branch,
                const core::Result<core::QueuedOperation> &queued);
// The one-line form of a queued operation (outbox, history --offline).
QString describeQueued(const Cli &cli, const core::QueuedOperation &op);

} // namespace retell::cli
