#include "RetellHttpApi.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace retell::net {

using core::Error;
using core::ErrorKind;
using core::Result;
using core::RetellAgentVersion;
using core::RetellLlm;

struct RetellHttpApi::Call
{
    QByteArray verb;  // GET, POST, PATCH
    QString endpoint; // "get-agent-versions"
    QString id;       // agent or LLM id
    QUrlQuery query;
    std::optional<QJsonObject> body;
};

namespace {

// JSON numbers arrive as doubles; an integer field must hold an integer.
std::optional<int> intValue(const QJsonValue &v)
{
    if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()))
        return std::nullopt;
    return v.toInt();
}

qint64 msValue(const QJsonValue &v)
{
    return v.isDouble() ? qint64(v.toDouble()) : 0;
}

std::optional<RetellAgentVersion> agentFromJson(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    const QJsonValue id = o.value(QLatin1String("agent_id"));
    const auto version = intValue(o.value(QLatin1String("version")));
    if (!id.isString() || !version)
        return std::nullopt;
    RetellAgentVersion a;
    a.agentId = id.toString();
    a.version = *version;
    a.isPublished = o.value(QLatin1String("is_published")).toBool();
    a.baseVersion = intValue(o.value(QLatin1String("base_version")));
    a.versionTitle = o.value(QLatin1String("version_title")).toString();
    a.versionDescription = o.value(QLatin1String("version_description")).toString();
    const QJsonObject engine = o.value(QLatin1String("response_engine")).toObject();
    a.llmId = engine.value(QLatin1String("llm_id")).toString();
    a.llmVersion = intValue(engine.value(QLatin1String("version")));
    a.lastModificationMs = msValue(o.value(QLatin1String("last_modification_timestamp")));
    return a;
}

std::optional<RetellLlm> llmFromJson(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    const QJsonValue id = o.value(QLatin1String("llm_id"));
    const QJsonValue prompt = o.value(QLatin1String("general_prompt"));
    const QJsonValue tools = o.value(QLatin1String("general_tools"));
    if (!id.isString() || !(prompt.isString() || prompt.isNull() || prompt.isUndefined()) ||
        !(tools.isArray() || tools.isNull() || tools.isUndefined()))
        return std::nullopt;
    RetellLlm l;
    l.llmId = id.toString();
    l.version = intValue(o.value(QLatin1String("version"))).value_or(0);
    l.isPublished = o.value(QLatin1String("is_published")).toBool();
    l.generalPrompt = prompt.toString();
    l.generalTools = tools.toArray();
    l.lastModificationMs = msValue(o.value(QLatin1String("last_modification_timestamp")));
    return l;
}

// Retell's error text: the body's `message` (as the API client reads it), else
// the body itself, shortened.
QString retellMessage(const QByteArray &body)
{
    const auto doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonValue m = doc.object().value(QLatin1String("message"));
        if (m.isString())
            return m.toString();
        if (m.isObject())
            return QString::fromUtf8(QJsonDocument(m.toObject()).toJson(QJsonDocument::Compact));
        if (m.isArray())
            return QString::fromUtf8(QJsonDocument(m.toArray()).toJson(QJsonDocument::Compact));
    }
    QString text = QString::fromUtf8(body).simplified();
    if (text.size() > 300)
        text = text.left(300) + QStringLiteral("…");
    return text;
}

// A request body Qt cannot rewind. Qt's HTTP layer resends a request by
// itself when its connection drops before the answer, POST and PATCH
// included: a publish whose answer was lost would be applied twice. With a
// body it cannot read again (and told not to buffer it), it reports the drop
// instead, and the publisher decides (it looks for the version first).
class OneShotBody final : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data) : m_data(std::move(data)) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    bool seek(qint64) override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_position + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_position >= m_data.size())
            return -1;
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_position);
        std::memcpy(data, m_data.constData() + m_position, size_t(n));
        m_position += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

// The request was stopped by the caller: whether Retell applied it is not
// known, as after a dropped connection (the publisher's retry finds out).
Result<QJsonValue> cancelled()
{
    Error e{ErrorKind::Remote, QStringLiteral("The request to Retell was cancelled."), {}};
    e.transient = true;
    return e.withCode("retell.cancelled");
}

} // namespace

std::optional<qint64> retryAfterSeconds(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = v.toDouble(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt : std::optional<qint64>(qint64(std::ceil(seconds)));
    // IMF-fixdate, e.g. "Wed, 21 Oct 2026 07:28:00 GMT"
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(v),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (when.isValid())
        when.setTimeSpec(Qt::UTC); // the fields are GMT
    else
        when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return std::max<qint64>(0, nowUtc.secsTo(when));
}

RetellEndpoint retellEndpointFromEnvironment()
{
    QString base = qEnvironmentVariable("RETELL_API_BASE_URL");
    if (base.isEmpty())
        base = QString::fromLatin1(kDefaultRetellBaseUrl);
    return {QUrl(base, QUrl::StrictMode), qEnvironmentVariable("RETELL_API_KEY")};
}

RetellHttpApi::RetellHttpApi(RetellEndpoint endpoint, std::chrono::milliseconds timeout,
                             std::stop_token stop)
    : m_endpoint(std::move(endpoint)), m_timeout(timeout), m_stop(std::move(stop))
{
    // A key pasted with its line end still works.
    m_endpoint.apiKey = m_endpoint.apiKey.trimmed();
}

RetellHttpApi::~RetellHttpApi() = default;

QNetworkRequest RetellHttpApi::request(const Call &call) const
{
    QUrl url = m_endpoint.baseUrl;
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    path += QLatin1Char('/') + call.endpoint + QLatin1Char('/') +
            QString::fromLatin1(QUrl::toPercentEncoding(call.id));
    url.setPath(path, QUrl::TolerantMode);
    url.setQuery(call.query);
    QNetworkRequest r(url);
    r.setRawHeader("Authorization", "Bearer " + m_endpoint.apiKey.toUtf8());
    r.setRawHeader("Accept", "application/json");
    if (call.body)
        r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    // A redirect would carry the key elsewhere: refused (retell.protocol).
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // HTTP/1.1, the protocol the no-resend behaviour is tested on.
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return r;
}

Result<QJsonValue> RetellHttpApi::send(const Call &call)
{
    // Only printable ASCII goes into the header: anything else (a line break
    // inside, a pasted non-key) is refused here, never sent.
    const bool keyOk =
        std::all_of(m_endpoint.apiKey.cbegin(), m_endpoint.apiKey.cend(),
                    [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
    if (!keyOk) {
        Error e{ErrorKind::Remote,
                QStringLiteral("The Retell API key has characters an API key cannot have."),
                {}};
        return e.withCode("retell.unauthorized", {QString()});
    }
    if (m_stop.stop_requested())
        return cancelled();
    if (!m_network) {
        m_network = std::make_unique<QNetworkAccessManager>();
        if (isLoopback(m_endpoint.baseUrl))
            m_network->setProxy(QNetworkProxy::NoProxy);
    }
    Q_ASSERT(m_network->thread() == QThread::currentThread());
    const QNetworkRequest req = request(call);
    const QString what =
        QStringLiteral("%1 /%2/%3").arg(QString::fromLatin1(call.verb), call.endpoint, call.id);
    const QString host = m_endpoint.baseUrl.host();
    const QByteArray payload =
        call.body ? QJsonDocument(*call.body).toJson(QJsonDocument::Compact) : QByteArray();

    OneShotBody body(payload); // outlives the reply
    std::unique_ptr<QNetworkReply> reply;
    if (call.verb == "GET") {
        reply.reset(m_network->get(req));
    } else {
        QNetworkRequest withBody = req;
        withBody.setHeader(QNetworkRequest::ContentLengthHeader, payload.size());
        withBody.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        reply.reset(m_network->sendCustomRequest(withBody, call.verb, &body));
    }

    bool timedOut = false;
    bool stopped = false;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    {
        // Runs on the thread asking to stop: the abort is posted to this
        // one (dropped with the loop when the answer came first).
        const std::stop_callback onStop(m_stop, [&] {
            QMetaObject::invokeMethod(
                &loop,
                [&] {
                    stopped = true;
                    reply->abort();
                },
                Qt::QueuedConnection);
        });
        timer.start(m_timeout);
        if (!reply->isFinished())
            loop.exec();
        timer.stop();
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->isOpen() ? reply->readAll() : QByteArray();
    const QByteArray retryAfter = reply->rawHeader("Retry-After");
    // ContentReSendError: the connection dropped and the body cannot be resent.
    const QNetworkReply::NetworkError code = reply->error();
    const QString netError =
        code == QNetworkReply::ContentReSendError || code == QNetworkReply::RemoteHostClosedError
            ? QStringLiteral("the connection closed before an answer")
            : reply->errorString();

    const auto fail = [&](const char *code, bool transient, QString message, QStringList args) {
        Error e{ErrorKind::Remote, std::move(message),
                status ? QStringLiteral("%1 -> HTTP %2: %3")
                             .arg(what)
                             .arg(status)
                             .arg(QString::fromUtf8(answer.left(500)))
                       : QStringLiteral("%1 -> %2").arg(what, netError)};
        e.transient = transient;
        e = e.withCode(code, std::move(args));
        // The key is only ever sent in a header; this is the last guard.
        if (m_endpoint.apiKey.size() >= 4) {
            const QString mask = QStringLiteral("[API key]");
            e.message.replace(m_endpoint.apiKey, mask);
            e.detail.replace(m_endpoint.apiKey, mask);
            for (QString &arg : e.args)
                arg.replace(m_endpoint.apiKey, mask);
        }
        return Result<QJsonValue>(e);
    };
    const QString statusText = QString::number(status);
    const qint64 seconds = std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count();

    if (stopped)
        return cancelled();
    if (timedOut)
        return fail("retell.timeout", true,
                    QStringLiteral("Retell's API at %1 did not answer within %2 s.")
                        .arg(host)
                        .arg(std::max<qint64>(seconds, 1)),
                    {});
    if (status == 0)
        return fail(
            "retell.unreachable", true,
            QStringLiteral("Retell's API at %1 could not be reached: %2.").arg(host, netError), {});
    if (status >= 200 && status < 300) {
        if (answer.trimmed().isEmpty())
            return QJsonValue();
        QJsonParseError parseError;
        const auto doc = QJsonDocument::fromJson(answer, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return fail("retell.protocol", false,
                        QStringLiteral("Retell's API answered %1 with something that is not JSON.")
                            .arg(what),
                        {});
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    const QString message = retellMessage(answer);
    if (status == 401 || status == 403)
        return fail("retell.unauthorized", false,
                    QStringLiteral("Retell refused the API key (HTTP %1).").arg(status),
                    {statusText});
    if (status == 404)
        return fail(
            "retell.not_found", false,
            QStringLiteral("Retell does not know \"%1\" (HTTP 404): %2").arg(call.id, message),
            {statusText});
    if (status == 429) {
        const auto wait = retryAfterSeconds(retryAfter, QDateTime::currentDateTimeUtc());
        return fail("retell.rate_limited", true,
                    wait ? QStringLiteral("Retell asks to wait %1 s before the next request "
                                          "(HTTP 429).")
                               .arg(*wait)
                         : QStringLiteral("Retell asks to slow down (HTTP 429)."),
                    {wait ? QString::number(*wait) : QString()});
    }
    if (status == 408)
        return fail(
            "retell.timeout", true,
            QStringLiteral("Retell's API at %1 timed out the request (HTTP 408).").arg(host), {});
    if (status >= 500)
        return fail("retell.server", true,
                    QStringLiteral("Retell's API failed (HTTP %1).").arg(status), {statusText});
    if (status >= 400)
        return fail(
            "retell.rejected", false,
            QStringLiteral("Retell refused the change (HTTP %1): %2").arg(statusText, message),
            {statusText, message});
    return fail("retell.protocol", false,
                QStringLiteral("Retell's API answered %1 with HTTP %2.").arg(what, statusText),
                {statusText});
}

namespace {

Error protocolError(const char *what)
{
    Error e{ErrorKind::Remote,
            QStringLiteral("Retell's API answered %1 with JSON that is not what its contract "
                           "promises.")
                .arg(QLatin1String(what)),
            {}};
    return e.withCode("retell.protocol");
}

// The answer read by `parse`; retell.protocol when it does not fit.
template <typename T, typename Parse>
Result<T> parsed(Result<QJsonValue> answer, Parse parse, const char *what)
{
    if (!answer)
        return answer.error();
    auto value = parse(*answer);
    if (!value)
        return protocolError(what);
    return std::move(*value);
}

std::optional<QList<RetellAgentVersion>> agentsFromJson(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    QList<RetellAgentVersion> versions;
    for (const QJsonValue &v : value.toArray()) {
        auto agent = agentFromJson(v);
        if (!agent)
            return std::nullopt;
        versions.append(std::move(*agent));
    }
    return versions;
}

QUrlQuery versionQuery(std::optional<int> version)
{
    QUrlQuery query;
    if (version)
        query.addQueryItem(QStringLiteral("version"), QString::number(*version));
    return query;
}

} // namespace

Result<QList<RetellAgentVersion>> RetellHttpApi::agentVersions(const QString &agentId)
{
    return parsed<QList<RetellAgentVersion>>(
        send({"GET", QStringLiteral("get-agent-versions"), agentId, {}, {}}), agentsFromJson,
        "GET /get-agent-versions");
}

Result<RetellAgentVersion> RetellHttpApi::createAgentVersion(const QString &agentId,
                                                             int baseVersion)
{
    const QJsonObject body{{QStringLiteral("base_version"), baseVersion}};
    return parsed<RetellAgentVersion>(
        send({"POST", QStringLiteral("create-agent-version"), agentId, {}, body}), agentFromJson,
        "POST /create-agent-version");
}

Result<RetellLlm> RetellHttpApi::updateLlm(const QString &llmId, int version,
                                           const QString &generalPrompt,
                                           const QJsonArray &generalTools)
{
    const QJsonObject body{{QStringLiteral("general_prompt"), generalPrompt},
                           {QStringLiteral("general_tools"), generalTools}};
    return parsed<RetellLlm>(
        send({"PATCH", QStringLiteral("update-retell-llm"), llmId, versionQuery(version), body}),
        llmFromJson, "PATCH /update-retell-llm");
}

Result<void> RetellHttpApi::publishAgentVersion(const QString &agentId, int version,
                                                const QString &title, const QString &description)
{
    const QJsonObject body{{QStringLiteral("version"), version},
                           {QStringLiteral("version_title"), title},
                           {QStringLiteral("version_description"), description}};
    // Any 2xx: the API client's publish() returns nothing.
    auto answer = send({"POST", QStringLiteral("publish-agent-version"), agentId, {}, body});
    if (!answer)
        return answer.error();
    return {};
}

Result<RetellLlm> RetellHttpApi::llm(const QString &llmId, std::optional<int> version)
{
    return parsed<RetellLlm>(
        send({"GET", QStringLiteral("get-retell-llm"), llmId, versionQuery(version), {}}),
        llmFromJson, "GET /get-retell-llm");
}

core::RetellApiFactory makeRetellApiFactory(RetellEndpoint endpoint,
                                            std::chrono::milliseconds timeout, std::stop_token stop)
{
    return [endpoint = std::move(endpoint), timeout, stop = std::move(stop)] {
        return std::unique_ptr<core::RetellApi>(
            std::make_unique<RetellHttpApi>(endpoint, timeout, stop));
    };
}

} // namespace retell::net
