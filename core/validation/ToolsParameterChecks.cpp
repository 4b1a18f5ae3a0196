// A custom tool's `parameters`: the JSON Schema Retell passes to the model,
// and which of its parameters the prompt never mentions.
#include "validation/ToolsChecker.h"

#include "validation/Validator.h"

#include <QStringList>

namespace retell::core::detail {

using Kind = JsonTree::Kind;

void ToolsChecker::checkParameters(int parameters)
{
    if (m_tree.kind(parameters) != Kind::Object) {
        add("tools.parameters_not_object", parameters, Anchor::Value,
            MessageText(QT_TRANSLATE_NOOP(
                "Validator", "\"parameters\" must be a JSON Schema object: {\"type\": \"object\", "
                             "\"properties\": {...}}.")));
        return;
    }
    const int type = m_tree.member(parameters, QLatin1StringView("type"));
    if (type < 0) {
        add("tools.parameters_not_object", parameters, Anchor::Start,
            MessageText(QT_TRANSLATE_NOOP("Validator",
                                          "\"parameters\" must declare \"type\": \"object\".")));
    } else if (!m_tree.stringEquals(type, QLatin1StringView("object"))) {
        add("tools.parameters_not_object", type, Anchor::Value,
            MessageText(QT_TRANSLATE_NOOP("Validator",
                                          "The \"type\" of \"parameters\" must be \"object\".")));
    }
    const int properties = m_tree.member(parameters, QLatin1StringView("properties"));
    if (properties >= 0) {
        if (m_tree.kind(properties) == Kind::Object) {
            collectParameterWords(parameters, 0);
        } else {
            add("tools.parameters_not_object", properties, Anchor::Value,
                MessageText(QT_TRANSLATE_NOOP(
                    "Validator", "\"properties\" must be an object of named properties.")));
        }
    }
    const int required = m_tree.member(parameters, QLatin1StringView("required"));
    if (required < 0)
        return;
    if (m_tree.kind(required) != Kind::Array) {
        add("tools.invalid_required", required, Anchor::Value,
            MessageText(QT_TRANSLATE_NOOP("Validator",
                                          "\"required\" must be an array of property names.")));
        return;
    }
    for (int entry = m_tree.node(required).firstChild; entry >= 0;
         entry = m_tree.node(entry).nextSibling) {
        if (m_tree.kind(entry) != Kind::String) {
            add("tools.invalid_required", entry, Anchor::Value,
                MessageText(QT_TRANSLATE_NOOP(
                    "Validator", "Entries of \"required\" must be property names (strings).")));
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
                MessageText(QT_TRANSLATE_NOOP("Validator",
                                              "%1 is required but not defined in \"properties\"."))
                    .arg(quoted(name)));
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
        MessageText(
            QT_TRANSLATE_NOOP(
                "Validator",
                "Tool %1 is defined but the prompt never mentions it, so the agent may not know "
                "when to call it."))
            .arg(quoted(tool.name)),
        Severity::Warning);
}

} // namespace retell::core::detail
