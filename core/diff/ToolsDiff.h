#pragma once

#include "DiffTypes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonValue>

#include <optional>
#include <utility>

namespace retell::core {

class ToolsView;

// One JSON path that differs inside a tool. A missing side is Undefined.
struct PathChange
{
    QString path; // "parameters.properties.date.type", "parameters.required[1]"
    QJsonValue oldValue = QJsonValue(QJsonValue::Undefined);
    QJsonValue newValue = QJsonValue(QJsonValue::Undefined);
    friend bool operator==(const PathChange &, const PathChange &) = default;
};

struct ToolChange
{
    enum Kind
    {
        Added,
        Removed,
        Changed
    };
    Kind kind = Changed;
    QString name;
    QJsonValue oldTool = QJsonValue(QJsonValue::Undefined); // Removed, Changed
    QJsonValue newTool = QJsonValue(QJsonValue::Undefined); // Added, Changed
    QList<PathChange> paths;                                // Changed only
};

struct ToolsDiffError
{
    Side side = Side::Left;
    QString message; // "Right tools: not a JSON array"
    int offset = -1; // byte offset of a parse error, -1 if not applicable
};

// Tools config diff keyed by tool "name": order is not a change. Tools are
// reported in name order. Duplicate names get a "#2" suffix; tools without a
// name are keyed by position ("#3").
struct ToolsDiff
{
    QList<ToolChange> changes;
    std::optional<ToolsDiffError> error; // malformed input: changes are empty

    bool ok() const { return !error.has_value(); }
    bool identical() const { return ok() && changes.isEmpty(); }
    int count(ToolChange::Kind kind) const;
};

// An empty or blank text counts as "[]".
ToolsDiff computeToolsDiff(const QByteArray &leftJson, const QByteArray &rightJson);
ToolsDiff computeToolsDiff(const QString &leftJson, const QString &rightJson);

// The tools of an array keyed as computeToolsDiff keys them, in array
// order: by "name", "name#2" for a repeated name, "#3" (position) for a
// tool without one.
QList<std::pair<QString, QJsonValue>> keyedTools(const ToolsView &tools);
QList<std::pair<QString, QJsonValue>> keyedTools(const QJsonArray &tools);

// The paths where two JSON values differ, under `path` (objects by key,
// arrays by index), as computeToolsDiff reports them inside a tool.
QList<PathChange> pathChanges(const QJsonValue &oldValue, const QJsonValue &newValue,
                              const QString &path = QString());

// `parent` extended by an object key: "a.b", or "a[\"odd key\"]".
QString jsonChildPath(const QString &parent, const QString &key);

// Compact JSON text of a value for display ("\"string\"", "42", "{...}");
// "(absent)" for Undefined.
QString jsonValueText(const QJsonValue &value);

} // namespace retell::core
