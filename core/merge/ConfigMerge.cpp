#include "merge/ConfigMerge.h"

#include <QJsonDocument>

namespace retell::core {

namespace {

// An input's tools as an array ("" and blank count as []), or nothing.
std::optional<QJsonArray> toolsArray(const QByteArray &text)
{
    if (text.trimmed().isEmpty())
        return QJsonArray();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    return doc.array();
}

} // namespace

QByteArray ConfigMerge::toolsTextFor(const QJsonArray &merged) const
{
    // Ours first: a merge that takes nothing from theirs leaves the text as it was.
    for (const MergeInput input : {MergeInput::Ours, MergeInput::Theirs, MergeInput::Base}) {
        if (const auto array = toolsArray(toolsText[input]); array && *array == merged)
            return toolsText[input];
    }
    return QJsonDocument(merged).toJson(QJsonDocument::Indented);
}

AgentConfig ConfigMerge::merged(const QList<ConflictChoice> &promptChoices,
                                const QList<ConflictChoice> &toolsChoices) const
{
    return AgentConfig{QString::fromUtf8(mergedText(prompt, promptChoices)),
                       QString::fromUtf8(toolsTextFor(mergedToolsArray(tools, toolsChoices)))};
}

std::optional<AgentConfig> ConfigMerge::result() const
{
    if (!clean())
        return std::nullopt;
    return merged();
}

ConfigMerge mergeConfig(const DiffSide &base, const DiffSide &ours, const DiffSide &theirs,
                        const TextMergeOptions &options, std::stop_token stop)
{
    ConfigMerge merge;
    merge.prompt = mergeText(base.prompt, ours.prompt, theirs.prompt, options, std::move(stop));
    if (!merge.prompt.ok())
        return merge;
    merge.tools = mergeTools(base.toolsJson, ours.toolsJson, theirs.toolsJson);
    merge.toolsText = PerInput<QByteArray>{{base.toolsJson, ours.toolsJson, theirs.toolsJson}};
    return merge;
}

ConfigMerge mergeConfig(const AgentConfig &base, const AgentConfig &ours, const AgentConfig &theirs,
                        const TextMergeOptions &options, std::stop_token stop)
{
    const auto side = [](const AgentConfig &config) {
        return DiffSide{{}, config.prompt.toUtf8(), config.toolsJson.toUtf8()};
    };
    return mergeConfig(side(base), side(ours), side(theirs), options, std::move(stop));
}

} // namespace retell::core
