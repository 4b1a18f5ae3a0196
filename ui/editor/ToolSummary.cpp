#include "ToolSummary.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace retell::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ToolSummary", text);
}

QString typeOf(const QJsonValue &schema)
{
    const QJsonValue type = schema.toObject().value(QLatin1String("type"));
    if (type.isString())
        return type.toString();
    if (type.isArray()) {
        QStringList types;
        for (const QJsonValue &t : type.toArray())
            types.append(t.toString());
        return types.join(QLatin1Char('|'));
    }
    return tr("any");
}

QList<ParameterSummary> parametersOf(const QJsonObject &tool)
{
    const QJsonObject schema = tool.value(QLatin1String("parameters")).toObject();
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    QSet<QString> required;
    for (const QJsonValue &r : schema.value(QLatin1String("required")).toArray())
        required.insert(r.toString());
    QList<ParameterSummary> out;
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        out.append({it.key(), typeOf(it.value()), required.contains(it.key()),
                    it.value().toObject().value(QLatin1String("description")).toString()});
    }
    return out;
}

QString summaryOf(const QList<ParameterSummary> &parameters)
{
    if (parameters.isEmpty())
        return tr("none");
    QStringList parts;
    for (const ParameterSummary &p : parameters) {
        QString part = p.name + QLatin1String(": ") + p.type;
        if (p.required)
            part += QLatin1Char(' ') + tr("(required)");
        parts.append(part);
    }
    return parts.join(QLatin1String(", "));
}

} // namespace

QList<ToolSummary> summarizeTools(const QJsonArray &tools)
{
    QList<ToolSummary> out;
    out.reserve(tools.size());
    for (const QJsonValue &value : tools) {
        ToolSummary s;
        if (!value.isObject()) {
            s.name = tr("(not an object)");
            out.append(s);
            continue;
        }
        const QJsonObject tool = value.toObject();
        s.name = tool.value(QLatin1String("name")).toString();
        if (s.name.isEmpty())
            s.name = tr("(unnamed)");
        s.type = tool.value(QLatin1String("type")).toString();
        if (s.type.isEmpty())
            s.type = tr("(no type)");
        s.description = tool.value(QLatin1String("description")).toString().simplified();
        s.parameterList = parametersOf(tool);
        s.parameters = summaryOf(s.parameterList);
        out.append(s);
    }
    return out;
}

TextLocation locateByteOffset(const QByteArray &utf8, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, utf8.size());
    const qsizetype lineStart = offset == 0 ? 0 : utf8.lastIndexOf('\n', offset - 1) + 1;
    TextLocation at;
    at.line = int(utf8.left(lineStart).count('\n')) + 1;
    at.column = int(QString::fromUtf8(utf8.constData() + lineStart, offset - lineStart).size()) + 1;
    return at;
}

} // namespace retell::ui
