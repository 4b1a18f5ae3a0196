#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"
#include "validation/Validator.h"

#include <functional>
#include <optional>

class QSqlDatabase;

namespace retell::core {

struct DeployRequest
{
    AgentConfig config;
    QString templateName; // recorded when the content came from a template
    QString notes;
    // The active version the edit started from (0: the branch had none).
    // When set and another version became active meanwhile, the deploy is
    // refused with ErrorKind::Conflict instead of overwriting that change.
    std::optional<int> baseVersion;
    // Content equal to the active version is refused with ErrorKind::Unchanged
    // unless this is set (scripts that want a new version regardless).
    bool allowUnchanged = false;
    // An operation pushed from an offline outbox (a UUID): recorded with the
    // version in the same transaction; a second deploy with the same id
    // writes nothing and answers with the version the first one wrote.
    QString operationId;
    // Runs inside the deploy's transaction, after the version is written:
    // what a caller records with it (a rollout's branch row) is written
    // with the version or not at all.
    std::function<Result<void>(QSqlDatabase &db, const PromptVersion &written)> alsoRecord;
    // The content came from a file (import): recorded as such in the audit
    // log, in the same transaction as the version.
    bool imported = false;
    // Where an imported configuration came from ("retell-dashboard"), kept
    // in the audit entry's detail.
    QString importSource;
};

// The branch's active version a deploy or rollback was refused against, in
// Error::conflict: a stale base (ErrorKind::Conflict) or content equal to it
// (ErrorKind::Unchanged). Enough to show their change (base -> current) or
// to merge, without asking the database again.
struct VersionConflict
{
    QString branchId;
    std::optional<int> baseVersion; // the version the edit started from (none: not given)
    PromptVersion current;          // active now (version 0: none), content and who deployed it
    int requestedVersion = 0;       // a rollback's target version
};

struct DeployOutcome
{
    PromptVersion version;
    ValidationResult validation;
    // The operation id was applied before: nothing was written now.
    bool replayed = false;
};

// What a deploy or rollback checked before writing: the branch (the actor
// holds the editor role on it, as the grants are now), the request it would
// write (a rollback's: the target's content and notes) and its findings.
// The offline outbox runs the same checks on a replica (OfflineWork).
struct DeployCheck
{
    Branch branch;
    DeployRequest request;
    ValidationResult validation;
};

struct HistoryPage
{
    QList<VersionSummary> rows; // newest first
    bool hasMore = false;
    int total = -1; // number of versions; only when asked for (it reads every row)
};

// Append-only versions of a branch's agent configuration. A deploy validates,
// writes version 1 + max (template rows included) and makes it the only
// active one, in one transaction, safe against concurrent deploys.
class VersionService final
{
public:
    explicit VersionService(ServiceContext context) : m_context(std::move(context)) {}

    // Fails with ErrorKind::Validation, the findings in Error::findings, when errors block it.
    Result<DeployOutcome> deploy(const Actor &actor, const QString &branchId,
                                 const DeployRequest &request) const;
    // Refused with ErrorKind::Unchanged when the target's content is active
    // already, unless allowUnchanged; with ErrorKind::Conflict when
    // baseVersion is given and another version is active (as for a deploy:
    // an offline rollback must not undo what was deployed meanwhile).
    Result<DeployOutcome> rollback(const Actor &actor, const QString &branchId, int toVersion,
                                   const QString &notes = {}, bool allowUnchanged = false,
                                   const QString &operationId = {},
                                   std::optional<int> baseVersion = std::nullopt) const;
    // The same, with the notes, allowUnchanged, operationId, baseVersion and
    // alsoRecord of `how` (its config and templateName are the target's).
    Result<DeployOutcome> rollback(const Actor &actor, const QString &branchId, int toVersion,
                                   const DeployRequest &how) const;
    // Everything deploy() checks before it writes (grants, notes, blocking
    // findings), writing nothing.
    Result<DeployCheck> checkDeploy(const Actor &actor, const QString &branchId,
                                    const DeployRequest &request) const;
    // Everything rollback() checks before it writes: the target exists, the
    // grants, the notes; findings are recorded, never blocking.
    Result<DeployCheck> checkRollback(const Actor &actor, const QString &branchId, int toVersion,
                                      const QString &notes = {}, bool allowUnchanged = false) const;
    // Keyset pagination: rows with version < beforeVersion (0 = from newest).
    Result<HistoryPage> history(const Actor &actor, const QString &branchId, int beforeVersion = 0,
                                int limit = 100, bool withTotal = false) const;
    Result<PromptVersion> version(const Actor &actor, const QString &branchId, int version) const;
    // The active version; NotFound when the branch has none yet.
    Result<PromptVersion> active(const Actor &actor, const QString &branchId) const;

private:
    ServiceContext m_context;
};

} // namespace retell::core

Q_DECLARE_METATYPE(retell::core::VersionConflict)
