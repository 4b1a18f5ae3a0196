#include "ToolsDiff.h"

#include "domain/ToolsView.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <variant>

namespace retell::core {

namespace {

using ToolMap = QMap<QString, QJsonValue>;

QString sideName(Side side)
{
    return side == Side::Left ? QStringLiteral("Left") : QStringLiteral("Right");
}

std::variant<ToolMap, ToolsDiffError> parseTools(const QByteArray &json, Side side)
{
    const ToolsView view = ToolsView::parse(json);
    if (view.problem() == ToolsView::Problem::NotJson) {
        return ToolsDiffError{side,
                              QStringLiteral("%1 tools: %2 at byte %3")
                                  .arg(sideName(side), view.errorString())
                                  .arg(view.errorOffset()),
                              int(view.errorOffset())};
    }
    if (view.problem() == ToolsView::Problem::NotArray) {
        return ToolsDiffError{side,
                              QStringLiteral("%1 tools: not a JSON array").arg(sideName(side)), -1};
    }
    ToolMap tools;
    for (const auto &[key, tool] : keyedTools(view))
        tools.insert(key, tool);
    return tools;
}

void comparePaths(const QString &path, const QJsonValue &oldValue, const QJsonValue &newValue,
                  QList<PathChange> &out)
{
    if (oldValue == newValue)
        return;
    if (oldValue.isObject() && newValue.isObject()) {
        const QJsonObject a = oldValue.toObject();
        const QJsonObject b = newValue.toObject();
        QStringList keys = a.keys() + b.keys();
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const QString &key : std::as_const(keys)) {
            comparePaths(jsonChildPath(path, key), a.value(key), b.value(key), out);
        }
        return;
    }
    if (oldValue.isArray() && newValue.isArray()) {
        const QJsonArray a = oldValue.toArray();
        const QJsonArray b = newValue.toArray();
        for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
            const QJsonValue av = i < a.size() ? a.at(i) : QJsonValue(QJsonValue::Undefined);
            const QJsonValue bv = i < b.size() ? b.at(i) : QJsonValue(QJsonValue::Undefined);
            comparePaths(QStringLiteral("%1[%2]").arg(path).arg(i), av, bv, out);
        }
        return;
    }
    out.append({path, oldValue, newValue});
}

} // namespace

QList<std::pair<QString, QJsonValue>> keyedTools(const ToolsView &tools)
{
    QList<std::pair<QString, QJsonValue>> keyed;
    QSet<QString> used;
    for (const ToolView &tool : tools.tools()) {
        const QString name =
            tool.name.isEmpty() ? QStringLiteral("#%1").arg(tool.index + 1) : tool.name;
        QString key = name;
        for (int n = 2; used.contains(key); ++n)
            key = QStringLiteral("%1#%2").arg(name).arg(n);
        used.insert(key);
        keyed.append({key, tool.json});
    }
    return keyed;
}

QList<std::pair<QString, QJsonValue>> keyedTools(const QJsonArray &tools)
{
    return keyedTools(ToolsView::fromArray(tools));
}

QList<PathChange> pathChanges(const QJsonValue &oldValue, const QJsonValue &newValue,
                              const QString &path)
{
    QList<PathChange> changes;
    comparePaths(path, oldValue, newValue, changes);
    return changes;
}

QString jsonChildPath(const QString &parent, const QString &key)
{
    const bool plain = !key.isEmpty() && std::all_of(key.cbegin(), key.cend(), [](QChar c) {
        return c.isLetterOrNumber() || c == u'_' || c == u'-';
    });
    if (plain)
        return parent.isEmpty() ? key : parent + u'.' + key;
    const QString quoted = QString::fromUtf8(
        QJsonDocument(QJsonArray{key}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    return parent + u'[' + quoted + u']';
}

int ToolsDiff::count(ToolChange::Kind kind) const
{
    return int(std::count_if(changes.cbegin(), changes.cend(),
                             [kind](const ToolChange &c) { return c.kind == kind; }));
}

ToolsDiff computeToolsDiff(const QString &leftJson, const QString &rightJson)
{
    return computeToolsDiff(leftJson.toUtf8(), rightJson.toUtf8());
}

ToolsDiff computeToolsDiff(const QByteArray &leftJson, const QByteArray &rightJson)
{
    ToolsDiff diff;
    PerSide<ToolMap> tools;
    const PerSide<const QByteArray *> json{{&leftJson, &rightJson}};
    for (const Side side : bothSides) {
        auto parsed = parseTools(*json[side], side);
        if (auto *error = std::get_if<ToolsDiffError>(&parsed)) {
            diff.error = *error;
            return diff;
        }
        tools[side] = std::get<ToolMap>(std::move(parsed));
    }

    QStringList names = tools[Side::Left].keys() + tools[Side::Right].keys();
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const QString &name : std::as_const(names)) {
        const auto oldTool = tools[Side::Left].value(name, QJsonValue(QJsonValue::Undefined));
        const auto newTool = tools[Side::Right].value(name, QJsonValue(QJsonValue::Undefined));
        ToolChange change;
        change.name = name;
        change.oldTool = oldTool;
        change.newTool = newTool;
        if (oldTool.isUndefined()) {
            change.kind = ToolChange::Added;
        } else if (newTool.isUndefined()) {
            change.kind = ToolChange::Removed;
        } else {
            change.paths = pathChanges(oldTool, newTool);
            if (change.paths.isEmpty())
                continue;
            change.kind = ToolChange::Changed;
        }
        diff.changes.append(std::move(change));
    }
    return diff;
}

QString jsonValueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return QStringLiteral("(absent)");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Double:
    case QJsonValue::String:
        break;
    }
    // Scalars: wrap in an array to reuse Qt's JSON number/string formatting.
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace retell::core
