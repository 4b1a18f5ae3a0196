#pragma once

#include "domain/Finding.h"
#include "validation/JsonTree.h"
#include "validation/TextPosition.h"
#include "validation/ToolSchema.h"

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace retell::core::detail {

// Checks a Retell general_tools config parsed by JsonTree, so every finding
// gets its JSON path and text position without a second pass.
class ToolsChecker final
{
public:
    struct NamedTool
    {
        int node = -1; // the "name" string node
        int index = 0; // tool position in the array
        QString name;
    };

    explicit ToolsChecker(const QString &json);
    Q_DISABLE_COPY_MOVE(ToolsChecker)

    // True when the config is a JSON array (even if tools have issues).
    bool isArray() const { return m_isArray; }
    const QList<NamedTool> &namedTools() const { return m_namedTools; }
    // Property names and enum values declared in any tool's parameters:
    // prompts talk about them, so they are not taken for undefined tools.
    const QSet<QString> &parameterWords() const { return m_parameterWords; }
    // Dynamic variables the tools define themselves: the keys of
    // response_variables (custom, code, mcp) and the variables an
    // extract_dynamic_variable tool extracts.
    const QSet<QString> &definedVariables() const { return m_definedVariables; }

    void reportUnused(const NamedTool &tool);
    QList<Finding> takeFindings() { return std::exchange(m_findings, {}); }

private:
    enum class Anchor
    {
        Value,
        Start
    }; // whole value, or its first character

    void reportSyntaxError();
    void checkStorable(); // what the database refuses in valid JSON
    void checkTool(int tool);
    bool checkOldTransferShape(int tool);
    void checkCustomDescription(int tool);
    void checkObject(int object, const ObjectSpec &spec, bool isTool, bool typed);
    void checkValue(int value, const FieldSpec &field);
    void checkVariant(int value, const FieldSpec &field);
    bool checkKind(int value, const FieldSpec &field);
    void checkParameters(int parameters);
    void collectParameterWords(int schema, int depth);
    QString where(int node) const; // "Tool 2" or "Tool 2, \"transfer_option\""
    void add(const char *code, int node, Anchor anchor, const MessageText &message,
             Severity severity = Severity::Error, const QString &path = {});
    std::pair<int, int> lineColumn(qsizetype offset);

    const QString m_json; // implicitly shared copy
    JsonTree m_tree;
    std::optional<LineIndex> m_lines;
    bool m_isArray = false;
    QList<NamedTool> m_namedTools;
    QSet<QString> m_parameterWords;
    QSet<QString> m_definedVariables;
    QList<Finding> m_findings;
};

bool isValidToolName(QStringView name);
// s in double quotes, as findings name keys and values.
QString quoted(QStringView s);

} // namespace retell::core::detail
