#include "merge/ToolsMerge.h"

#include "diff/ToolsDiff.h"
#include "domain/ToolsView.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <variant>

namespace retell::core {

namespace {

using KeyedTools = QList<std::pair<QString, QJsonValue>>;

std::variant<KeyedTools, ToolsMergeError> parse(const QByteArray &json, MergeInput input)
{
    const ToolsView view = ToolsView::parse(json);
    if (view.problem() == ToolsView::Problem::NotJson)
        return ToolsMergeError{ToolsMergeError::NotJson, input, view.errorString(),
                               int(view.errorOffset())};
    if (view.problem() == ToolsView::Problem::NotArray)
        return ToolsMergeError{ToolsMergeError::NotArray, input, QString(), -1};
    return keyedTools(view);
}

bool isPlainList(const QJsonValue &value)
{
    if (!value.isArray())
        return false;
    const QJsonArray array = value.toArray();
    QSet<QString> seen;
    for (const QJsonValue &item : array) {
        if (item.isArray() || item.isObject())
            return false;
        const QString key = jsonValueText(item);
        if (seen.contains(key))
            return false;
        seen.insert(key);
    }
    return true;
}

// Ours, without what theirs removed, plus what theirs added (in their order).
QJsonArray combineLists(const QJsonArray &base, const QJsonArray &ours, const QJsonArray &theirs)
{
    QJsonArray out;
    for (const QJsonValue &item : ours) {
        if (!base.contains(item) || theirs.contains(item))
            out.append(item);
    }
    for (const QJsonValue &item : theirs) {
        if (!base.contains(item) && !out.contains(item))
            out.append(item);
    }
    return out;
}

class Merger final
{
public:
    explicit Merger(ToolsMerge &out) : m_out(out) {}

    QJsonValue merge(const QString &tool, const QStringList &keys, const QString &path,
                     const QJsonValue &base, const QJsonValue &ours, const QJsonValue &theirs)
    {
        if (ours == theirs) {
            if (ours != base)
                record(tool, path, base, ours, ToolMergeChange::Both);
            return ours;
        }
        if (ours == base) {
            record(tool, path, base, theirs, ToolMergeChange::Theirs);
            return theirs;
        }
        if (theirs == base) {
            record(tool, path, base, ours, ToolMergeChange::Ours);
            return ours;
        }
        if (base.isObject() && ours.isObject() && theirs.isObject())
            return mergeObjects(tool, keys, path, base.toObject(), ours.toObject(),
                                theirs.toObject());
        if (isPlainList(base) && isPlainList(ours) && isPlainList(theirs)) {
            const QJsonArray combined =
                combineLists(base.toArray(), ours.toArray(), theirs.toArray());
            m_out.changes.append(
                {ToolMergeChange::Changed, ToolMergeChange::Combined, tool, path, base, combined});
            return combined;
        }
        ToolConflict conflict;
        conflict.tool = tool;
        conflict.path = path;
        conflict.keys = keys;
        conflict.values = {{base, ours, theirs}};
        m_out.conflicts.append(std::move(conflict));
        return ours;
    }

private:
    QJsonValue mergeObjects(const QString &tool, const QStringList &keys, const QString &path,
                            const QJsonObject &base, const QJsonObject &ours,
                            const QJsonObject &theirs)
    {
        QStringList names = base.keys() + ours.keys() + theirs.keys();
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        QJsonObject merged;
        for (const QString &name : std::as_const(names)) {
            const QJsonValue value =
                merge(tool, keys + QStringList{name}, jsonChildPath(path, name), base.value(name),
                      ours.value(name), theirs.value(name));
            if (!value.isUndefined())
                merged.insert(name, value);
        }
        return merged;
    }

    void record(const QString &tool, const QString &path, const QJsonValue &before,
                const QJsonValue &after, ToolMergeChange::Origin origin)
    {
        if (before.isUndefined() || after.isUndefined()) {
            m_out.changes.append(
                {before.isUndefined() ? ToolMergeChange::Added : ToolMergeChange::Removed, origin,
                 tool, path, before, after});
            return;
        }
        for (const PathChange &change : pathChanges(before, after, path)) {
            const ToolMergeChange::Kind kind =
                change.oldValue.isUndefined()   ? ToolMergeChange::Added
                : change.newValue.isUndefined() ? ToolMergeChange::Removed
                                                : ToolMergeChange::Changed;
            m_out.changes.append(
                {kind, origin, tool, change.path, change.oldValue, change.newValue});
        }
    }

    ToolsMerge &m_out;
};

// Our order, with each tool only theirs lists placed after the tool that
// precedes it in theirs (or first).
QStringList mergedOrder(const KeyedTools &ours, const KeyedTools &theirs)
{
    QStringList order;
    QSet<QString> placed;
    for (const auto &[key, tool] : ours) {
        order.append(key);
        placed.insert(key);
    }
    QString previous;
    for (const auto &[key, tool] : theirs) {
        if (!placed.contains(key)) {
            const qsizetype at = previous.isEmpty() ? 0 : order.indexOf(previous) + 1;
            order.insert(at, key);
            placed.insert(key);
        }
        previous = key;
    }
    return order;
}

QJsonValue replaced(const QJsonValue &root, const QStringList &keys, qsizetype depth,
                    const QJsonValue &value)
{
    if (depth == keys.size())
        return value;
    QJsonObject object = root.toObject();
    const QJsonValue child = replaced(object.value(keys[depth]), keys, depth + 1, value);
    if (child.isUndefined())
        object.remove(keys[depth]);
    else
        object.insert(keys[depth], child);
    return object;
}

} // namespace

ToolsMerge mergeTools(const QByteArray &base, const QByteArray &ours, const QByteArray &theirs)
{
    ToolsMerge merge;
    const PerInput<const QByteArray *> json{{&base, &ours, &theirs}};
    PerInput<KeyedTools> keyed;
    PerInput<QHash<QString, QJsonValue>> byKey;
    for (const MergeInput input : allInputs) {
        auto parsed = parse(*json[input], input);
        if (auto *error = std::get_if<ToolsMergeError>(&parsed)) {
            merge.error = *error;
            return merge;
        }
        keyed[input] = std::get<KeyedTools>(std::move(parsed));
        for (const auto &[key, tool] : std::as_const(keyed[input]))
            byKey[input].insert(key, tool);
    }

    merge.order = mergedOrder(keyed[MergeInput::Ours], keyed[MergeInput::Theirs]);
    QStringList names = merge.order;
    for (const auto &[key, tool] : std::as_const(keyed[MergeInput::Base])) {
        if (!names.contains(key))
            names.append(key);
    }
    std::sort(names.begin(), names.end());
    Merger merger(merge);
    for (const QString &name : std::as_const(names)) {
        const auto value = [&](MergeInput input) {
            return byKey[input].value(name, QJsonValue(QJsonValue::Undefined));
        };
        // A tool added differently on both sides, or changed on one side and
        // removed on the other, is not an object on all three: a conflict
        // of the whole tool.
        const QJsonValue merged = merger.merge(name, {}, QString(), value(MergeInput::Base),
                                               value(MergeInput::Ours), value(MergeInput::Theirs));
        merge.tools.insert(name, merged);
    }
    return merge;
}

QJsonArray mergedToolsArray(const ToolsMerge &merge, const QList<ConflictChoice> &choices)
{
    QHash<QString, QJsonValue> tools = merge.tools;
    for (qsizetype i = 0; i < merge.conflicts.size() && i < choices.size(); ++i) {
        const ConflictChoice choice = choices[i];
        if (choice != ConflictChoice::Theirs && choice != ConflictChoice::Base)
            continue;
        const ToolConflict &conflict = merge.conflicts[i];
        const QJsonValue value =
            conflict
                .values[choice == ConflictChoice::Theirs ? MergeInput::Theirs : MergeInput::Base];
        tools.insert(conflict.tool, replaced(tools.value(conflict.tool), conflict.keys, 0, value));
    }
    QJsonArray array;
    for (const QString &key : merge.order) {
        const QJsonValue tool = tools.value(key, QJsonValue(QJsonValue::Undefined));
        if (!tool.isUndefined())
            array.append(tool);
    }
    return array;
}

QByteArray mergedToolsJson(const ToolsMerge &merge, const QList<ConflictChoice> &choices)
{
    return QJsonDocument(mergedToolsArray(merge, choices)).toJson(QJsonDocument::Indented);
}

} // namespace retell::core
