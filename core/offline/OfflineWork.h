#pragma once

#include "Outbox.h"
#include "access/Actor.h"
#include "versions/VersionService.h"

namespace retell::core {

// Work done offline against a replica (issue 12 §2): a deploy, import,
// template apply or rollback is checked exactly as online (VersionService's
// checkDeploy / checkRollback run on the replica: the actor's editor grant
// as the replica holds it, the notes, blocking findings; TemplateService
// finds the template), then queued in the outbox instead of written. It
// never invents a version number: the server numbers it on push.
//
// Base version: the one the edit started from when the caller gives it
// (DeployRequest::baseVersion, or `baseVersion`), else the replica's active
// version of the branch (0: none). Operations queued one after another on a
// branch share that base; the push rebases each onto the version the one
// before produced (OutboxPush), so a chain of offline edits applies in order.
//
// Content equal to what the branch will run once its queued operations apply
// (the last queued one's, else the replica's active version) is refused with
// ErrorKind::Unchanged, as online (there is no "allow unchanged" offline: the
// server would refuse it on push).
class OfflineWork final
{
public:
    explicit OfflineWork(ServiceContext replica) : m_replica(std::move(replica)) {}

    // kind: Deploy or Import.
    Result<QueuedOperation>
    deploy(const Actor &actor, const QString &branchId, const DeployRequest &request,
           QueuedOperation::Kind kind = QueuedOperation::Kind::Deploy) const;
    // The template as TemplateService finds it for the branch on the replica.
    Result<QueuedOperation> applyTemplate(const Actor &actor, const QString &branchId,
                                          const QString &templateName, const QString &notes,
                                          std::optional<int> baseVersion = std::nullopt) const;
    // notes: the admin's own words (the push adds the rollback sentence).
    Result<QueuedOperation> rollback(const Actor &actor, const QString &branchId, int toVersion,
                                     const QString &notes,
                                     std::optional<int> baseVersion = std::nullopt) const;

    // A conflict resolved: the merged content replaces the operation's,
    // checked like a deploy (grants, notes, blocking findings) and based on
    // the branch's active version in the replica (the one it was merged
    // with, after the sync that found the conflict); pending again.
    // ErrorKind::Usage (code "offline.not_conflict") when the operation is
    // not a conflict, ("offline.rollback_conflict") when it is a rollback
    // (nothing to merge: drop it and roll back again); NotFound when no
    // operation has that id.
    Result<QueuedOperation> resolve(const Actor &actor, const QString &operationId,
                                    const AgentConfig &merged) const;

    // The operations queued for a branch (every state), in push order: the
    // pending rows of its history, the marker in the tree.
    Result<QList<QueuedOperation>> pending(const QString &branchId) const;
    // Every queued operation, in push order.
    Result<QList<QueuedOperation>> queued() const;

private:
    Result<QueuedOperation> enqueue(const Actor &actor, const DeployCheck &checked,
                                    QueuedOperation op) const;

    ServiceContext m_replica;
};

} // namespace retell::core
