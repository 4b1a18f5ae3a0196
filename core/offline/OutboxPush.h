#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"

namespace retell::core {

struct PushReport
{
    int applied = 0;   // written now
    int replayed = 0;  // applied before (the answer was lost): removed, nothing written
    int conflicts = 0; // their base is no longer active: they wait for a merge
    int refused = 0;   // the server said no (grants, validation): the admin decides
    int waiting = 0;   // behind an earlier operation of their branch that did not apply,
                       // or queued by another user (pushed by that user's sync only)
    // The push stopped (the server went away, the login is no longer
    // valid): what is left stays queued, in order.
    bool stopped = false;
    QString stopReason;
};

// Pushes the outbox of a replica to the shared database, in order, exactly
// once (issue 12 §3-4): each operation is one server transaction that also
// records its id (VersionService, DeployRequest::operationId), so a replay
// is answered with the version it wrote. The server checks grants and
// validation again. An operation whose base is no longer the branch's active
// version is not pushed but marked a conflict; the ones queued after it on
// that branch wait. When one applies, the next queued operation of its
// branch, made on top of it, is rebased onto the version it produced.
class OutboxPush final
{
public:
    OutboxPush(ServiceContext server, ServiceContext replica)
        : m_server(std::move(server)), m_replica(std::move(replica))
    {
    }

    Result<PushReport> push(const Actor &actor) const;

private:
    ServiceContext m_server;
    ServiceContext m_replica;
};

} // namespace retell::core
