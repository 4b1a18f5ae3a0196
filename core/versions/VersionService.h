#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "common/ServiceContext.h"
#include "validation/Validator.h"

#include <optional>

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
};

struct DeployOutcome
{
    PromptVersion version;
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
    Result<DeployOutcome> rollback(const Actor &actor, const QString &branchId, int toVersion,
                                   const QString &notes = {}) const;
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
