#pragma once

#include "publish/RetellApi.h"

#include <QDateTime>
#include <QUrl>

#include <chrono>
#include <memory>
#include <stop_token>

class QNetworkAccessManager;
class QNetworkRequest;

namespace retell::net {

// Where Retell's API is and the key to it. The key is sent only in the
// Authorization header; it never appears in an Error, a log or a URL.
struct RetellEndpoint
{
    QUrl baseUrl;
    QString apiKey;
};

inline constexpr char kDefaultRetellBaseUrl[] = "https://api.retellai.com";
inline constexpr std::chrono::milliseconds kDefaultRetellTimeout{20000};

// RETELL_API_KEY and RETELL_API_BASE_URL (default https://api.retellai.com).
RetellEndpoint retellEndpointFromEnvironment();

// RetellApi over HTTPS (or HTTP on loopback for the test server). Blocking:
// each call runs a local event loop until its answer, its time-out or an
// error; use one instance per thread (its network manager is made on the
// thread of the first call). No retries: the publisher decides. The key is
// trimmed; one with other characters than printable ASCII is refused
// (retell.unauthorized, no status) without a request.
class RetellHttpApi final : public core::RetellApi
{
public:
    // A stop request on `stop` (from any thread) aborts the request in
    // flight and fails it and every later one with retell.cancelled: closing
    // the app does not wait for Retell's time-out.
    explicit RetellHttpApi(RetellEndpoint endpoint,
                           std::chrono::milliseconds timeout = kDefaultRetellTimeout,
                           std::stop_token stop = {});
    ~RetellHttpApi() override;
    Q_DISABLE_COPY_MOVE(RetellHttpApi)

    // The time-out of each request, from sending it to the end of its answer.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    core::Result<QList<core::RetellAgentVersion>> agentVersions(const QString &agentId) override;
    core::Result<core::RetellAgentVersion> createAgentVersion(const QString &agentId,
                                                              int baseVersion) override;
    core::Result<core::RetellLlm> updateLlm(const QString &llmId, int version,
                                            const QString &generalPrompt,
                                            const QJsonArray &generalTools) override;
    core::Result<void> publishAgentVersion(const QString &agentId, int version,
                                           const QString &title,
                                           const QString &description) override;
    core::Result<core::RetellLlm> llm(const QString &llmId,
                                      std::optional<int> version = {}) override;

private:
    struct Call;
    core::Result<QJsonValue> send(const Call &call);
    QNetworkRequest request(const Call &call) const;

    RetellEndpoint m_endpoint;
    std::chrono::milliseconds m_timeout;
    std::stop_token m_stop;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

// One RetellHttpApi per call, for the thread that calls it.
core::RetellApiFactory
makeRetellApiFactory(RetellEndpoint endpoint,
                     std::chrono::milliseconds timeout = kDefaultRetellTimeout,
                     std::stop_token stop = {});

// Seconds to wait from a Retry-After value (delay-seconds or an HTTP date,
// relative to `nowUtc`); nullopt when it is neither.
std::optional<qint64> retryAfterSeconds(const QByteArray &value, const QDateTime &nowUtc);

} // namespace retell::net
