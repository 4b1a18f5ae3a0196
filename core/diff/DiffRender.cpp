#include "DiffRender.h"

#include "LineDiff.h"

#include <QJsonArray>

namespace retell::core {

namespace {

const QString kReset = QStringLiteral("\x1b[0m");
const QString kBold = QStringLiteral("\x1b[1m");
const QString kRed = QStringLiteral("\x1b[31m");
const QString kGreen = QStringLiteral("\x1b[32m");
const QString kCyan = QStringLiteral("\x1b[36m");
const QString kYellow = QStringLiteral("\x1b[33m");
const QString kReverse = QStringLiteral("\x1b[7m");
const QString kNoReverse = QStringLiteral("\x1b[27m");

QString hunkRange(int start, int count)
{
    if (count == 1)
        return QString::number(start + 1);
    return QStringLiteral("%1,%2").arg(count == 0 ? start : start + 1).arg(count);
}

// The line with its changed ranges in reverse video.
QString highlighted(const QString &text, const QList<TextRange> &ranges)
{
    if (ranges.isEmpty())
        return text;
    QString out;
    int at = 0;
    for (const TextRange &range : ranges) {
        out += QStringView(text).mid(at, range.start - at);
        out += kReverse;
        out += QStringView(text).mid(range.start, range.length);
        out += kNoReverse;
        at = range.end();
    }
    out += QStringView(text).mid(at);
    return out;
}

QString expandTabs(QStringView text)
{
    if (!text.contains(u'\t'))
        return text.toString();
    QString out;
    for (const QChar c : text) {
        if (c == u'\t')
            out += QString(8 - out.size() % 8, u' ');
        else
            out += c;
    }
    return out;
}

QString cell(QStringView text, int width)
{
    QString expanded = expandTabs(text);
    if (expanded.size() > width)
        return expanded.left(std::max(0, width - 1)) + QChar(0x2026);
    return expanded.leftJustified(width, u' ');
}

QString sideName(Side side)
{
    return side == Side::Left ? QStringLiteral("left") : QStringLiteral("right");
}

// Walks a hunk's rows in unified order: a context line for each equal row,
// then, per change block, all removed lines before all added ones.
// visit(op, side, row) gets op ' ' (context, side Left), '-' or '+'.
template <typename Visit>
void forEachUnifiedLine(const LineDiff &diff, const Hunk &hunk, Visit visit)
{
    int row = hunk.firstRow;
    while (row < hunk.endRow) {
        if (diff.rows.at(row).kind == RowKind::Equal) {
            visit(u' ', Side::Left, diff.rows.at(row));
            ++row;
            continue;
        }
        int end = row;
        while (end < hunk.endRow && diff.rows.at(end).kind != RowKind::Equal)
            ++end;
        for (const Side side : bothSides) {
            for (int r = row; r < end; ++r) {
                const DiffRow &d = diff.rows.at(r);
                if (d.hasLine(side))
                    visit(side == Side::Left ? u'-' : u'+', side, d);
            }
        }
        row = end;
    }
}

} // namespace

QString renderUnified(const LineDiff &diff, const QString &labelA, const QString &labelB,
                      bool colour, int context)
{
    if (diff.identical)
        return {};
    const QList<Hunk> hunks =
        context == diff.options.context ? diff.hunks : makeHunks(diff, context);
    const auto paint = [colour](const QString &code, const QString &text) {
        return colour ? code + text + kReset : text;
    };
    const PerSide<int> lineCount{{diff.lineCount(Side::Left), diff.lineCount(Side::Right)}};
    const QString noNewline = QStringLiteral("\\ No newline at end of file\n");
    const auto endNote = [&](Side side, int line) {
        return diff.missingFinalNewline[side] && line == lineCount[side] - 1 ? noNewline
                                                                             : QString();
    };

    QString out;
    out += paint(kBold, QStringLiteral("--- ") + labelA) + u'\n';
    out += paint(kBold, QStringLiteral("+++ ") + labelB) + u'\n';
    for (const Hunk &hunk : hunks) {
        out += paint(kCyan, QStringLiteral("@@ -%1 +%2 @@")
                                .arg(hunkRange(hunk.leftStart, hunk.leftCount),
                                     hunkRange(hunk.rightStart, hunk.rightCount))) +
               u'\n';
        forEachUnifiedLine(diff, hunk, [&](QChar op, Side side, const DiffRow &d) {
            const int line = d.line[side];
            const QString text = diff.lines[side].line(line);
            if (op == u' ') {
                out += u' ' + text + u'\n' + endNote(side, line);
                return;
            }
            const QString body = colour ? highlighted(text, d.changedRanges[side]) : text;
            out +=
                paint(side == Side::Left ? kRed : kGreen, op + body) + u'\n' + endNote(side, line);
        });
    }
    return out;
}

QString renderSideBySide(const LineDiff &diff, int width, bool colour)
{
    const int column = std::max(4, (width - 3) / 2);
    QString out;
    for (const DiffRow &row : diff.rows) {
        QChar gutter = u' ';
        PerSide<QString> code;
        switch (row.kind) {
        case RowKind::Equal:
            break;
        case RowKind::Changed:
            gutter = u'|';
            code = {{kYellow, kYellow}};
            break;
        case RowKind::Removed:
            gutter = u'<';
            code[Side::Left] = kRed;
            break;
        case RowKind::Added:
            gutter = u'>';
            code[Side::Right] = kGreen;
            break;
        }
        PerSide<QString> text;
        for (const Side side : bothSides) {
            text[side] = cell(diff.text(row, side), column);
            if (colour && !code[side].isEmpty())
                text[side] = code[side] + text[side] + kReset;
        }
        QString line = text[Side::Left] + u' ' + gutter + u' ' + text[Side::Right];
        while (line.endsWith(u' '))
            line.chop(1);
        out += line + u'\n';
    }
    return out;
}

QString renderToolsText(const ToolsDiff &diff, bool colour)
{
    const auto paint = [colour](const QString &code, const QString &text) {
        return colour ? code + text + kReset : text;
    };
    if (!diff.ok())
        return paint(kRed, QStringLiteral("tools: ") + diff.error->message) + u'\n';
    if (diff.identical())
        return QStringLiteral("tools: identical\n");
    QString out = QStringLiteral("tools: %1 added, %2 removed, %3 changed\n")
                      .arg(diff.count(ToolChange::Added))
                      .arg(diff.count(ToolChange::Removed))
                      .arg(diff.count(ToolChange::Changed));
    for (const ToolChange &change : diff.changes) {
        switch (change.kind) {
        case ToolChange::Added:
            out += paint(kGreen, QStringLiteral("+ ") + change.name) + u'\n';
            break;
        case ToolChange::Removed:
            out += paint(kRed, QStringLiteral("- ") + change.name) + u'\n';
            break;
        case ToolChange::Changed:
            out += paint(kYellow, QStringLiteral("~ ") + change.name) + u'\n';
            for (const PathChange &path : change.paths) {
                out += QStringLiteral("    %1: %2 -> %3\n")
                           .arg(path.path, paint(kRed, jsonValueText(path.oldValue)),
                                paint(kGreen, jsonValueText(path.newValue)));
            }
            break;
        }
    }
    return out;
}

QJsonObject lineDiffToJson(const LineDiff &diff, int context)
{
    const QList<Hunk> hunks =
        context == diff.options.context ? diff.hunks : makeHunks(diff, context);
    QJsonArray hunksJson;
    for (const Hunk &hunk : hunks) {
        QJsonArray lines;
        forEachUnifiedLine(diff, hunk, [&](QChar op, Side side, const DiffRow &d) {
            QJsonObject line{{QStringLiteral("op"), QString(op)},
                             {QStringLiteral("text"), diff.text(d, side)}};
            if (op != u'+')
                line.insert(QStringLiteral("oldLine"), d.line[Side::Left] + 1);
            if (op != u'-')
                line.insert(QStringLiteral("newLine"), d.line[Side::Right] + 1);
            lines.append(line);
        });
        hunksJson.append(QJsonObject{
            {QStringLiteral("oldStart"), hunk.leftCount ? hunk.leftStart + 1 : hunk.leftStart},
            {QStringLiteral("oldLines"), hunk.leftCount},
            {QStringLiteral("newStart"), hunk.rightCount ? hunk.rightStart + 1 : hunk.rightStart},
            {QStringLiteral("newLines"), hunk.rightCount},
            {QStringLiteral("lines"), lines}});
    }
    return QJsonObject{
        {QStringLiteral("identical"), diff.identical},
        {QStringLiteral("added"), diff.added},
        {QStringLiteral("removed"), diff.removed},
        {QStringLiteral("changed"), diff.changed},
        {QStringLiteral("approximate"), diff.approximate},
        {QStringLiteral("missingNewline"),
         QJsonObject{{QStringLiteral("old"), diff.missingFinalNewline[Side::Left]},
                     {QStringLiteral("new"), diff.missingFinalNewline[Side::Right]}}},
        {QStringLiteral("hunks"), hunksJson}};
}

QJsonObject toolsDiffToJson(const ToolsDiff &diff)
{
    if (!diff.ok()) {
        return QJsonObject{{QStringLiteral("error"), diff.error->message},
                           {QStringLiteral("side"), sideName(diff.error->side)}};
    }
    QJsonArray added, removed, changed;
    for (const ToolChange &change : diff.changes) {
        switch (change.kind) {
        case ToolChange::Added:
            added.append(change.name);
            break;
        case ToolChange::Removed:
            removed.append(change.name);
            break;
        case ToolChange::Changed: {
            QJsonArray paths;
            for (const PathChange &path : change.paths) {
                QJsonObject entry{{QStringLiteral("path"), path.path}};
                if (!path.oldValue.isUndefined())
                    entry.insert(QStringLiteral("old"), path.oldValue);
                if (!path.newValue.isUndefined())
                    entry.insert(QStringLiteral("new"), path.newValue);
                paths.append(entry);
            }
            changed.append(QJsonObject{{QStringLiteral("name"), change.name},
                                       {QStringLiteral("paths"), paths}});
            break;
        }
        }
    }
    return QJsonObject{{QStringLiteral("identical"), diff.identical()},
                       {QStringLiteral("added"), added},
                       {QStringLiteral("removed"), removed},
                       {QStringLiteral("changed"), changed}};
}

QJsonDocument renderJson(const LineDiff &prompt, const ToolsDiff &tools, const QString &labelA,
                         const QString &labelB, int context)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("a"), labelA},
                                     {QStringLiteral("b"), labelB},
                                     {QStringLiteral("prompt"), lineDiffToJson(prompt, context)},
                                     {QStringLiteral("tools"), toolsDiffToJson(tools)}});
}

} // namespace retell::core
