#pragma once

#include "common/Result.h"
#include "domain/Types.h"

#include <QDateTime>

class QSqlDatabase;

namespace retell::core {

// The queue of versions to publish to Retell (issue 15) lives in the shared
// database (retell_admin_publications), not in a local outbox: every admin's
// app must see a version that is not live yet and may retry it. Its rows are
// written here, inside the transaction that writes the version, so a version
// of a linked branch never exists without its publication; publish/Publisher
// works them off after the commit.
class PublicationQueue final
{
public:
    // When the version's branch is linked to a Retell agent: queues `written`
    // as `pending` and supersedes the branch's older versions still waiting
    // (pending or held). Nothing for an unlinked branch.
    static Result<void> enqueueIfLinked(QSqlDatabase &db, const PromptVersion &written,
                                        const QDateTime &now);
    // Queues one version for the agent and LLM given (the caller read the link).
    static Result<void> enqueue(QSqlDatabase &db, const PromptVersion &version,
                                const QString &agentId, const QString &llmId, const QDateTime &now,
                                bool forced = false);
};

} // namespace retell::core
