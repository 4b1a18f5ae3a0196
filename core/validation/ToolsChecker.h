#pragma once

#include "validation/Finding.h"

#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>

namespace retell::core::detail {

// Checks a Retell general_tools config. Findings first carry only a JSON
// path; their text positions are resolved in one locator pass by
// takeFindings(), so a clean config never pays for locating.
class ToolsChecker final
{
public:
    struct NamedTool
    {
        qsizetype index = 0;
        QString name;
    };

    explicit ToolsChecker(const QString &json);

    // True when the config parsed as a JSON array (even if tools have issues).
    bool isArray() const { return m_isArray; }
    const QList<NamedTool> &namedTools() const { return m_namedTools; }
    // Every property name declared in any tool's parameters (prompts talk
    // about them, so they are not taken for undefined tools).
    const QSet<QString> &parameterNames() const { return m_parameterNames; }

    void reportUnused(const NamedTool &tool);
    QList<Finding> takeFindings();

private:
    enum class Anchor { Value, Key, Start };
    struct Pending
    {
        Finding finding;
        Anchor anchor = Anchor::Value;
    };

    void checkTool(qsizetype index, const QJsonValue &value);
    void checkCustom(const QString &base, const QJsonObject &tool);
    void checkParameters(const QString &base, const QJsonValue &parameters);
    void collectParameterNames(const QJsonObject &schema, int depth);
    void add(const char *code, QString path, Anchor anchor, QString message,
             Severity severity = Severity::Error);

    const QString m_json; // implicitly shared copy
    bool m_isArray = false;
    QList<NamedTool> m_namedTools;
    QSet<QString> m_parameterNames;
    QList<Pending> m_pending;
    QList<Finding> m_located; // findings positioned without the locator
};

bool isValidToolName(QStringView name);
bool isKnownToolType(QStringView type);

} // namespace retell::core::detail
