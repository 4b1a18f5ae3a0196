#include "domain/ToolsView.h"

#include <QJsonDocument>
#include <QSet>

namespace retell::core {

namespace {

QString schemaType(const QJsonValue &schema)
{
    const QJsonValue type = schema.toObject().value(QLatin1String("type"));
    if (type.isString())
        return type.toString();
    QStringList types;
    for (const QJsonValue &t : type.toArray())
        types.append(t.toString());
    return types.join(QLatin1Char('|'));
}

} // namespace

QList<ToolParameter> ToolView::parameterList() const
{
    const QJsonObject properties = parameters.value(QLatin1String("properties")).toObject();
    QSet<QString> required;
    for (const QJsonValue &r : parameters.value(QLatin1String("required")).toArray())
        required.insert(r.toString());
    QList<ToolParameter> out;
    out.reserve(properties.size());
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        out.append({it.key(), schemaType(it.value()), required.contains(it.key()),
                    it.value().toObject().value(QLatin1String("description")).toString()});
    }
    return out;
}

ToolsView ToolsView::parse(const QString &toolsJson)
{
    return parse(toolsJson.toUtf8());
}

ToolsView ToolsView::parse(const QByteArray &utf8)
{
    if (utf8.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    ToolsView view;
    if (error.error != QJsonParseError::NoError) {
        view.m_problem = Problem::NotJson;
        view.m_errorOffset = error.offset;
        view.m_errorString = error.errorString();
        return view;
    }
    if (!doc.isArray()) {
        view.m_problem = Problem::NotArray;
        return view;
    }
    return fromArray(doc.array());
}

ToolsView ToolsView::fromArray(const QJsonArray &tools)
{
    ToolsView view;
    view.m_array = tools;
    view.m_tools.reserve(tools.size());
    for (qsizetype i = 0; i < tools.size(); ++i) {
        ToolView tool;
        tool.index = int(i);
        tool.json = tools.at(i);
        tool.isObject = tool.json.isObject();
        const QJsonObject o = tool.json.toObject();
        tool.name = o.value(QLatin1String("name")).toString();
        tool.type = o.value(QLatin1String("type")).toString();
        tool.description = o.value(QLatin1String("description")).toString();
        tool.parameters = o.value(QLatin1String("parameters")).toObject();
        view.m_tools.append(tool);
    }
    return view;
}

QStringList ToolsView::names() const
{
    QStringList out;
    for (const ToolView &tool : m_tools) {
        if (!tool.name.isEmpty())
            out.append(tool.name);
    }
    return out;
}

} // namespace retell::core
