#pragma once

#include "rollout/Rollout.h"

#include <QHash>

class QSqlDatabase;

namespace retell::core {

// The SQL of rollouts: the tables retell_admin_rollouts and
// retell_admin_rollout_branches, and the batch read of branches with their
// active versions a preview needs. Rules and access checks stay in
// RolloutService.
class RolloutStore final
{
public:
    struct ActiveBranch
    {
        Branch branch;
        std::optional<int> activeVersion;
        AgentConfig active;
        QString templateName; // of the active version
    };
    // Live branches among ids (ids that are no branch id are left out),
    // with their active versions, in a few queries.
    static Result<QHash<QString, ActiveBranch>> activeBranches(QSqlDatabase &db,
                                                               const QStringList &ids);

    static Result<qint64> insertRollout(QSqlDatabase &db, const Actor &actor,
                                        const RolloutChange &change, const QString &notes,
                                        const QDateTime &now);
    static Result<void> insertBranch(QSqlDatabase &db, qint64 rolloutId,
                                     const RolloutBranch &branch, const QDateTime &now);
    // A branch row after a resolution (outcome, base, version written).
    static Result<void> updateOutcome(QSqlDatabase &db, qint64 rolloutId,
                                      const RolloutBranch &branch, const QDateTime &now);
    static Result<void> updateUndo(QSqlDatabase &db, qint64 rolloutId, const RolloutBranch &branch,
                                   const QDateTime &now);
    // Sets undone_at / undone_by when they are not set yet.
    static Result<void> markUndone(QSqlDatabase &db, qint64 rolloutId, UserId by,
                                   const QDateTime &now);

    // The rollout with every branch row (names from the branches as they are
    // now); NotFound when there is none.
    static Result<Rollout> read(QSqlDatabase &db, qint64 rolloutId);
    // Rollouts newest first, each with the branch and company ids it touched
    // (for the caller's visibility filter), at most `scan` rollouts.
    struct Listed
    {
        RolloutSummary summary;
        QList<RolloutBranch> branches; // ids, outcomes only
    };
    static Result<QList<Listed>> list(QSqlDatabase &db, int scan);
};

} // namespace retell::core
