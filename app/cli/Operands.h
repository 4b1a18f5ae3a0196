#pragma once

#include "Cli.h"

#include "diff/DiffInput.h"

#include <optional>

namespace retell::cli {

// Resolves the operands of diff and merge: a file (plain prompt text, our
// export or Retell's payload), BRANCH@N, BRANCH@active, template:NAME or
// outbox:OPID (a queued operation's content, read from the replica).
// Opens the database and logs in only when an operand needs it, once.
class OperandResolver final
{
public:
    explicit OperandResolver(Cli &cli) : m_cli(cli) {}

    core::Result<core::DiffSide> resolve(const QString &spec);

private:
    core::Result<void> database();
    core::Result<core::Actor> login();

    Cli &m_cli;
    bool m_databaseReady = false;
    bool m_replicaLogin = false;
    std::optional<core::Actor> m_actor;
};

} // namespace retell::cli
