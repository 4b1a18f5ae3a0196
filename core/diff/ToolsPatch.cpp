#include "ToolsPatch.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace retell::core {

namespace {

// Text spans of the elements of a JSON array text that QJsonDocument
// accepted: [start, end) of each element, and where the array's brackets are.
struct ArraySpans
{
    qsizetype open = -1;
    qsizetype close = -1;
    QList<std::pair<qsizetype, qsizetype>> elements;
};

ArraySpans arraySpans(QStringView text)
{
    ArraySpans spans;
    const auto skipBlank = [&](qsizetype i) {
        while (i < text.size() && text.at(i).isSpace())
            ++i;
        return i;
    };
    qsizetype i = skipBlank(0);
    if (i >= text.size() || text.at(i) != u'[')
        return spans;
    spans.open = i++;
    while (true) {
        i = skipBlank(i);
        if (i >= text.size())
            return {};
        if (text.at(i) == u']') {
            spans.close = i;
            return spans;
        }
        if (text.at(i) == u',') {
            ++i;
            continue;
        }
        const qsizetype start = i;
        int depth = 0;
        bool inString = false;
        for (; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (inString) {
                if (c == u'\\')
                    ++i;
                else if (c == u'"')
                    inString = false;
                continue;
            }
            if (c == u'"')
                inString = true;
            else if (c == u'{' || c == u'[')
                ++depth;
            else if (c == u'}' || c == u']') {
                if (depth == 0)
                    break; // the array's own closing bracket
                --depth;
            } else if (c == u',' && depth == 0)
                break;
        }
        qsizetype end = i;
        while (end > start && text.at(end - 1).isSpace())
            --end;
        spans.elements.append({start, end});
    }
}

// The whitespace between the start of the line holding `offset` and it.
QString indentAt(QStringView text, qsizetype offset)
{
    qsizetype lineStart = offset;
    while (lineStart > 0 && text.at(lineStart - 1) != u'\n')
        --lineStart;
    QString indent = text.mid(lineStart, offset - lineStart).toString();
    return std::all_of(indent.cbegin(), indent.cend(), [](QChar c) { return c.isSpace(); })
               ? indent
               : QString();
}

// `value` as indented JSON whose lines after the first start with `indent`.
QString indentedJson(const QJsonValue &value, const QString &indent)
{
    // QJsonDocument writes arrays and objects only: wrap the value in an
    // array and take its one element back out, one level less indented.
    const QString wrapped = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson());
    QStringList lines = wrapped.split(u'\n');
    lines = lines.mid(1, lines.size() - 3); // "[" ... "]" ""
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i).mid(4);
        lines[i] = i == 0 ? line : indent + line;
    }
    return lines.join(u'\n');
}

bool isUnder(const QString &path, const QString &prefix)
{
    if (path.size() == prefix.size())
        return path == prefix;
    return path.startsWith(prefix) &&
           (path.at(prefix.size()) == u'.' || path.at(prefix.size()) == u'[');
}

} // namespace

QJsonValue withPathFrom(const QJsonValue &edit, const QJsonValue &source, const QString &path)
{
    // Walks both values along the names pathChanges gives their members, so
    // a path is never parsed back: the member whose name leads to `path`.
    const auto walk = [&](const auto &self, const QJsonValue &e, const QJsonValue &s,
                          const QString &here) -> QJsonValue {
        if (here == path)
            return s;
        if (e.isObject()) {
            QJsonObject object = e.toObject();
            const QJsonObject from = s.toObject();
            QStringList keys = object.keys() + from.keys();
            for (const QString &key : std::as_const(keys)) {
                const QString child = jsonChildPath(here, key);
                if (!isUnder(path, child))
                    continue;
                const QJsonValue value = self(self, object.value(key), from.value(key), child);
                if (value.isUndefined())
                    object.remove(key);
                else
                    object.insert(key, value);
                return object;
            }
            return e;
        }
        if (e.isArray()) {
            QJsonArray array = e.toArray();
            const QJsonArray from = s.toArray();
            for (qsizetype i = 0; i < std::max(array.size(), from.size()); ++i) {
                const QString child = QStringLiteral("%1[%2]").arg(here).arg(i);
                if (!isUnder(path, child))
                    continue;
                const QJsonValue mine = i < array.size() ? array.at(i) : QJsonValue::Undefined;
                const QJsonValue theirs = i < from.size() ? from.at(i) : QJsonValue::Undefined;
                const QJsonValue value = self(self, mine, theirs, child);
                if (value.isUndefined()) {
                    if (i < array.size())
                        array.removeAt(i);
                } else if (i < array.size()) {
                    array.replace(i, value);
                } else {
                    array.append(value);
                }
                return array;
            }
            return e;
        }
        return e;
    };
    return walk(walk, edit, source, QString());
}

std::optional<QString> copyToolChange(const QString &editJson, const ToolChange &change,
                                      Side editSide, const QString &path)
{
    const bool blank = editJson.trimmed().isEmpty();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(editJson.toUtf8(), &error);
    if (!blank && (error.error != QJsonParseError::NoError || !doc.isArray()))
        return std::nullopt;
    const QJsonArray tools = doc.array();
    const QJsonValue mine = editSide == Side::Right ? change.newTool : change.oldTool;
    const QJsonValue theirs = editSide == Side::Right ? change.oldTool : change.newTool;

    const auto keyed = keyedTools(tools);
    const auto found = std::find_if(keyed.cbegin(), keyed.cend(),
                                    [&](const auto &entry) { return entry.first == change.name; });
    const qsizetype index = found == keyed.cend() ? -1 : found - keyed.cbegin();
    if (mine.isUndefined() ? index >= 0 : index < 0 || tools.at(index) != mine)
        return std::nullopt; // the diff is not of this text
    const QJsonValue result = path.isEmpty() || mine.isUndefined() || theirs.isUndefined()
                                  ? theirs
                                  : withPathFrom(mine, theirs, path);

    const ArraySpans spans = arraySpans(editJson);
    if (blank || spans.elements.isEmpty()) {
        if (result.isUndefined())
            return editJson;
        return QString::fromUtf8(QJsonDocument(QJsonArray{result}).toJson());
    }
    QString text = editJson;
    if (index < 0) {
        // A named tool comes back after the last one (order is not a
        // change); one keyed by its position ("#3") goes to that position.
        bool positional = false;
        const qsizetype at =
            change.name.startsWith(u'#') ? change.name.mid(1).toLongLong(&positional) - 1 : -1;
        if (positional && at >= 0 && at < spans.elements.size()) {
            const qsizetype start = spans.elements.at(at).first;
            const QString indent = indentAt(editJson, start);
            text.insert(start, indentedJson(result, indent) + QStringLiteral(",\n") + indent);
            return text;
        }
        const auto [start, end] = spans.elements.constLast();
        const QString indent = indentAt(editJson, start);
        text.insert(end, QStringLiteral(",\n") + indent + indentedJson(result, indent));
        return text;
    }
    const auto [start, end] = spans.elements.at(index);
    if (result.isUndefined()) {
        if (spans.elements.size() == 1)
            return text.replace(spans.open, spans.close - spans.open + 1, QStringLiteral("[]"));
        if (index > 0) // from the end of the previous tool: its comma goes
            return text.remove(spans.elements.at(index - 1).second,
                               end - spans.elements.at(index - 1).second);
        return text.remove(start, spans.elements.at(1).first - start);
    }
    return text.replace(start, end - start, indentedJson(result, indentAt(editJson, start)));
}

} // namespace retell::core
