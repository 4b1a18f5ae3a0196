#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"
#include "domain/Types.h"
#include "merge/ConfigMerge.h"

#include <QDateTime>
#include <QMetaType>

#include <functional>
#include <optional>
#include <stop_token>

namespace retell::core {

// One change rolled out to many branches (issue 13 §3).
struct RolloutChange
{
    enum class Kind
    {
        // A template applied as a whole: each branch gets `after` as it is
        // (its own customisations are replaced, as apply-template does);
        // `before` is not used. The template's name is recorded with each
        // version written.
        Template,
        // The difference before -> after (BRANCH@3 -> BRANCH@4, a template's
        // old and new text, two files) merged into each branch's active
        // version: base = before, theirs = after, ours = the branch's.
        Difference,
    };
    Kind kind = Kind::Difference;
    AgentConfig before;
    AgentConfig after;
    QString templateName; // Template: the template's name
    // Where the change came from, for people: "template:Salon Basic",
    // "Berlin@3 -> Berlin@4".
    QString description;

    static RolloutChange wholeTemplate(const QString &name, const AgentConfig &content);
    static RolloutChange difference(const AgentConfig &before, const AgentConfig &after,
                                    const QString &description);
};

// What a preview found for one branch.
enum class RolloutPreviewOutcome
{
    Clean,           // the change merges without conflict: `proposed` would be deployed
    AlreadyHas,      // the merge result is the branch's active configuration
    Conflict,        // the merge has conflictCount conflicts (left for the merge window)
    Invalid,         // the merged result has validation errors (findings)
    Denied,          // the actor holds no editor role on the branch, or there is no such branch
    NoActiveVersion, // nothing to merge into (a difference needs an active version)
};

struct RolloutPreviewItem
{
    Branch branch; // id always; names only when the actor may see the branch
    RolloutPreviewOutcome outcome = RolloutPreviewOutcome::Denied;
    int baseVersion = 0;  // the branch's active version the merge was made on (0: none)
    AgentConfig active;   // its content (ours)
    QString templateName; // recorded with the version: the change's template, else the active's
    AgentConfig proposed; // the result (a conflict's: prompt with markers, our tools)
    ConfigMerge merge;    // Difference only: base / ours / theirs for the merge window
    int conflictCount = 0;
    QList<Finding> findings; // of the proposed result (Invalid: the errors)
};

// The three inputs of a branch's merge, titled for the merge window:
// base = the change's before, ours = the branch's active version, theirs =
// the change's after.
PerInput<DiffSide> mergeInputs(const RolloutChange &change, const RolloutPreviewItem &item);

struct RolloutPreview
{
    RolloutChange change;
    QList<RolloutPreviewItem> items; // in the order the branches were given
    bool cancelled = false;          // the stop was requested: items has what was done
    int count(RolloutPreviewOutcome outcome) const;
};

// What happened to one branch in a rollout.
enum class RolloutOutcome
{
    Applied,         // the proposed result was deployed: versionWritten
    Unchanged,       // the branch had the change already: nothing written
    Conflict,        // not deployed: conflicts left (resolve() deploys a resolution)
    Invalid,         // not deployed: the result has validation errors
    Denied,          // not touched: no editor role, or no such branch
    Stale,           // not deployed: another version became active after the preview
    NoActiveVersion, // not touched: nothing to merge into
    Skipped,         // not attempted: cancelled before its turn
    Failed,          // the database refused (message)
    Resolved,        // a conflict resolved later and deployed: versionWritten
};

// What undo did to one branch.
enum class RolloutUndoOutcome
{
    None,          // not undone (yet), or nothing was written there
    Undone,        // rolled back to baseVersion: undoVersion
    ChangedSince,  // another version is active now: listed, not touched
    Denied,        // the actor may not edit it: not touched
    NothingBefore, // the branch had no version before the rollout: nothing to go back to
};

struct RolloutBranch
{
    QString branchId;
    QString branchName; // empty when the branch is gone
    QString companyId;
    QString companyName;
    RolloutOutcome outcome = RolloutOutcome::Skipped;
    int baseVersion = 0;               // the active version the change was merged into
    std::optional<int> versionWritten; // Applied / Resolved
    int conflictCount = 0;
    QList<Finding> findings; // Invalid (not stored: this run only)
    int currentVersion = 0;  // Stale: the version active at apply time
    QString message;         // Failed: the database's sentence
    RolloutUndoOutcome undo = RolloutUndoOutcome::None;
    std::optional<int> undoVersion; // Undone: the rollback version
    int activeVersion = 0;          // ChangedSince: the version active at undo time
};

struct Rollout
{
    qint64 id = 0;
    std::optional<UserId> createdBy;
    QString createdByName;
    QDateTime createdAt; // UTC
    RolloutChange change;
    QString notes;
    QList<RolloutBranch> branches; // only those the reader may see
    std::optional<QDateTime> undoneAt;
    QString undoneByName;
    bool cancelled = false; // apply only: stopped before every branch was done

    int count(RolloutOutcome outcome) const;
    // Some branch conflicted or was deployed meanwhile (CLI exit code 6).
    bool needsAttention() const;
};

// A rollout as a list: no content, no branches.
struct RolloutSummary
{
    qint64 id = 0;
    QDateTime createdAt;
    QString createdByName;
    RolloutChange::Kind kind = RolloutChange::Kind::Difference;
    QString description;
    QString notes;
    int branchCount = 0;  // visible to the reader
    int appliedCount = 0; // of those: applied or resolved
    std::optional<QDateTime> undoneAt;
};

// Called after each branch with how many are done of how many.
using RolloutProgress = std::function<void(int done, int total)>;

// Rolls one change out to many branches: preview first (nothing written),
// then apply each chosen branch in its own transaction through the normal
// deploy path, its base version checked under the branch lock (a branch
// deployed meanwhile is Stale, never overwritten). Every version written
// says "Rollout #N: notes". A rollout is recorded in retell_admin_rollouts
// and retell_admin_rollout_branches, and can be undone. An actor touches
// only branches they hold the editor role on; the others are Denied.
class RolloutService final
{
public:
    explicit RolloutService(ServiceContext context) : m_context(std::move(context)) {}

    Result<RolloutPreview> preview(const Actor &actor, const RolloutChange &change,
                                   const QStringList &branchIds,
                                   const RolloutProgress &progress = {},
                                   std::stop_token stop = {}) const;
    // Applies the items of a preview (each with the base version it was made
    // on); Clean ones are deployed, the others recorded with their outcome.
    // Notes are required (as for any deploy). A cancel leaves the remaining
    // branches Skipped.
    Result<Rollout> apply(const Actor &actor, const RolloutChange &change,
                          const QList<RolloutPreviewItem> &items, const QString &notes,
                          const RolloutProgress &progress = {}, std::stop_token stop = {}) const;
    // Deploys a resolution of one branch the rollout left as a conflict (or
    // stale, or invalid), against baseVersion: recorded as Resolved.
    Result<RolloutBranch> resolve(const Actor &actor, qint64 rolloutId, const QString &branchId,
                                  int baseVersion, const AgentConfig &resolved) const;
    // Rolls each branch whose active version is still the rollout's back to
    // its base version; branches changed since are listed, not touched.
    Result<Rollout> undo(const Actor &actor, qint64 rolloutId) const;

    // Rollouts that touched a branch the actor may see, newest first.
    Result<QList<RolloutSummary>> rollouts(const Actor &actor, int limit = 200) const;
    // NotFound when it touched no branch the actor may see.
    Result<Rollout> rollout(const Actor &actor, qint64 rolloutId) const;

private:
    ServiceContext m_context;
};

// Stable names ("applied", "already_has", ...) for JSON and the tables.
QString rolloutPreviewOutcomeName(RolloutPreviewOutcome outcome);
QString rolloutOutcomeName(RolloutOutcome outcome);
std::optional<RolloutOutcome> rolloutOutcomeFromName(const QString &name);
QString rolloutUndoOutcomeName(RolloutUndoOutcome outcome);

} // namespace retell::core

Q_DECLARE_METATYPE(retell::core::RolloutPreview)
Q_DECLARE_METATYPE(retell::core::Rollout)
