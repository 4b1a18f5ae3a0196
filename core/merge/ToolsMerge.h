#pragma once

#include "merge/MergeTypes.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace retell::core {

// One change taken into the merged tools.
struct ToolMergeChange
{
    enum Kind
    {
        Added,
        Removed,
        Changed
    };
    enum Origin
    {
        Ours,     // made on our side only
        Theirs,   // made on their side only
        Both,     // made identically on both sides, taken once
        Combined, // a list of names both sides edited: their additions and removals combined
    };
    Kind kind = Changed;
    Origin origin = Ours;
    QString tool;
    QString path; // JSON path inside the tool ("parameters.required"); empty: the whole tool
    QJsonValue oldValue = QJsonValue(QJsonValue::Undefined);
    QJsonValue newValue = QJsonValue(QJsonValue::Undefined);
    friend bool operator==(const ToolMergeChange &, const ToolMergeChange &) = default;
};

// The same tool or field changed differently on both sides, or changed on
// one side and removed on the other.
struct ToolConflict
{
    QString tool;
    QString path;     // JSON path inside the tool; empty: the whole tool
    QStringList keys; // the object keys leading to it (the path, unquoted)
    PerInput<QJsonValue> values{{QJsonValue(QJsonValue::Undefined),
                                 QJsonValue(QJsonValue::Undefined),
                                 QJsonValue(QJsonValue::Undefined)}}; // Undefined: absent
    friend bool operator==(const ToolConflict &, const ToolConflict &) = default;
};

struct ToolsMergeError
{
    enum Kind
    {
        NotJson,
        NotArray
    };
    Kind kind = NotJson;
    MergeInput input = MergeInput::Base;
    QString detail;  // the JSON parser's message (NotJson)
    int offset = -1; // byte offset of the parse error (NotJson)
    friend bool operator==(const ToolsMergeError &, const ToolsMergeError &) = default;
};

// Three-way merge of tools configurations, keyed by tool name and then by
// JSON path inside a tool (as computeToolsDiff compares them). A tool or
// field added, removed or changed on one side takes that side; the same
// change on both sides is taken once; reordering tools is not a change.
// Lists of plain values (e.g. "required") combine both sides' additions and
// removals; other lists are single values. Conflicts keep our value in
// `tools` until a choice resolves them.
struct ToolsMerge
{
    QList<ToolMergeChange> changes;
    QList<ToolConflict> conflicts;
    std::optional<ToolsMergeError> error;
    // The merged tools before choices: keys in output order (ours, with
    // tools only theirs has placed after their predecessor in theirs) and
    // values (Undefined: not in the result).
    QStringList order;
    QHash<QString, QJsonValue> tools;

    bool ok() const { return !error.has_value(); }
    bool clean() const { return ok() && conflicts.isEmpty(); }
};

// An empty or blank text counts as "[]".
ToolsMerge mergeTools(const QByteArray &base, const QByteArray &ours, const QByteArray &theirs);

// The merged tools with conflict i resolved by choices[i] (Ours, Theirs or
// Base; any other choice keeps ours).
QJsonArray mergedToolsArray(const ToolsMerge &merge, const QList<ConflictChoice> &choices = {});
// The same as indented JSON, the canonical form of the app's exports.
QByteArray mergedToolsJson(const ToolsMerge &merge, const QList<ConflictChoice> &choices = {});

} // namespace retell::core
