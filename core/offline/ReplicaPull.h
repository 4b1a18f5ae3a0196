#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"

#include <functional>

namespace retell::core {

// How a pull went: what it brought into the replica.
struct PullReport
{
    int branches = 0;        // visible branches now in the replica
    int branchesRemoved = 0; // gone from the server, or no longer visible
    int versionsAdded = 0;
    int activeChanged = 0; // branches whose active version moved
    int templates = 0;     // custom and web-app templates now in the replica (ReplicaTemplates)
    bool cancelled = false;
};

// Long work reports progress (`done` of `total` versions) and stops early,
// keeping what it finished, when asked to.
struct PullProgress
{
    std::function<void(qint64 done, qint64 total)> report;
    std::function<bool()> cancelled;
};

// Fills and refreshes a local replica (a migrated SQLite database) from the
// shared database, with what `actor` may see (issue 12 §1): companies and
// branches (soft-deleted ones gone), their versions with who deployed them,
// the actor's own grants and login (its password hash, for an offline
// login), other users' names only. A replica holds one login: a pull by
// another user leaves whoever pulled before with a name only (no password
// hash, no grants), since the replica then holds what the new user may see.
// Versions are append-only apart from the active flag: new rows are pulled
// by id, in batches that each commit with the last id reached (a cancelled
// or interrupted fill resumes there), then the active version per branch; a
// branch that became visible gets its whole history. Last, the templates
// the actor sees (ReplicaTemplates).
class ReplicaPull final
{
public:
    ReplicaPull(ServiceContext server, ServiceContext replica)
        : m_server(std::move(server)), m_replica(std::move(replica))
    {
    }

    Result<PullReport> pull(const Actor &actor, const PullProgress &progress = {}) const;

    static constexpr int kBatch = 500;

private:
    ServiceContext m_server;
    ServiceContext m_replica;
};

} // namespace retell::core
