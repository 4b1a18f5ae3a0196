#include "validation/ToolsChecker.h"

#include "validation/Validator.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cmath>

namespace retell::core::detail {

namespace {

using Kind = JsonTree::Kind;

QString tr(const char *text) { return QCoreApplication::translate("Validator", text); }

bool isBlank(QStringView s)
{
    for (QChar c : s) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

// Dynamic variables are allowed in URLs ("https://{{host}}/x" is not).
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
    , m_tree(json)
{
    if (isBlank(json)) {
        m_isArray = true; // no tools at all is a valid config
        return;
    }
    if (!m_tree.ok()) {
        // Qt words the message; the position is the tree's, which stops on
        // the culprit (QJsonParseError::offset counts UTF-8 bytes and often
        // lands one character later), with Qt's offset as the fallback.
        QJsonParseError error;
        QJsonDocument::fromJson(json.toUtf8(), &error);
        qsizetype offset = m_tree.errorOffset();
        if (error.error == QJsonParseError::NoError)
            error.error = QJsonParseError::IllegalValue;
        else if (offset < 0)
            offset = utf16OffsetForUtf8Offset(json, error.offset);
        const auto [line, column] = lineColumn(offset);
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
        m_findings.append(f);
        return;
    }
    if (m_tree.kind(JsonTree::kRoot) != Kind::Array) {
        add("tools.not_array", JsonTree::kRoot, Anchor::Start,
            tr("The tools configuration must be a JSON array of tools, [ ... ]."));
        return;
    }
    m_isArray = true;
    for (int t = m_tree.node(JsonTree::kRoot).firstChild; t >= 0; t = m_tree.node(t).nextSibling)
        checkTool(t);
}

void ToolsChecker::checkTool(int tool)
{
    const int number = m_tree.node(tool).index + 1;
    if (m_tree.kind(tool) != Kind::Object) {
        add("tools.not_object", tool, Anchor::Value,
            tr("Tool %1 must be a JSON object with a type and a name.").arg(number));
        return;
    }

    const int name = m_tree.member(tool, QLatin1StringView("name"));
    if (name < 0) {
        add("tools.missing_name", tool, Anchor::Start, tr("Tool %1 has no \"name\".").arg(number));
    } else if (m_tree.kind(name) != Kind::String || !isValidToolName(m_tree.string(name))) {
        add("tools.invalid_name", name, Anchor::Value,
            tr("Tool %1 has an invalid name: use 1 to 64 letters, digits, \"_\" or \"-\".")
                .arg(number));
    } else {
        QString value = m_tree.string(name);
        bool duplicate = false;
        for (const NamedTool &other : std::as_const(m_namedTools)) {
            if (other.name == value) {
                add("tools.duplicate_name", name, Anchor::Value,
                    tr("Tool %1 reuses the name %2 of tool %3; names must be unique.")
                        .arg(number)
                        .arg(quoted(value))
                        .arg(other.index + 1));
                duplicate = true;
                break;
            }
        }
        if (!duplicate)
            m_namedTools.append(NamedTool{name, number - 1, std::move(value)});
    }

    const int type = m_tree.member(tool, QLatin1StringView("type"));
    if (type < 0) {
        add("tools.missing_type", tool, Anchor::Start,
            tr("Tool %1 has no \"type\" (custom, end_call, transfer_call, ...).").arg(number));
    } else if (m_tree.kind(type) != Kind::String || !isKnownToolType(m_tree.string(type))) {
        add("tools.unknown_type", type, Anchor::Value,
            tr("Tool %1 has an unknown type; Retell knows custom, end_call, transfer_call, "
               "check_availability_cal, book_appointment_cal and press_digit.")
                .arg(number));
    } else if (m_tree.stringEquals(type, QLatin1StringView("custom"))) {
        checkCustom(tool);
    }

    const int parameters = m_tree.member(tool, QLatin1StringView("parameters"));
    if (parameters >= 0)
        checkParameters(parameters);

    const int timeout = m_tree.member(tool, QLatin1StringView("timeout_ms"));
    if (timeout >= 0) {
        const double t = m_tree.number(timeout); // NaN unless a number
        if (!(std::floor(t) == t && t >= retellLimits::kMinTimeoutMs
              && t <= retellLimits::kMaxTimeoutMs)) {
            add("tools.timeout_range", timeout, Anchor::Value,
                tr("Tool %1: \"timeout_ms\" must be a whole number of milliseconds between "
                   "1000 and 600000.")
                    .arg(number));
        }
    }
}

void ToolsChecker::checkCustom(int tool)
{
    const int url = m_tree.member(tool, QLatin1StringView("url"));
    if (url < 0) {
        add("tools.missing_url", tool, Anchor::Start,
            tr("This custom tool has no \"url\" for Retell to call."));
    } else if (m_tree.kind(url) != Kind::String || !isHttpUrl(m_tree.string(url))) {
        add("tools.invalid_url", url, Anchor::Value,
            tr("The \"url\" of a custom tool must be an http:// or https:// address."));
    }
    const int description = m_tree.member(tool, QLatin1StringView("description"));
    if (description < 0) {
        add("tools.missing_description", tool, Anchor::Start,
            tr("This custom tool has no \"description\"; the agent uses it to decide when to "
               "call the tool."));
    } else if (m_tree.kind(description) != Kind::String || m_tree.isBlankString(description)) {
        add("tools.missing_description", description, Anchor::Value,
            tr("The \"description\" of this custom tool is empty."));
    }
}

void ToolsChecker::checkParameters(int parameters)
{
    if (m_tree.kind(parameters) != Kind::Object) {
        add("tools.parameters_not_object", parameters, Anchor::Value,
            tr("\"parameters\" must be a JSON Schema object: {\"type\": \"object\", "
               "\"properties\": {...}}."));
        return;
    }
    const int type = m_tree.member(parameters, QLatin1StringView("type"));
    if (type < 0) {
        add("tools.parameters_not_object", parameters, Anchor::Start,
            tr("\"parameters\" must declare \"type\": \"object\"."));
    } else if (!m_tree.stringEquals(type, QLatin1StringView("object"))) {
        add("tools.parameters_not_object", type, Anchor::Value,
            tr("The \"type\" of \"parameters\" must be \"object\"."));
    }
    const int properties = m_tree.member(parameters, QLatin1StringView("properties"));
    if (properties >= 0) {
        if (m_tree.kind(properties) == Kind::Object) {
            collectParameterWords(parameters, 0);
        } else {
            add("tools.parameters_not_object", properties, Anchor::Value,
                tr("\"properties\" must be an object of named properties."));
        }
    }
    const int required = m_tree.member(parameters, QLatin1StringView("required"));
    if (required < 0)
        return;
    if (m_tree.kind(required) != Kind::Array) {
        add("tools.invalid_required", required, Anchor::Value,
            tr("\"required\" must be an array of property names."));
        return;
    }
    for (int entry = m_tree.node(required).firstChild; entry >= 0;
         entry = m_tree.node(entry).nextSibling) {
        if (m_tree.kind(entry) != Kind::String) {
            add("tools.invalid_required", entry, Anchor::Value,
                tr("Entries of \"required\" must be property names (strings)."));
            continue;
        }
        const QString name = m_tree.string(entry);
        bool declared = false;
        if (properties >= 0 && m_tree.kind(properties) == Kind::Object) {
            for (int p = m_tree.node(properties).firstChild; p >= 0 && !declared;
                 p = m_tree.node(p).nextSibling)
                declared = m_tree.keyOf(p) == name;
        }
        if (!declared) {
            add("tools.required_unknown_property", entry, Anchor::Value,
                tr("%1 is required but not defined in \"properties\".").arg(quoted(name)));
        }
    }
}

void ToolsChecker::collectParameterWords(int schema, int depth)
{
    if (schema < 0 || depth > 8 || m_tree.kind(schema) != Kind::Object)
        return;
    const int properties = m_tree.member(schema, QLatin1StringView("properties"));
    if (properties >= 0 && m_tree.kind(properties) == Kind::Object) {
        for (int p = m_tree.node(properties).firstChild; p >= 0; p = m_tree.node(p).nextSibling) {
            m_parameterWords.insert(m_tree.keyOf(p));
            collectParameterWords(p, depth + 1);
        }
    }
    const int values = m_tree.member(schema, QLatin1StringView("enum"));
    if (values >= 0 && m_tree.kind(values) == Kind::Array) {
        for (int v = m_tree.node(values).firstChild; v >= 0; v = m_tree.node(v).nextSibling) {
            if (m_tree.kind(v) == Kind::String)
                m_parameterWords.insert(m_tree.string(v));
        }
    }
    collectParameterWords(m_tree.member(schema, QLatin1StringView("items")), depth + 1);
}

void ToolsChecker::reportUnused(const NamedTool &tool)
{
    add("tools.unused_tool", tool.node, Anchor::Value,
        tr("Tool %1 is defined but the prompt never mentions it, so the agent may not know "
           "when to call it.")
            .arg(quoted(tool.name)),
        Severity::Warning);
}

std::pair<int, int> ToolsChecker::lineColumn(qsizetype offset)
{
    if (!m_lines)
        m_lines.emplace(m_json);
    return m_lines->lineColumn(offset);
}

void ToolsChecker::add(const char *code, int node, Anchor anchor, QString message,
                       Severity severity)
{
    const JsonTree::Node &n = m_tree.node(node);
    Finding f;
    f.severity = severity;
    f.code = QString::fromLatin1(code);
    f.message = std::move(message);
    f.target = FindingTarget::Tools;
    f.jsonPath = m_tree.path(node);
    f.offset = n.offset;
    f.length = anchor == Anchor::Start ? 1 : n.length;
    const auto [line, column] = lineColumn(n.offset);
    f.line = line;
    f.column = column;
    m_findings.append(std::move(f));
}

} // namespace retell::core::detail
