#pragma once

// Applies a diff's edit script to the input bytes, independently of the
// engine's own line tables: shared by tst_myers_diff and the diff fuzz
// target (fuzz/fuzz_diff.cpp), so it needs Qt Core only.
#include "diff/DiffTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace retell::test {

inline QList<QByteArray> splitKeepingNewlines(const QByteArray &text)
{
    QList<QByteArray> lines;
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype lf = text.indexOf('\n', at);
        const qsizetype next = lf < 0 ? text.size() : lf + 1;
        lines.append(text.mid(at, next - at));
        at = next;
    }
    return lines;
}

// Applies the script to the left lines, taking inserted lines from the
// right. Sets *problem when an op does not continue where the last ended,
// leaves the inputs, or the script does not cover both; with keptLinesEqual
// also when a kept line differs between the sides (not so when the diff
// ignored whitespace or case).
inline QByteArray applyScript(const core::LineDiff &diff, const QByteArray &left,
                              const QByteArray &right, QString *problem, bool keptLinesEqual = true)
{
    const QList<QByteArray> a = splitKeepingNewlines(left);
    const QList<QByteArray> b = splitKeepingNewlines(right);
    QByteArray out;
    int leftAt = 0;
    int rightAt = 0;
    for (const core::EditOp &op : diff.script) {
        if (op.leftStart != leftAt || op.rightStart != rightAt || op.count <= 0) {
            *problem = QStringLiteral("op does not continue where the last ended");
            return {};
        }
        const bool left = op.kind != core::EditOp::Insert;
        const bool right = op.kind != core::EditOp::Delete;
        if ((left && leftAt + op.count > a.size()) || (right && rightAt + op.count > b.size())) {
            *problem = QStringLiteral("op runs past the end of an input");
            return {};
        }
        for (int i = 0; i < op.count; ++i) {
            if (op.kind == core::EditOp::Keep && keptLinesEqual &&
                a.at(leftAt + i) != b.at(rightAt + i))
                *problem = QStringLiteral("kept line %1 differs").arg(leftAt + i);
            if (op.kind == core::EditOp::Keep)
                out += a.at(leftAt + i);
            else if (op.kind == core::EditOp::Insert)
                out += b.at(rightAt + i);
        }
        leftAt += left ? op.count : 0;
        rightAt += right ? op.count : 0;
    }
    if (leftAt != a.size() || rightAt != b.size())
        *problem = QStringLiteral("script does not cover both inputs");
    return out;
}

} // namespace retell::test
