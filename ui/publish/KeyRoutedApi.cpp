#include "publish/KeyRoutedApi.h"

#include <map>

namespace retell::ui {

namespace {

class KeyRoutedApi final : public core::RetellApi
{
public:
    KeyRoutedApi(std::shared_ptr<const KeyRouting> routing, EndpointApiFactory make)
        : m_routing(std::move(routing)), m_make(std::move(make))
    {
    }

    core::Result<QList<core::RetellAgentVersion>> agentVersions(const QString &agentId) override
    {
        return route<QList<core::RetellAgentVersion>>(
            agentId, [&](core::RetellApi &api) { return api.agentVersions(agentId); });
    }
    core::Result<core::RetellAgentVersion> createAgentVersion(const QString &agentId,
                                                              int baseVersion) override
    {
        return route<core::RetellAgentVersion>(agentId, [&](core::RetellApi &api) {
            return api.createAgentVersion(agentId, baseVersion);
        });
    }
    core::Result<core::RetellLlm> updateLlm(const QString &llmId, int version,
                                            const QString &generalPrompt,
                                            const QJsonArray &generalTools) override
    {
        return route<core::RetellLlm>(llmId, [&](core::RetellApi &api) {
            return api.updateLlm(llmId, version, generalPrompt, generalTools);
        });
    }
    core::Result<void> publishAgentVersion(const QString &agentId, int version,
                                           const QString &title,
                                           const QString &description) override
    {
        return route<void>(agentId, [&](core::RetellApi &api) {
            return api.publishAgentVersion(agentId, version, title, description);
        });
    }
    core::Result<core::RetellLlm> llm(const QString &llmId, std::optional<int> version) override
    {
        return route<core::RetellLlm>(
            llmId, [&](core::RetellApi &api) { return api.llm(llmId, version); });
    }

private:
    template <typename T, typename Call> core::Result<T> route(const QString &id, Call call)
    {
        const QString key = m_routing->keyById.value(id, m_routing->fallbackKey);
        if (key.isEmpty())
            return core::Error{core::ErrorKind::Remote,
                               QStringLiteral("No Retell API key is set for this company."),
                               {}}
                .withCode("retell.no_key");
        auto it = m_apis.find(key);
        if (it == m_apis.end())
            it = m_apis.emplace(key, m_make(m_routing->baseUrl, key)).first;
        return call(*it->second);
    }

    std::shared_ptr<const KeyRouting> m_routing;
    EndpointApiFactory m_make;
    std::map<QString, std::unique_ptr<core::RetellApi>> m_apis; // per key, on this thread
};

} // namespace

core::RetellApiFactory keyRoutedFactory(KeyRouting routing, EndpointApiFactory make)
{
    auto shared = std::make_shared<const KeyRouting>(std::move(routing));
    return [shared, make = std::move(make)]() -> std::unique_ptr<core::RetellApi> {
        return std::make_unique<KeyRoutedApi>(shared, make);
    };
}

} // namespace retell::ui
