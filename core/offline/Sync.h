#pragma once

#include "OutboxPush.h"
#include "ReplicaPull.h"

namespace retell::core {

// What a sync did: the push of the outbox, then the pull into the replica.
struct SyncReport
{
    PushReport push;
    PullReport pull;
    bool pulled = false; // false: cancelled, or the push stopped (server lost)

    // Operations left in the outbox that need the admin (conflicts, refusals).
    int needsAdmin() const { return push.conflicts + push.refused; }
};

// One sync of a replica with its shared database (issue 12 §3): the outbox
// pushed first (exactly once, in order; conflicts and refusals stay queued),
// then the replica pulled, so it shows the versions the push produced and
// what others deployed meanwhile. `actor` is logged in on the server: its
// grants are the server's. Cancelled through progress.cancelled: before the
// push, or between pull batches (what was pulled stays). A push that stopped
// (the server went away) skips the pull; nothing queued is lost. A replica
// belongs to the database it was first synced with: against another one the
// sync is refused (ErrorKind::Usage, code "offline.other_server") before
// anything is pushed.
class Sync final
{
public:
    Sync(ServiceContext server, ServiceContext replica)
        : m_server(std::move(server)), m_replica(std::move(replica))
    {
    }

    Result<SyncReport> run(const Actor &actor, const PullProgress &progress = {}) const;

private:
    ServiceContext m_server;
    ServiceContext m_replica;
};

} // namespace retell::core
