#include "validation/ToolsChecker.h"

#include "validation/Validator.h"

#include <QStringList>

#include <cmath>

namespace retell::core::detail {

namespace {

using Kind = JsonTree::Kind;

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

} // namespace

QString quoted(QStringView s)
{
    QString out;
    out.reserve(s.size() + 2);
    out.append(QLatin1Char('"')).append(s).append(QLatin1Char('"'));
    return out;
}

bool isValidToolName(QStringView name)
{
    if (name.isEmpty() || name.size() > retellLimits::kMaxToolNameLength)
        return false;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
              u == '_' || u == '-'))
            return false;
    }
    return true;
}

ToolsChecker::ToolsChecker(const QString &json) : m_json(json), m_tree(json)
{
    if (isBlank(json)) {
        // The column is JSON NOT NULL: an empty text is no JSON at all.
        m_isArray = true; // no tools to cross-check with the prompt
        Finding f;
        f.code = QStringLiteral("tools.empty");
        f.setText(MessageText(QT_TRANSLATE_NOOP(
            "Validator",
            "The tools configuration is empty; write [] for an agent without tools.")));
        f.target = FindingTarget::Tools;
        m_findings.append(f);
        return;
    }
    if (!m_tree.ok()) {
        reportSyntaxError();
        return;
    }
    checkStorable();
    if (m_tree.kind(JsonTree::kRoot) != Kind::Array) {
        add("tools.not_array", JsonTree::kRoot, Anchor::Start,
            MessageText(QT_TRANSLATE_NOOP(
                "Validator", "The tools configuration must be a JSON array of tools, [ ... ].")));
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
            MessageText(QT_TRANSLATE_NOOP("Validator",
                                          "Tool %1 must be a JSON object with a type and a name."))
                .arg(number));
        return;
    }

    const int name = m_tree.member(tool, QLatin1StringView("name"));
    if (name < 0) {
        add("tools.missing_name", tool, Anchor::Start,
            MessageText(QT_TRANSLATE_NOOP("Validator", "Tool %1 has no \"name\".")).arg(number),
            Severity::Error, m_tree.path(tool) + QLatin1String(".name"));
    } else if (m_tree.kind(name) != Kind::String || !isValidToolName(m_tree.string(name))) {
        add("tools.invalid_name", name, Anchor::Value,
            MessageText(
                QT_TRANSLATE_NOOP(
                    "Validator",
                    "Tool %1 has an invalid name: use 1 to 64 letters, digits, \"_\" or \"-\"."))
                .arg(number));
    } else {
        QString value = m_tree.string(name);
        bool duplicate = false;
        for (const NamedTool &other : std::as_const(m_namedTools)) {
            if (other.name == value) {
                add("tools.duplicate_name", name, Anchor::Value,
                    MessageText(QT_TRANSLATE_NOOP(
                                    "Validator",
                                    "Tool %1 reuses the name %2 of tool %3; names must be unique."))
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
    const ObjectSpec *spec = nullptr;
    if (type >= 0 && m_tree.kind(type) == Kind::String) {
        const QString typeName = m_tree.string(type);
        spec = toolSpec(typeName);
    }
    if (type < 0) {
        add("tools.missing_type", tool, Anchor::Start,
            MessageText(
                QT_TRANSLATE_NOOP(
                    "Validator", "Tool %1 has no \"type\" (custom, end_call, transfer_call, ...)."))
                .arg(number),
            Severity::Error, m_tree.path(tool) + QLatin1String(".type"));
    } else if (!spec) {
        QStringList known;
        for (const ObjectSpec &s : toolSpecs())
            known.append(latin1(s.type));
        add("tools.unknown_type", type, Anchor::Value,
            MessageText(
                QT_TRANSLATE_NOOP("Validator", "Tool %1 has an unknown type; Retell knows %2."))
                .arg(number)
                .arg(known.join(QLatin1String(", "))));
    }
    if (!spec)
        return;
    const bool custom = spec->type == "custom";
    if (spec->type == "transfer_call" && checkOldTransferShape(tool))
        return;
    checkObject(tool, *spec, true, true);
    if (custom)
        checkCustomDescription(tool);
}

// Retell's older transfer_call carried a top-level "number"; today the
// number lives in transfer_destination and the kind of transfer in
// transfer_option. One finding that says how to write it today.
bool ToolsChecker::checkOldTransferShape(int tool)
{
    const int number = m_tree.member(tool, QLatin1StringView("number"));
    if (number < 0 || m_tree.member(tool, QLatin1StringView("transfer_destination")) >= 0 ||
        m_tree.member(tool, QLatin1StringView("transfer_option")) >= 0)
        return false;
    add("tools.old_transfer_shape", number, Anchor::Value,
        MessageText(
            QT_TRANSLATE_NOOP(
                "Validator",
                "Tool %1 uses the old transfer_call shape with a top-level \"number\"; Retell now "
                "wants \"transfer_destination\": {\"type\": \"predefined\", \"number\": ...} and "
                "\"transfer_option\": {\"type\": \"cold_transfer\"} (or \"warm_transfer\")."))
            .arg(m_tree.node(tool).index + 1));
    return true;
}

// The current schema makes a custom tool's description optional, but the
// agent reads it to decide when to call the tool: a warning.
void ToolsChecker::checkCustomDescription(int tool)
{
    const int number = m_tree.node(tool).index + 1;
    const int description = m_tree.member(tool, QLatin1StringView("description"));
    if (description < 0 || m_tree.kind(description) == Kind::Null) {
        add("tools.missing_description", tool, Anchor::Start,
            MessageText(
                QT_TRANSLATE_NOOP(
                    "Validator",
                    "Custom tool %1 has no \"description\"; the agent uses it to decide when to "
                    "call the tool."))
                .arg(number),
            Severity::Warning, m_tree.path(tool) + QLatin1String(".description"));
    } else if (m_tree.kind(description) == Kind::String && m_tree.isBlankString(description)) {
        add("tools.missing_description", description, Anchor::Value,
            MessageText(
                QT_TRANSLATE_NOOP("Validator", "The \"description\" of custom tool %1 is empty."))
                .arg(number),
            Severity::Warning);
    }
}

// Every member is checked against the object's table: known fields by kind,
// unknown ones are a warning (Retell's own exports carry extra fields), and
// every required field must be present.
void ToolsChecker::checkObject(int object, const ObjectSpec &spec, bool isTool, bool typed)
{
    const QString kindName = QString(latin1(spec.type));
    for (int c = m_tree.node(object).firstChild; c >= 0; c = m_tree.node(c).nextSibling) {
        const QString key = m_tree.keyOf(c);
        if ((typed && key == QLatin1String("type")) || (isTool && key == QLatin1String("name")))
            continue;
        const FieldSpec *field = fieldSpec(spec, key);
        if (!field) {
            const int keyNode = c;
            add("tools.unknown_field", keyNode, Anchor::Value,
                kindName.isEmpty()
                    ? MessageText(
                          QT_TRANSLATE_NOOP(
                              "Validator",
                              "%1: Retell does not know the field %2; it is probably ignored."))
                          .arg(where(c), quoted(key))
                    : MessageText(QT_TRANSLATE_NOOP(
                                      "Validator",
                                      "%1: Retell's %3 has no field %2; it is probably ignored."))
                          .arg(where(c), quoted(key), kindName),
                Severity::Warning);
            continue;
        }
        checkValue(c, *field);
    }
    for (const FieldSpec &field : spec.fields) {
        if (!field.required)
            continue;
        const QLatin1StringView name = latin1(field.name);
        const int value = m_tree.member(object, name);
        if (value >= 0 && m_tree.kind(value) != Kind::Null)
            continue;
        const QString path = m_tree.path(object) + QLatin1Char('.') + name;
        add("tools.missing_field", value >= 0 ? value : object,
            value >= 0 ? Anchor::Value : Anchor::Start,
            MessageText(QT_TRANSLATE_NOOP("Validator", "%1 needs %2."))
                .arg(where(object), quoted(QString(name))),
            Severity::Error, path);
    }
}

void ToolsChecker::checkValue(int value, const FieldSpec &field)
{
    if (m_tree.kind(value) == Kind::Null)
        return; // optional fields may be null; required ones are reported by the caller
    if (!checkKind(value, field))
        return;
    switch (field.kind) {
    case ValueKind::String:
        if (!field.choices.empty()) {
            const QString s = m_tree.string(value);
            bool known = false;
            QStringList names;
            for (std::string_view choice : field.choices) {
                const QString c = QString(latin1(choice));
                known |= c == s;
                names.append(quoted(c));
            }
            if (!known) {
                add("tools.invalid_choice", value, Anchor::Value,
                    MessageText(QT_TRANSLATE_NOOP("Validator", "%1 must be one of %2."))
                        .arg(where(value), names.join(QLatin1String(", "))));
            }
        }
        break;
    case ValueKind::Integer:
        if (field.min < field.max) {
            const double v = m_tree.number(value);
            if (v < double(field.min) || v > double(field.max)) {
                add("tools.value_range", value, Anchor::Value,
                    field.defaultValue >= 0
                        ? MessageText(QT_TRANSLATE_NOOP("Validator",
                                                        "%1 must be a whole number from %2 to "
                                                        "%3 (Retell's default is %4)."))
                              .arg(where(value))
                              .arg(field.min)
                              .arg(field.max)
                              .arg(field.defaultValue)
                        : MessageText(QT_TRANSLATE_NOOP("Validator",
                                                        "%1 must be a whole number from %2 to %3."))
                              .arg(where(value))
                              .arg(field.min)
                              .arg(field.max));
            }
        }
        break;
    case ValueKind::Url:
        if (!isHttpUrl(m_tree.string(value))) {
            add("tools.invalid_url", value, Anchor::Value,
                MessageText(
                    QT_TRANSLATE_NOOP("Validator", "%1 must be an http:// or https:// address."))
                    .arg(where(value)));
        }
        break;
    case ValueKind::StringMap:
        if (field.name == "response_variables") {
            for (int c = m_tree.node(value).firstChild; c >= 0; c = m_tree.node(c).nextSibling)
                m_definedVariables.insert(m_tree.keyOf(c));
        }
        break;
    case ValueKind::JsonSchema:
        checkParameters(value);
        break;
    case ValueKind::Object:
        checkVariant(value, field);
        break;
    case ValueKind::ObjectArray:
        for (int c = m_tree.node(value).firstChild; c >= 0; c = m_tree.node(c).nextSibling) {
            if (m_tree.kind(c) != Kind::Object) {
                add("tools.invalid_value", c, Anchor::Value,
                    MessageText(QT_TRANSLATE_NOOP("Validator", "%1 must be an object."))
                        .arg(where(c)));
                continue;
            }
            checkVariant(c, field);
            const int name = m_tree.member(c, QLatin1StringView("name"));
            if (field.name == "variables" && name >= 0 && m_tree.kind(name) == Kind::String)
                m_definedVariables.insert(m_tree.string(name));
        }
        break;
    default:
        break;
    }
}

// The JSON kind a field needs; false (after a finding) when it has another.
bool ToolsChecker::checkKind(int value, const FieldSpec &field)
{
    const Kind kind = m_tree.kind(value);
    bool good = false;
    const char *wanted = nullptr;
    switch (field.kind) {
    case ValueKind::String:
    case ValueKind::Url:
        good = kind == Kind::String;
        wanted = QT_TRANSLATE_NOOP("Validator", "%1 must be a text in quotes.");
        break;
    case ValueKind::Bool:
        good = kind == Kind::Bool;
        wanted = QT_TRANSLATE_NOOP("Validator", "%1 must be true or false.");
        break;
    case ValueKind::Integer: {
        const double v = m_tree.number(value);
        good = kind == Kind::Number && std::floor(v) == v;
        wanted = QT_TRANSLATE_NOOP("Validator", "%1 must be a whole number.");
        break;
    }
    case ValueKind::StringOrInteger: {
        const double v = m_tree.number(value);
        good = kind == Kind::String || (kind == Kind::Number && std::floor(v) == v);
        wanted = QT_TRANSLATE_NOOP("Validator", "%1 must be a whole number or a text.");
        break;
    }
    case ValueKind::StringMap:
        good = kind == Kind::Object;
        for (int c = good ? m_tree.node(value).firstChild : -1; c >= 0 && good;
             c = m_tree.node(c).nextSibling)
            good = m_tree.kind(c) == Kind::String;
        wanted = QT_TRANSLATE_NOOP("Validator",
                                   "%1 must be an object whose values are texts in quotes.");
        break;
    case ValueKind::StringArray:
        good = kind == Kind::Array;
        for (int c = good ? m_tree.node(value).firstChild : -1; c >= 0 && good;
             c = m_tree.node(c).nextSibling)
            good = m_tree.kind(c) == Kind::String;
        wanted = QT_TRANSLATE_NOOP("Validator", "%1 must be a list of texts in quotes.");
        break;
    case ValueKind::JsonSchema:
        return true; // checkParameters words its own findings
    case ValueKind::AnyObject:
    case ValueKind::Object:
        good = kind == Kind::Object;
        wanted = QT_TRANSLATE_NOOP("Validator", "%1 must be an object, { ... }.");
        break;
    case ValueKind::ObjectArray:
        good = kind == Kind::Array;
        wanted = QT_TRANSLATE_NOOP("Validator", "%1 must be a list, [ ... ].");
        break;
    }
    if (!good)
        add("tools.invalid_value", value, Anchor::Value, MessageText(wanted).arg(where(value)));
    return good;
}

// An object that is one of several shapes told apart by its "type".
void ToolsChecker::checkVariant(int value, const FieldSpec &field)
{
    if (field.variants.size() == 1 && field.variants.front().type.empty()) {
        checkObject(value, field.variants.front(), false, false);
        return;
    }
    const int type = m_tree.member(value, QLatin1StringView("type"));
    if (type < 0 || m_tree.kind(type) == Kind::Null) {
        if (field.variantTypeOptional) {
            // Choose the shape whose fields cover the members present.
            for (const ObjectSpec &variant : field.variants) {
                bool covers = true;
                for (int c = m_tree.node(value).firstChild; c >= 0 && covers;
                     c = m_tree.node(c).nextSibling) {
                    const QString key = m_tree.keyOf(c);
                    covers = key == QLatin1String("type") || fieldSpec(variant, key);
                }
                if (covers) {
                    checkObject(value, variant, false, true);
                    return;
                }
            }
            return;
        }
    }
    QStringList names;
    for (const ObjectSpec &variant : field.variants) {
        const QString name = QString(latin1(variant.type));
        if (type >= 0 && m_tree.kind(type) == Kind::String && m_tree.string(type) == name) {
            checkObject(value, variant, false, true);
            return;
        }
        names.append(quoted(name));
    }
    const QString choices = names.join(QLatin1String(", "));
    if (type < 0) {
        add("tools.missing_field", value, Anchor::Start,
            MessageText(QT_TRANSLATE_NOOP("Validator", "%1 needs a \"type\": one of %2."))
                .arg(where(value), choices),
            Severity::Error, m_tree.path(value) + QLatin1String(".type"));
    } else if (field.name == "transfer_destination") {
        add("tools.old_transfer_shape", type, Anchor::Value,
            MessageText(
                QT_TRANSLATE_NOOP(
                    "Validator",
                    "%1 has a type Retell no longer takes; write {\"type\": \"predefined\", "
                    "\"number\": \"+4930...\"} for a fixed number or {\"type\": \"inferred\", "
                    "\"prompt\": ...} to let the agent choose."))
                .arg(where(value)));
    } else {
        add("tools.invalid_choice", type, Anchor::Value,
            MessageText(QT_TRANSLATE_NOOP("Validator", "%1 must be one of %2."))
                .arg(where(type), choices));
    }
}

// "Tool 3" for a tool, "Tool 3, \"transfer_option.type\"" for a value in it.
QString ToolsChecker::where(int node) const
{
    int tool = node;
    while (tool >= 0 && m_tree.node(tool).parent != JsonTree::kRoot)
        tool = m_tree.node(tool).parent;
    if (tool < 0)
        return MessageText(QT_TRANSLATE_NOOP("Validator", "The tools configuration")).english();
    const QString toolText = MessageText(QT_TRANSLATE_NOOP("Validator", "Tool %1"))
                                 .arg(m_tree.node(tool).index + 1)
                                 .english();
    if (tool == node)
        return toolText;
    QString inside = m_tree.path(node).mid(m_tree.path(tool).size());
    if (inside.startsWith(QLatin1Char('.')))
        inside.remove(0, 1);
    return toolText + QLatin1String(", ") + quoted(inside);
}

std::pair<int, int> ToolsChecker::lineColumn(qsizetype offset)
{
    if (!m_lines)
        m_lines.emplace(m_json);
    return m_lines->lineColumn(offset);
}

void ToolsChecker::add(const char *code, int node, Anchor anchor, const MessageText &message,
                       Severity severity, const QString &path)
{
    const JsonTree::Node &n = m_tree.node(node);
    Finding f;
    f.severity = severity;
    f.code = QString::fromLatin1(code);
    f.setText(message);
    f.target = FindingTarget::Tools;
    f.jsonPath = path.isEmpty() ? m_tree.path(node) : path;
    f.offset = n.offset;
    f.length = anchor == Anchor::Start ? 1 : n.length;
    const auto [line, column] = lineColumn(n.offset);
    f.line = line;
    f.column = column;
    m_findings.append(std::move(f));
}

} // namespace retell::core::detail
