#pragma once

// The state and the contract of the loopback stand-in for Retell's API
// (issue 15): agents with their versions, Retell LLMs with theirs, the faults
// queued by a test and the log of the requests received. It knows nothing
// about sockets; FakeRetell (FakeRetellServer.h) feeds it parsed requests.
// Thread-safe: the server thread serves requests while a test reads the log
// or queues faults from its own thread.
//
// Contract followed (RetellAI/retell-typescript-sdk, src/resources/agent.ts,
// llm.ts, src/core/error.ts): bearer key, `{"status":"error","message":...}`
// error bodies, an agent and its Retell LLM share one version number, a new
// draft is max version + 1, published versions are immutable, a prompt above
// 8,192 tokens (estimated as characters / 4) is refused with 422.
#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace retell::test {

struct FakeRequest
{
    QByteArray method; // "GET", "POST", "PATCH", ...
    QString path;      // decoded, without the query
    QUrlQuery query;
    QByteArray authorization; // the Authorization header as received
    QByteArray body;
};

struct FakeResponse
{
    int status = 200;
    QByteArray body;       // JSON (or empty)
    QByteArray retryAfter; // the Retry-After header, when not empty
};

// One fault queued with POST /_fake/fault, for the next `count` requests whose
// path starts with pathPrefix (count <= 0: every one, until cleared).
struct FakeFault
{
    enum class Mode
    {
        Status,          // answer `status` with `message` (+ Retry-After), nothing applied
        Slow,            // wait delayMs, then apply and answer normally
        DropBeforeApply, // close the connection without applying or answering
        DropAfterApply,  // apply, then close the connection without answering
    };
    QString pathPrefix;
    Mode mode = Mode::Status;
    int status = 500;
    QString message;
    QString retryAfter; // sent verbatim: seconds or an HTTP date ("" for none)
    int delayMs = 0;
    int count = 1;

    // From the body of POST /_fake/fault; nullopt for an unknown mode.
    static std::optional<FakeFault> fromJson(const QJsonObject &o);
};

class FakeRetellModel final
{
public:
    static constexpr int kPromptTokenLimit = 8192;

    explicit FakeRetellModel(QString apiKey);
    Q_DISABLE_COPY_MOVE(FakeRetellModel)

    QString apiKey() const { return m_apiKey; }

    // Serves one request (API or /_fake/ control) without faults: applies it
    // and returns the answer. The caller logs it.
    FakeResponse handle(const FakeRequest &request);

    // The fault for a request to `path`, consumed; none for /_fake/ paths.
    std::optional<FakeFault> takeFault(const QString &path);
    void addFault(const FakeFault &fault);
    void clearFaults();
    // Faults not yet consumed by a request (a test waits for one to be hit).
    int pendingFaults() const;

    // Appends {method, path, time, status, fault} to the log (status 0: no
    // answer was sent). Control requests under /_fake/ are not logged.
    void record(const FakeRequest &request, int status, const QString &fault = {});
    QJsonArray log() const;
    void clearLog();

    // The same as POST /_fake/agents: a published version 0 of a new agent
    // and its LLM. Returns {agent_id, llm_id, version}.
    QJsonObject addAgent(const QJsonObject &spec);
    // The same as POST /_fake/dashboard-edit; returns the answer's body.
    FakeResponse dashboardEdit(const QJsonObject &edit);
    // The same as GET /_fake/state/{agent_id}: every version of the agent with
    // its LLM content; empty when the agent is unknown.
    QJsonObject state(const QString &agentId) const;

    static FakeResponse error(int status, const QString &message);

private:
    struct Version
    {
        int version = 0;
        std::optional<int> baseVersion;
        bool published = false;
        QString title;
        QString description;
        QString generalPrompt; // the LLM's version of the same number
        QJsonValue generalTools = QJsonArray();
        qint64 modifiedMs = 0;
    };
    struct Agent
    {
        QString agentId;
        QString llmId;
        QMap<int, Version> versions;
    };

    FakeResponse handleApi(const FakeRequest &request);
    FakeResponse handleControl(const FakeRequest &request);
    FakeResponse agentVersions(const Agent &agent) const;
    FakeResponse createAgentVersion(Agent &agent, const QJsonObject &body);
    FakeResponse publishAgentVersion(Agent &agent, const QJsonObject &body);
    FakeResponse getLlm(const Agent &agent, const QUrlQuery &query) const;
    FakeResponse updateLlm(Agent &agent, const QUrlQuery &query, const QJsonObject &body);
    QJsonObject addAgentLocked(const QJsonObject &spec);
    FakeResponse dashboardEditLocked(const QJsonObject &edit);
    QJsonObject stateLocked(const QString &agentId) const;
    Agent *agentOfLlm(const QString &llmId);

    QJsonObject agentJson(const Agent &agent, const Version &v) const;
    QJsonObject llmJson(const Agent &agent, const Version &v) const;
    static std::optional<QString> tooLong(const QString &prompt);
    qint64 now();

    const QString m_apiKey;
    mutable QMutex m_mutex;
    QMap<QString, Agent> m_agents;
    QHash<QString, QString> m_agentOfLlm;
    QList<FakeFault> m_faults;
    QJsonArray m_log;
    int m_nextId = 1;
    qint64 m_lastMs = 0;
};

} // namespace retell::test
