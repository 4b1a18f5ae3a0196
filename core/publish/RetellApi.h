#pragma once

#include "common/Result.h"

#include <QJsonArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace retell::core {

// Retell's API as the publisher and the drift check use it (issue 15). The
// calls block: they run on a worker thread, never on the GUI thread, one
// RetellApi per thread (the HTTP implementation lives in net/, outside core,
// which links no network module). Shapes follow Retell's public API client
// (RetellAI/retell-typescript-sdk, src/resources/agent.ts and llm.ts).
//
// Failures come back as Error{ErrorKind::Remote} with a stable code:
//   retell.unreachable  connection refused, DNS, TLS, or dropped before an answer
//   retell.timeout      no answer within the request's time-out
//   retell.unauthorized 401/403 (args: status)
//   retell.not_found    404: the agent or LLM does not exist (args: status)
//   retell.rejected     400/409/422: Retell refused the content (args: status, Retell's message)
//   retell.rate_limited 429 (args: seconds to wait from Retry-After, "" when none)
//   retell.server       5xx (args: status)
//   retell.protocol     an answer that is not the JSON the contract promises
//   retell.cancelled    the caller stopped it (the app is closing); its outcome is unknown
// `transient` is set for the ones worth retrying (unreachable, timeout,
// rate_limited, server, cancelled). Error::message is an English sentence for logs; it
// never contains the API key.

// GET /get-retell-llm/{llm_id}[?version=N], PATCH /update-retell-llm/{llm_id}?version=N
struct RetellLlm
{
    QString llmId;
    int version = 0;
    bool isPublished = false;
    QString generalPrompt;
    QJsonArray generalTools;
    qint64 lastModificationMs = 0; // last_modification_timestamp
};

// One element of GET /get-agent-versions/{agent_id}, or the answer of
// POST /create-agent-version/{agent_id}.
struct RetellAgentVersion
{
    QString agentId;
    int version = 0;
    bool isPublished = false;
    std::optional<int> baseVersion;
    QString versionTitle;
    QString versionDescription;
    QString llmId;                 // response_engine.llm_id (type retell-llm)
    std::optional<int> llmVersion; // response_engine.version
    qint64 lastModificationMs = 0;
};

class RetellApi
{
public:
    virtual ~RetellApi() = default;

    // GET /get-agent-versions/{agent_id}: every version, oldest first.
    virtual Result<QList<RetellAgentVersion>> agentVersions(const QString &agentId) = 0;
    // POST /create-agent-version/{agent_id} {base_version}: a new draft.
    virtual Result<RetellAgentVersion> createAgentVersion(const QString &agentId,
                                                          int baseVersion) = 0;
    // PATCH /update-retell-llm/{llm_id}?version=N {general_prompt, general_tools}
    virtual Result<RetellLlm> updateLlm(const QString &llmId, int version,
                                        const QString &generalPrompt,
                                        const QJsonArray &generalTools) = 0;
    // POST /publish-agent-version/{agent_id} {version, version_title, version_description}
    virtual Result<void> publishAgentVersion(const QString &agentId, int version,
                                             const QString &title, const QString &description) = 0;
    // GET /get-retell-llm/{llm_id}: the latest version, or `version`.
    virtual Result<RetellLlm> llm(const QString &llmId, std::optional<int> version = {}) = 0;
};

// Makes one RetellApi for the calling thread (bounded parallel reads run
// several, one per worker thread).
using RetellApiFactory = std::function<std::unique_ptr<RetellApi>()>;

} // namespace retell::core
