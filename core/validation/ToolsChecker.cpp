#include "validation/ToolsChecker.h"

#include "validation/JsonLocator.h"
#include "validation/TextPosition.h"
#include "validation/Validator.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace retell::core::detail {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Validator", text); }

bool isBlank(const QString &s)
{
    for (QChar c : s) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

bool isHttpUrl(const QString &url)
{
    qsizetype hostStart = 0;
    if (url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
        hostStart = 8;
    else if (url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive))
        hostStart = 7;
    else
        return false;
    if (hostStart >= url.size() || url.at(hostStart) == QLatin1Char('/'))
        return false;
    for (qsizetype i = hostStart; i < url.size(); ++i) {
        if (url.at(i).isSpace())
            return false;
    }
    return true;
}

QString quoted(QStringView s)
{
    QString out;
    out.reserve(s.size() + 2);
    out.append(QLatin1Char('"')).append(s).append(QLatin1Char('"'));
    return out;
}

} // namespace

bool isValidToolName(QStringView name)
{
    if (name.isEmpty() || name.size() > retellLimits::kMaxToolNameLength)
        return false;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
              || u == '_' || u == '-'))
            return false;
    }
    return true;
}

bool isKnownToolType(QStringView type)
{
    static constexpr QLatin1StringView kTypes[] = {
        QLatin1StringView("custom"),
        QLatin1StringView("end_call"),
        QLatin1StringView("transfer_call"),
        QLatin1StringView("check_availability_cal"),
        QLatin1StringView("book_appointment_cal"),
        QLatin1StringView("press_digit"),
    };
    for (const auto &known : kTypes) {
        if (type == known)
            return true;
    }
    return false;
}

ToolsChecker::ToolsChecker(const QString &json)
    : m_json(json)
{
    if (isBlank(json)) {
        m_isArray = true; // no tools at all is a valid config
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        // QJsonParseError::offset counts UTF-8 bytes and often lands one
        // character past the culprit; the locator stops exactly on it.
        const JsonLocator locator(json);
        const qsizetype offset = locator.ok()
                                     ? utf16OffsetForUtf8Offset(json, error.offset)
                                     : locator.errorOffset();
        const auto [line, column] = LineIndex(json).lineColumn(offset);
        Finding f;
        f.code = QStringLiteral("tools.invalid_json");
        f.message = tr("The tools configuration is not valid JSON: %1 at line %2, column %3.")
                        .arg(error.errorString())
                        .arg(line)
                        .arg(column);
        f.target = FindingTarget::Tools;
        f.line = line;
        f.column = column;
        f.offset = int(offset);
        f.length = offset < json.size() ? 1 : 0;
        m_located.append(f);
        return;
    }
    if (!doc.isArray()) {
        add("tools.not_array", QStringLiteral("$"), Anchor::Start,
            tr("The tools configuration must be a JSON array of tools, [ ... ]."));
        return;
    }
    m_isArray = true;
    const QJsonArray tools = doc.array();
    for (qsizetype i = 0; i < tools.size(); ++i)
        checkTool(i, tools.at(i));
}

void ToolsChecker::checkTool(qsizetype index, const QJsonValue &value)
{
    const QString base = JsonLocator::elementPath(QStringLiteral("$"), index);
    const int number = int(index) + 1;
    if (!value.isObject()) {
        add("tools.not_object", base, Anchor::Value,
            tr("Tool %1 must be a JSON object with a type and a name.").arg(number));
        return;
    }
    const QJsonObject tool = value.toObject();

    const auto nameIt = tool.constFind(QLatin1String("name"));
    if (nameIt == tool.constEnd()) {
        add("tools.missing_name", base, Anchor::Start, tr("Tool %1 has no \"name\".").arg(number));
    } else if (!nameIt->isString() || !isValidToolName(nameIt->toString())) {
        add("tools.invalid_name", base + QLatin1String(".name"), Anchor::Value,
            tr("Tool %1 has an invalid name: use 1 to 64 letters, digits, \"_\" or \"-\".")
                .arg(number));
    } else {
        const QString name = nameIt->toString();
        bool duplicate = false;
        for (const NamedTool &other : std::as_const(m_namedTools)) {
            if (other.name == name) {
                add("tools.duplicate_name", base + QLatin1String(".name"), Anchor::Value,
                    tr("Tool %1 reuses the name %2 of tool %3; names must be unique.")
                        .arg(number)
                        .arg(quoted(name))
                        .arg(other.index + 1));
                duplicate = true;
                break;
            }
        }
        if (!duplicate)
            m_namedTools.append(NamedTool{index, name});
    }

    const auto typeIt = tool.constFind(QLatin1String("type"));
    if (typeIt == tool.constEnd()) {
        add("tools.missing_type", base, Anchor::Start,
            tr("Tool %1 has no \"type\" (custom, end_call, transfer_call, ...).").arg(number));
    } else if (!typeIt->isString() || !isKnownToolType(typeIt->toString())) {
        add("tools.unknown_type", base + QLatin1String(".type"), Anchor::Value,
            tr("Tool %1 has an unknown type; Retell knows custom, end_call, transfer_call, "
               "check_availability_cal, book_appointment_cal and press_digit.")
                .arg(number));
    } else if (typeIt->toString() == QLatin1String("custom")) {
        checkCustom(base, tool);
    }

    const auto paramsIt = tool.constFind(QLatin1String("parameters"));
    if (paramsIt != tool.constEnd())
        checkParameters(base + QLatin1String(".parameters"), *paramsIt);

    const auto timeoutIt = tool.constFind(QLatin1String("timeout_ms"));
    if (timeoutIt != tool.constEnd()) {
        const double t = timeoutIt->toDouble(-1);
        const bool integral = timeoutIt->isDouble() && std::floor(t) == t;
        if (!integral || t < retellLimits::kMinTimeoutMs || t > retellLimits::kMaxTimeoutMs) {
            add("tools.timeout_range", base + QLatin1String(".timeout_ms"), Anchor::Value,
                tr("Tool %1: \"timeout_ms\" must be a whole number of milliseconds between "
                   "1000 and 600000.")
                    .arg(number));
        }
    }
}

void ToolsChecker::checkCustom(const QString &base, const QJsonObject &tool)
{
    const auto urlIt = tool.constFind(QLatin1String("url"));
    if (urlIt == tool.constEnd()) {
        add("tools.missing_url", base, Anchor::Start,
            tr("This custom tool has no \"url\" for Retell to call."));
    } else if (!urlIt->isString() || !isHttpUrl(urlIt->toString())) {
        add("tools.invalid_url", base + QLatin1String(".url"), Anchor::Value,
            tr("The \"url\" of a custom tool must be an http:// or https:// address."));
    }
    const auto descIt = tool.constFind(QLatin1String("description"));
    if (descIt == tool.constEnd()) {
        add("tools.missing_description", base, Anchor::Start,
            tr("This custom tool has no \"description\"; the agent uses it to decide when to "
               "call the tool."));
    } else if (!descIt->isString() || isBlank(descIt->toString())) {
        add("tools.missing_description", base + QLatin1String(".description"), Anchor::Value,
            tr("The \"description\" of this custom tool is empty."));
    }
}

void ToolsChecker::checkParameters(const QString &path, const QJsonValue &parameters)
{
    if (!parameters.isObject()) {
        add("tools.parameters_not_object", path, Anchor::Value,
            tr("\"parameters\" must be a JSON Schema object: {\"type\": \"object\", "
               "\"properties\": {...}}."));
        return;
    }
    const QJsonObject schema = parameters.toObject();
    const auto typeIt = schema.constFind(QLatin1String("type"));
    if (typeIt == schema.constEnd()) {
        add("tools.parameters_not_object", path, Anchor::Start,
            tr("\"parameters\" must declare \"type\": \"object\"."));
    } else if (typeIt->toString() != QLatin1String("object")) {
        add("tools.parameters_not_object", path + QLatin1String(".type"), Anchor::Value,
            tr("The \"type\" of \"parameters\" must be \"object\"."));
    }
    QJsonObject properties;
    const auto propsIt = schema.constFind(QLatin1String("properties"));
    if (propsIt != schema.constEnd()) {
        if (propsIt->isObject()) {
            properties = propsIt->toObject();
            collectParameterNames(schema, 0);
        } else {
            add("tools.parameters_not_object", path + QLatin1String(".properties"),
                Anchor::Value, tr("\"properties\" must be an object of named properties."));
        }
    }
    const auto requiredIt = schema.constFind(QLatin1String("required"));
    if (requiredIt == schema.constEnd())
        return;
    const QString requiredPath = path + QLatin1String(".required");
    if (!requiredIt->isArray()) {
        add("tools.invalid_required", requiredPath, Anchor::Value,
            tr("\"required\" must be an array of property names."));
        return;
    }
    const QJsonArray required = requiredIt->toArray();
    for (qsizetype i = 0; i < required.size(); ++i) {
        const QJsonValue entry = required.at(i);
        const QString entryPath = JsonLocator::elementPath(requiredPath, i);
        if (!entry.isString()) {
            add("tools.invalid_required", entryPath, Anchor::Value,
                tr("Entries of \"required\" must be property names (strings)."));
        } else if (!properties.contains(entry.toString())) {
            add("tools.required_unknown_property", entryPath, Anchor::Value,
                tr("%1 is required but not defined in \"properties\".")
                    .arg(quoted(entry.toString())));
        }
    }
}

void ToolsChecker::collectParameterNames(const QJsonObject &schema, int depth)
{
    if (depth > 8)
        return;
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        m_parameterNames.insert(it.key());
        const QJsonObject child = it.value().toObject();
        collectParameterNames(child, depth + 1);
        collectParameterNames(child.value(QLatin1String("items")).toObject(), depth + 1);
    }
}

void ToolsChecker::reportUnused(const NamedTool &tool)
{
    add("tools.unused_tool",
        JsonLocator::elementPath(QStringLiteral("$"), tool.index) + QLatin1String(".name"),
        Anchor::Value,
        tr("Tool %1 is defined but the prompt never mentions it, so the agent may not know "
           "when to call it.")
            .arg(quoted(tool.name)),
        Severity::Warning);
}

void ToolsChecker::add(const char *code, QString path, Anchor anchor, QString message,
                       Severity severity)
{
    Finding f;
    f.severity = severity;
    f.code = QString::fromLatin1(code);
    f.message = std::move(message);
    f.target = FindingTarget::Tools;
    f.jsonPath = std::move(path);
    m_pending.append(Pending{std::move(f), anchor});
}

QList<Finding> ToolsChecker::takeFindings()
{
    QList<Finding> out = std::move(m_located);
    m_located.clear();
    if (m_pending.isEmpty())
        return out;
    const JsonLocator locator(m_json);
    const LineIndex lines(m_json);
    for (Pending &p : m_pending) {
        const JsonSpan span = locator.span(p.finding.jsonPath);
        qsizetype offset = span.offset;
        qsizetype length = span.length;
        if (p.anchor == Anchor::Key && span.keyOffset >= 0) {
            offset = span.keyOffset;
            length = span.keyLength;
        } else if (p.anchor == Anchor::Start) {
            length = offset >= 0 ? 1 : 0;
        }
        if (offset >= 0) {
            const auto [line, column] = lines.lineColumn(offset);
            p.finding.offset = int(offset);
            p.finding.length = int(length);
            p.finding.line = line;
            p.finding.column = column;
        }
        out.append(std::move(p.finding));
    }
    m_pending.clear();
    return out;
}

} // namespace retell::core::detail
