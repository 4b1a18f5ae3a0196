#pragma once

// How the offline tests queue an operation the way an offline admin does:
// based on the replica's active version of the branch. Header-only: the
// worker processes (tests/crash/offline_worker) use it without linking the
// Qt Test based support library.
#include "TestWorld.h"

#include "db/Database.h"
#include "offline/Outbox.h"

namespace retell::test {

// The content a deploy queued by the tests carries: unique per tag.
inline QString offlinePrompt(const QString &tag)
{
    return QStringLiteral("Offline edit %1; finish with end_call.").arg(tag);
}

// Queues `op` (branch, kind and payload set) for user `userId` on the
// replica, based on the replica's active version of its branch.
inline core::Result<core::QueuedOperation> queueOnReplica(const core::ServiceContext &replica,
                                                          core::QueuedOperation op, qint64 userId)
{
    auto conn = core::Database::connection(replica.spec);
    if (!conn)
        return conn.error();
    auto active = core::Database::exec(
        conn.value(),
        QStringLiteral("SELECT version FROM retell_agent_prompts WHERE branch_id = ? AND "
                       "is_active = TRUE"),
        {op.branchId});
    if (!active)
        return active.error();
    if (active->next())
        op.baseVersion = active->value(0).toInt();
    active->finish();
    op.userId = userId;
    return core::Outbox(replica).enqueue(op);
}

// A deploy of content of its own (`notes` makes it unique).
inline core::QueuedOperation offlineDeploy(const QString &branch, const QString &notes)
{
    core::QueuedOperation op;
    op.branchId = branch;
    op.kind = core::QueuedOperation::Kind::Deploy;
    op.notes = notes;
    op.config = {offlinePrompt(notes), TestWorld::kTools};
    return op;
}

} // namespace retell::test
