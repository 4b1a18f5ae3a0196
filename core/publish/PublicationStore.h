#pragma once

#include "access/AccessService.h"
#include "publish/Publishing.h"

class QSqlDatabase;

namespace retell::core {

// The SQL of publishing: retell_admin_retell_links and
// retell_admin_publications (the queue is written with the versions by
// versions/PublicationQueue). Rules, access checks and Retell stay in the
// services.
class PublicationStore final
{
public:
    // --- links
    static Result<std::optional<RetellLink>> link(QSqlDatabase &db, const QString &branchId);
    // The branch the agent is linked to ("" when none).
    static Result<QString> branchOfAgent(QSqlDatabase &db, const QString &agentId);
    static Result<void> saveLink(QSqlDatabase &db, const RetellLink &link, bool exists);
    static Result<void> removeLink(QSqlDatabase &db, const QString &branchId);
    // A linked branch as the drift check and the publisher read it: its
    // link, its active version (none: no version yet) and that version's
    // publication.
    struct LinkedBranch
    {
        RetellLink link;
        std::optional<PromptVersion> active; // rowId, version, config, notes
        std::optional<Publication> publication;
    };
    // Linked live branches within scope (AccessService::scopeCondition on
    // b.company_id / b.id), of one branch or company when branchId or
    // companyId is given, in one query, by company and branch name.
    static Result<QList<LinkedBranch>> linkedBranches(QSqlDatabase &db, const ScopeCondition &scope,
                                                      const QString &branchId = {},
                                                      const QString &companyId = {});
    // The active version of a branch (rowId, version, config, notes).
    static Result<std::optional<PromptVersion>> activeVersion(QSqlDatabase &db,
                                                              const QString &branchId);
    // A version by its row id (rowId, branchId, version, config, notes).
    static Result<std::optional<PromptVersion>> versionRow(QSqlDatabase &db, qint64 promptId);

    // --- publications
    static Result<std::optional<Publication>> read(QSqlDatabase &db, qint64 promptId);
    static Result<std::optional<Publication>> forVersion(QSqlDatabase &db, const QString &branchId,
                                                         int version);
    // Newest version first.
    static Result<QList<Publication>> forBranch(QSqlDatabase &db, const QString &branchId);
    // Due at `now` (pending past next_attempt_at, publishing past its lease)
    // within scope, oldest first.
    static Result<QList<Publication>> due(QSqlDatabase &db, const ScopeCondition &scope,
                                          const QDateTime &now, int limit);
    // Not live and not superseded, within scope.
    static Result<QList<Publication>> notLive(QSqlDatabase &db, const ScopeCondition &scope);
    // The Retell version of the branch's newest live publication to agentId.
    static Result<std::optional<int>> lastLiveVersion(QSqlDatabase &db, const QString &branchId,
                                                      const QString &agentId);
    // Whether the branch has a publication of a version newer than `version`.
    static Result<bool> hasNewer(QSqlDatabase &db, const QString &branchId, int version);

    // Pending (or publishing past its lease) and due -> publishing with a
    // lease until leaseUntil, one attempt more: the publication as claimed
    // (its attempts number identifies this claim). None when another worker
    // has it, it is not due, or it is in another state.
    static Result<std::optional<Publication>>
    claim(QSqlDatabase &db, qint64 promptId, const QDateTime &now, const QDateTime &leaseUntil);
    // Extends the lease of the claim `attempt`; false when it is no longer
    // ours (expired and taken by another worker, or superseded).
    static Result<bool> renewLease(QSqlDatabase &db, qint64 promptId, int attempt,
                                   const QDateTime &leaseUntil);
    // Makes a publication due at once: a pending or superseded one (unless
    // Retell's Retry-After still runs), and with force also a rejected,
    // held or live one (an overwrite: its retellVersion stays, the floor of
    // the marker search), then marked forced.
    static Result<void> requeue(QSqlDatabase &db, qint64 promptId, bool force,
                                const QDateTime &now);
    // A version linked again, to another agent or LLM: pending for them,
    // as never published (unless a worker holds its lease now).
    static Result<void> retarget(QSqlDatabase &db, qint64 promptId, const QString &agentId,
                                 const QString &llmId, bool force, const QDateTime &now);
    // The end of an attempt that did not make it live.
    static Result<void> recordFailure(QSqlDatabase &db, qint64 promptId, int attempt,
                                      Publication::State state, const Error &error,
                                      const std::optional<QDateTime> &nextAttemptAt);
    // Live as Retell version retellVersion, with the contract columns of the
    // version's row.
    static Result<void> recordLive(QSqlDatabase &db, const Publication &publication,
                                   int retellVersion, const QDateTime &now);
    // pending/publishing/held of the branch -> superseded with the code.
    static Result<void> supersedeWaiting(QSqlDatabase &db, const QString &branchId,
                                         const QString &code);
};

} // namespace retell::core
