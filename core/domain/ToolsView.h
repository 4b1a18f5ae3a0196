#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace retell::core {

// One parameter of a tool's JSON Schema "parameters" object.
struct ToolParameter
{
    QString name;
    QString type; // "string", "integer|null"; empty when the schema gives none
    bool required = false;
    QString description;
};

// The fields of one tool that lists, pickers and diffs need; the whole tool
// stays available as JSON for those that compare it field by field.
struct ToolView
{
    int index = 0;         // position in the array
    bool isObject = false; // false: the entry is no JSON object (all fields empty)
    QString name;
    QString type;
    QString description;
    QJsonObject parameters; // the JSON Schema object, empty when absent
    QJsonValue json;        // the entry as written

    // The schema's properties in key order, each marked when "required" lists it.
    QList<ToolParameter> parameterList() const;
};

// A light typed view of a Retell general_tools array (the tools JSON of an
// AgentConfig). Parsing is done once; blank text is an empty array.
class ToolsView final
{
public:
    enum class Problem
    {
        None,
        NotJson,  // a syntax error at errorOffset()
        NotArray, // valid JSON, but no array
    };

    ToolsView() = default;
    static ToolsView parse(const QByteArray &utf8);
    static ToolsView parse(const QString &toolsJson);
    static ToolsView fromArray(const QJsonArray &tools);

    bool ok() const { return m_problem == Problem::None; }
    Problem problem() const { return m_problem; }
    // Byte offset of a syntax error and the parser's words for it.
    qsizetype errorOffset() const { return m_errorOffset; }
    QString errorString() const { return m_errorString; }

    const QList<ToolView> &tools() const { return m_tools; }
    const QJsonArray &array() const { return m_array; }
    bool isEmpty() const { return m_tools.isEmpty(); }
    QStringList names() const; // non-empty names in array order

private:
    Problem m_problem = Problem::None;
    qsizetype m_errorOffset = -1;
    QString m_errorString;
    QJsonArray m_array;
    QList<ToolView> m_tools;
};

} // namespace retell::core
