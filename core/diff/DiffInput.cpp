#include "DiffInput.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace retell::core {

DiffSide diffSideFromBytes(const QByteArray &bytes, const QString &title)
{
    DiffSide side{title, bytes, {}};
    // Only a JSON object carrying a prompt is a config; anything else
    // (including JSON-looking prompt text) is compared as text.
    if (!bytes.trimmed().startsWith('{'))
        return side;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return side;
    const QJsonObject object = doc.object();
    for (const auto &[promptKey, toolsKey] :
         {std::pair{"prompt", "tools"}, std::pair{"general_prompt", "general_tools"}}) {
        const QJsonValue prompt = object.value(QLatin1String(promptKey));
        if (!prompt.isString())
            continue;
        side.prompt = prompt.toString().toUtf8();
        const QJsonValue tools = object.value(QLatin1String(toolsKey));
        if (tools.isArray())
            side.toolsJson = QJsonDocument(tools.toArray()).toJson(QJsonDocument::Indented);
        else if (tools.isString())
            side.toolsJson = tools.toString().toUtf8();
        return side;
    }
    return side;
}

std::variant<DiffSide, DiffInputError> loadDiffSide(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return DiffInputError{QStringLiteral("Cannot read %1: %2").arg(path, file.errorString())};
    return diffSideFromBytes(file.readAll(), QFileInfo(path).fileName());
}

} // namespace retell::core
