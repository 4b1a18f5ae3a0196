#include "FakeRetellModel.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMutexLocker>

#include <algorithm>

namespace retell::test {

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray json(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

FakeResponse ok(const QJsonObject &o)
{
    return {200, json(o), {}};
}

// The body as a JSON object; nullopt when it is not one.
std::optional<QJsonObject> objectBody(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

// An integer field; nullopt when absent or not an integer.
std::optional<int> intField(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble() || v.toDouble() != double(v.toInt()))
        return std::nullopt;
    return v.toInt();
}

std::optional<int> intQuery(const QUrlQuery &q, const QString &key)
{
    if (!q.hasQueryItem(key))
        return std::nullopt;
    bool ok = false;
    const int n = q.queryItemValue(key).toInt(&ok);
    return ok ? std::optional<int>(n) : std::nullopt;
}

// "/get-agent-versions/agent_1" with prefix "/get-agent-versions/": "agent_1".
std::optional<QString> idAfter(const QString &path, QLatin1StringView prefix)
{
    if (!path.startsWith(prefix) || path.size() == prefix.size())
        return std::nullopt;
    const QString id = path.mid(prefix.size());
    if (id.contains(QLatin1Char('/')))
        return std::nullopt;
    return id;
}

} // namespace

std::optional<FakeFault> FakeFault::fromJson(const QJsonObject &o)
{
    FakeFault f;
    f.pathPrefix = o.value(QLatin1String("path_prefix")).toString();
    const QString mode = o.value(QLatin1String("mode")).toString();
    if (mode == QLatin1String("status"))
        f.mode = Mode::Status;
    else if (mode == QLatin1String("slow"))
        f.mode = Mode::Slow;
    else if (mode == QLatin1String("drop_before_apply"))
        f.mode = Mode::DropBeforeApply;
    else if (mode == QLatin1String("drop_after_apply"))
        f.mode = Mode::DropAfterApply;
    else
        return std::nullopt;
    f.status = o.value(QLatin1String("status")).toInt(500);
    f.message = o.value(QLatin1String("message")).toString();
    const QJsonValue retryAfter = o.value(QLatin1String("retry_after"));
    f.retryAfter =
        retryAfter.isDouble() ? QString::number(retryAfter.toInt()) : retryAfter.toString();
    f.delayMs = o.value(QLatin1String("delay_ms")).toInt(0);
    f.count = o.value(QLatin1String("count")).toInt(1);
    return f;
}

FakeRetellModel::FakeRetellModel(QString apiKey) : m_apiKey(std::move(apiKey)) {}

FakeResponse FakeRetellModel::error(int status, const QString &message)
{
    return {status,
            json(QJsonObject{{QStringLiteral("status"), QStringLiteral("error")},
                             {QStringLiteral("message"), message}}),
            {}};
}

qint64 FakeRetellModel::now()
{
    // Strictly increasing, so that "last modified" orders the edits.
    m_lastMs = std::max(m_lastMs + 1, QDateTime::currentMSecsSinceEpoch());
    return m_lastMs;
}

FakeResponse FakeRetellModel::handle(const FakeRequest &request)
{
    QMutexLocker lock(&m_mutex);
    if (request.path.startsWith(QLatin1String("/_fake/")))
        return handleControl(request);
    if (request.authorization != "Bearer " + m_apiKey.toUtf8())
        return error(401, QStringLiteral("Unauthorized: invalid or missing API key."));
    return handleApi(request);
}

FakeRetellModel::Agent *FakeRetellModel::agentOfLlm(const QString &llmId)
{
    const auto it = m_agentOfLlm.constFind(llmId);
    return it == m_agentOfLlm.constEnd() ? nullptr : &m_agents[*it];
}

FakeResponse FakeRetellModel::handleApi(const FakeRequest &r)
{
    const auto body = objectBody(r.body);
    if (!body)
        return error(400, QStringLiteral("Request body is not a valid JSON object."));
    const bool get = r.method == "GET";
    const bool post = r.method == "POST";
    if (const auto id = idAfter(r.path, QLatin1String("/get-agent-versions/")); id && get) {
        const auto it = m_agents.constFind(*id);
        return it == m_agents.constEnd() ? error(404, QStringLiteral("Agent not found."))
                                         : agentVersions(*it);
    }
    if (const auto id = idAfter(r.path, QLatin1String("/create-agent-version/")); id && post) {
        const auto it = m_agents.find(*id);
        return it == m_agents.end() ? error(404, QStringLiteral("Agent not found."))
                                    : createAgentVersion(*it, *body);
    }
    if (const auto id = idAfter(r.path, QLatin1String("/publish-agent-version/")); id && post) {
        const auto it = m_agents.find(*id);
        return it == m_agents.end() ? error(404, QStringLiteral("Agent not found."))
                                    : publishAgentVersion(*it, *body);
    }
    if (const auto id = idAfter(r.path, QLatin1String("/get-retell-llm/")); id && get) {
        const Agent *agent = agentOfLlm(*id);
        return agent ? getLlm(*agent, r.query) : error(404, QStringLiteral("LLM not found."));
    }
    if (const auto id = idAfter(r.path, QLatin1String("/update-retell-llm/"));
        id && r.method == "PATCH") {
        Agent *agent = agentOfLlm(*id);
        return agent ? updateLlm(*agent, r.query, *body)
                     : error(404, QStringLiteral("LLM not found."));
    }
    return error(404,
                 QStringLiteral("Not found: %1 %2").arg(QString::fromLatin1(r.method), r.path));
}

QJsonObject FakeRetellModel::agentJson(const Agent &agent, const Version &v) const
{
    return {
        {QStringLiteral("agent_id"), agent.agentId},
        {QStringLiteral("version"), v.version},
        {QStringLiteral("is_published"), v.published},
        {QStringLiteral("base_version"),
         v.baseVersion ? QJsonValue(*v.baseVersion) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("version_title"), v.title},
        {QStringLiteral("version_description"), v.description},
        {QStringLiteral("response_engine"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("retell-llm")},
                     {QStringLiteral("llm_id"), agent.llmId},
                     {QStringLiteral("version"), v.version}}},
        {QStringLiteral("agent_name"), QStringLiteral("Fake agent ") + agent.agentId},
        {QStringLiteral("voice_id"), QStringLiteral("11labs-Adrian")},
        {QStringLiteral("language"), QStringLiteral("en-US")},
        {QStringLiteral("last_modification_timestamp"), double(v.modifiedMs)},
    };
}

QJsonObject FakeRetellModel::llmJson(const Agent &agent, const Version &v) const
{
    return {
        {QStringLiteral("llm_id"), agent.llmId},
        {QStringLiteral("version"), v.version},
        {QStringLiteral("is_published"), v.published},
        {QStringLiteral("general_prompt"), v.generalPrompt},
        {QStringLiteral("general_tools"), v.generalTools},
        {QStringLiteral("model"), QStringLiteral("gpt-4.1")},
        {QStringLiteral("begin_message"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("start_speaker"), QStringLiteral("agent")},
        {QStringLiteral("last_modification_timestamp"), double(v.modifiedMs)},
    };
}

std::optional<QString> FakeRetellModel::tooLong(const QString &prompt)
{
    const qsizetype tokens = (prompt.size() + 3) / 4;
    if (tokens <= kPromptTokenLimit)
        return std::nullopt;
    return QStringLiteral("general_prompt is too long: %1 tokens exceeds the limit of %2 tokens.")
        .arg(tokens)
        .arg(kPromptTokenLimit);
}

FakeResponse FakeRetellModel::agentVersions(const Agent &agent) const
{
    QJsonArray all;
    for (const Version &v : agent.versions)
        all.append(agentJson(agent, v));
    return {200, json(all), {}};
}

FakeResponse FakeRetellModel::createAgentVersion(Agent &agent, const QJsonObject &body)
{
    const auto base = intField(body, QStringLiteral("base_version"));
    if (!base)
        return error(400, QStringLiteral("base_version is required and must be an integer."));
    const auto it = agent.versions.constFind(*base);
    if (it == agent.versions.constEnd())
        return error(404, QStringLiteral("Base version %1 not found.").arg(*base));
    Version draft = *it;
    draft.version = agent.versions.lastKey() + 1;
    draft.baseVersion = *base;
    draft.published = false;
    draft.title.clear();
    draft.description.clear();
    draft.modifiedMs = now();
    agent.versions.insert(draft.version, draft);
    return ok(agentJson(agent, draft));
}

FakeResponse FakeRetellModel::publishAgentVersion(Agent &agent, const QJsonObject &body)
{
    const auto version = intField(body, QStringLiteral("version"));
    if (!version)
        return error(400, QStringLiteral("version is required and must be an integer."));
    const auto it = agent.versions.find(*version);
    if (it == agent.versions.end())
        return error(404, QStringLiteral("Agent version %1 not found.").arg(*version));
    if (it->published)
        return error(400, QStringLiteral("Agent version %1 is already published.").arg(*version));
    if (const auto message = tooLong(it->generalPrompt))
        return error(422, *message);
    it->published = true;
    it->title = body.value(QLatin1String("version_title")).toString();
    it->description = body.value(QLatin1String("version_description")).toString();
    it->modifiedMs = now();
    // Retell answers an empty body (the API client's publish() returns void).
    return {200, {}, {}};
}

FakeResponse FakeRetellModel::getLlm(const Agent &agent, const QUrlQuery &query) const
{
    if (query.hasQueryItem(QStringLiteral("version"))) {
        const auto version = intQuery(query, QStringLiteral("version"));
        if (!version)
            return error(400, QStringLiteral("version must be an integer."));
        const auto it = agent.versions.constFind(*version);
        if (it == agent.versions.constEnd())
            return error(404, QStringLiteral("LLM version %1 not found.").arg(*version));
        return ok(llmJson(agent, *it));
    }
    return ok(llmJson(agent, agent.versions.last()));
}

FakeResponse FakeRetellModel::updateLlm(Agent &agent, const QUrlQuery &query,
                                        const QJsonObject &body)
{
    int version = agent.versions.lastKey();
    if (query.hasQueryItem(QStringLiteral("version"))) {
        const auto asked = intQuery(query, QStringLiteral("version"));
        if (!asked)
            return error(400, QStringLiteral("version must be an integer."));
        version = *asked;
    }
    const auto it = agent.versions.find(version);
    if (it == agent.versions.end())
        return error(404, QStringLiteral("LLM version %1 not found.").arg(version));
    if (it->published)
        return error(400, QStringLiteral("Cannot update LLM version %1: published versions are "
                                         "immutable, create a new version first.")
                              .arg(version));
    const QJsonValue prompt = body.value(QLatin1String("general_prompt"));
    const QJsonValue tools = body.value(QLatin1String("general_tools"));
    if (!prompt.isUndefined() && !prompt.isString() && !prompt.isNull())
        return error(400, QStringLiteral("general_prompt must be a string."));
    if (!tools.isUndefined() && !tools.isArray() && !tools.isNull())
        return error(400, QStringLiteral("general_tools must be an array."));
    for (const QJsonValue &tool : tools.toArray()) {
        if (!tool.isObject() || !tool.toObject().value(QLatin1String("type")).isString())
            return error(400, QStringLiteral("Each element of general_tools must be an object "
                                             "with a type."));
    }
    if (prompt.isString()) {
        if (const auto message = tooLong(prompt.toString()))
            return error(422, *message);
    }
    if (!prompt.isUndefined())
        it->generalPrompt = prompt.toString();
    if (!tools.isUndefined())
        it->generalTools = tools.isNull() ? QJsonValue(QJsonValue::Null) : tools;
    it->modifiedMs = now();
    return ok(llmJson(agent, *it));
}

// --- control ---------------------------------------------------------------

QJsonObject FakeRetellModel::addAgent(const QJsonObject &spec)
{
    QMutexLocker lock(&m_mutex);
    return addAgentLocked(spec);
}

QJsonObject FakeRetellModel::addAgentLocked(const QJsonObject &spec)
{
    const int n = m_nextId++;
    Agent agent;
    agent.agentId = spec.value(QLatin1String("agent_id"))
                        .toString(QStringLiteral("agent_%1").arg(n, 24, 16, QLatin1Char('0')));
    agent.llmId = spec.value(QLatin1String("llm_id"))
                      .toString(QStringLiteral("llm_%1").arg(n, 24, 16, QLatin1Char('0')));
    Version v0;
    v0.published = true;
    v0.generalPrompt = spec.value(QLatin1String("general_prompt")).toString();
    v0.generalTools = spec.value(QLatin1String("general_tools")).toArray();
    v0.modifiedMs = now();
    agent.versions.insert(0, v0);
    if (const auto old = m_agents.constFind(agent.agentId); old != m_agents.constEnd())
        m_agentOfLlm.remove(old->llmId);
    m_agentOfLlm.insert(agent.llmId, agent.agentId);
    m_agents.insert(agent.agentId, agent);
    return {{QStringLiteral("agent_id"), agent.agentId},
            {QStringLiteral("llm_id"), agent.llmId},
            {QStringLiteral("version"), 0}};
}

FakeResponse FakeRetellModel::dashboardEdit(const QJsonObject &edit)
{
    QMutexLocker lock(&m_mutex);
    return dashboardEditLocked(edit);
}

// An edit made in Retell's dashboard: the latest version when it is a draft,
// else a new draft on top of it; published when asked.
FakeResponse FakeRetellModel::dashboardEditLocked(const QJsonObject &edit)
{
    Agent *agent = agentOfLlm(edit.value(QLatin1String("llm_id")).toString());
    if (!agent)
        return error(404, QStringLiteral("LLM not found."));
    Version v = agent->versions.last();
    if (v.published) {
        v.baseVersion = v.version;
        v.version += 1;
        v.published = false;
        v.title.clear();
        v.description.clear();
    }
    if (edit.contains(QLatin1String("general_prompt")))
        v.generalPrompt = edit.value(QLatin1String("general_prompt")).toString();
    if (edit.contains(QLatin1String("general_tools")))
        v.generalTools = edit.value(QLatin1String("general_tools")).toArray();
    if (edit.value(QLatin1String("publish")).toBool()) {
        v.published = true;
        v.title = QStringLiteral("Dashboard edit");
    }
    v.modifiedMs = now();
    agent->versions.insert(v.version, v);
    return ok({{QStringLiteral("agent_id"), agent->agentId},
               {QStringLiteral("llm_id"), agent->llmId},
               {QStringLiteral("version"), v.version},
               {QStringLiteral("is_published"), v.published}});
}

QJsonObject FakeRetellModel::state(const QString &agentId) const
{
    QMutexLocker lock(&m_mutex);
    return stateLocked(agentId);
}

QJsonObject FakeRetellModel::stateLocked(const QString &agentId) const
{
    const auto it = m_agents.constFind(agentId);
    if (it == m_agents.constEnd())
        return {};
    QJsonArray versions;
    for (const Version &v : it->versions) {
        QJsonObject o = agentJson(*it, v);
        o.insert(QStringLiteral("general_prompt"), v.generalPrompt);
        o.insert(QStringLiteral("general_tools"), v.generalTools);
        versions.append(o);
    }
    return {{QStringLiteral("agent_id"), it->agentId},
            {QStringLiteral("llm_id"), it->llmId},
            {QStringLiteral("versions"), versions}};
}

FakeResponse FakeRetellModel::handleControl(const FakeRequest &r)
{
    const auto body = objectBody(r.body);
    if (!body)
        return error(400, QStringLiteral("Request body is not a valid JSON object."));
    if (r.path == QLatin1String("/_fake/agents") && r.method == "POST")
        return ok(addAgentLocked(*body));
    if (r.path == QLatin1String("/_fake/dashboard-edit") && r.method == "POST")
        return dashboardEditLocked(*body);
    if (r.path == QLatin1String("/_fake/fault") && r.method == "POST") {
        const auto fault = FakeFault::fromJson(*body);
        if (!fault)
            return error(400, QStringLiteral("Unknown fault mode."));
        m_faults.append(*fault);
        return ok({{QStringLiteral("queued"), m_faults.size()}});
    }
    if (r.path == QLatin1String("/_fake/fault") && r.method == "DELETE") {
        m_faults.clear();
        return ok({});
    }
    if (r.path == QLatin1String("/_fake/log") && r.method == "GET")
        return {200, json(m_log), {}};
    if (r.path == QLatin1String("/_fake/log") && r.method == "DELETE") {
        m_log = QJsonArray();
        return ok({});
    }
    if (const auto id = idAfter(r.path, QLatin1String("/_fake/state/")); id && r.method == "GET") {
        const QJsonObject state = stateLocked(*id);
        return state.isEmpty() ? error(404, QStringLiteral("Agent not found.")) : ok(state);
    }
    return error(404, QStringLiteral("Unknown control endpoint."));
}

// --- faults and log --------------------------------------------------------

std::optional<FakeFault> FakeRetellModel::takeFault(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    if (path.startsWith(QLatin1String("/_fake/")))
        return std::nullopt;
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        FakeFault &f = m_faults[i];
        if (!path.startsWith(f.pathPrefix))
            continue;
        const FakeFault taken = f;
        if (f.count > 0 && --f.count == 0)
            m_faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

void FakeRetellModel::addFault(const FakeFault &fault)
{
    QMutexLocker lock(&m_mutex);
    m_faults.append(fault);
}

void FakeRetellModel::clearFaults()
{
    QMutexLocker lock(&m_mutex);
    m_faults.clear();
}

int FakeRetellModel::pendingFaults() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_faults.size());
}

void FakeRetellModel::record(const FakeRequest &request, int status, const QString &fault)
{
    if (request.path.startsWith(QLatin1String("/_fake/")))
        return;
    QString path = request.path;
    if (!request.query.isEmpty())
        path += QLatin1Char('?') + request.query.toString(QUrl::FullyEncoded);
    QJsonObject entry{{QStringLiteral("method"), QString::fromLatin1(request.method)},
                      {QStringLiteral("path"), path},
                      {QStringLiteral("time"), double(QDateTime::currentMSecsSinceEpoch())},
                      {QStringLiteral("status"), status}};
    if (!fault.isEmpty())
        entry.insert(QStringLiteral("fault"), fault);
    QMutexLocker lock(&m_mutex);
    m_log.append(entry);
}

QJsonArray FakeRetellModel::log() const
{
    QMutexLocker lock(&m_mutex);
    return m_log;
}

void FakeRetellModel::clearLog()
{
    QMutexLocker lock(&m_mutex);
    m_log = QJsonArray();
}

} // namespace retell::test
