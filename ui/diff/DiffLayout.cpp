#include "DiffLayout.h"

#include "diff/DiffRender.h"
#include "diff/LineDiff.h"
#include "editor/Utf8OffsetMapper.h"

#include <QCoreApplication>

namespace retell::ui {

using core::Side;

namespace {

PaneDocument buildPane(const core::LineDiff &diff, const core::MoveDetection &moves,
                       const QList<int> &rowMove, Side side)
{
    PaneDocument pane;
    pane.utf8.reserve(diff.lines[side].bytes.size() + diff.rows.size());
    for (int row = 0; row < diff.rows.size(); ++row) {
        const core::DiffRow &r = diff.rows.at(row);
        const qsizetype lineStart = pane.utf8.size();
        if (r.hasLine(side)) {
            // Scintilla gets valid UTF-8 so that byte offsets match the
            // decoded text the ranges refer to.
            const QByteArrayView bytes = diff.lines[side].lineBytes(r.line[side]);
            if (bytes.isValidUtf8())
                pane.utf8 += bytes;
            else
                pane.utf8 += QString::fromUtf8(bytes).toUtf8();
            // A moved line shows its changes against the other place.
            const QList<core::TextRange> ranges = rowMove.at(row) >= 0
                                                      ? moves.changedRanges(side, r.line[side])
                                                      : r.changedRanges[side];
            if (!ranges.isEmpty()) {
                Utf8OffsetMapper mapper(pane.utf8.constData() + lineStart,
                                        pane.utf8.size() - lineStart);
                for (const core::TextRange &range : ranges) {
                    const qsizetype from = mapper.byteOffset(range.start);
                    const qsizetype to = mapper.byteOffset(range.end());
                    pane.changedSpans.append({lineStart + from, to - from});
                }
            }
        }
        pane.utf8 += '\n';
    }
    // One line per row: the document must not end in an extra empty line.
    if (!pane.utf8.isEmpty())
        pane.utf8.chop(1);
    return pane;
}

QList<ChangeBlock> buildBlocks(const core::LineDiff &diff)
{
    QList<ChangeBlock> blocks;
    for (const int start : core::changeBlockStarts(diff)) {
        ChangeBlock block{start, 0, diff.rows.at(start).kind};
        while (start + block.rowCount < diff.rows.size() &&
               diff.rows.at(start + block.rowCount).kind != core::RowKind::Equal) {
            if (diff.rows.at(start + block.rowCount).kind != block.kind)
                block.kind = core::RowKind::Changed;
            ++block.rowCount;
        }
        blocks.append(block);
    }
    return blocks;
}

} // namespace

int DiffLayout::rowOfLine(Side side, int line) const
{
    // Rows list each side's lines in order, filler (-1) in between.
    for (int row = std::min(line, int(diff.rows.size()) - 1); row >= 0 && row < diff.rows.size();
         ++row) {
        if (diff.rows.at(row).line[side] == line)
            return row;
    }
    return -1;
}

DiffLayout DiffLayout::build(const core::DiffSide &left, const core::DiffSide &right,
                             const core::DiffOptions &options)
{
    return *build(left, right, options, {}, {});
}

std::optional<DiffLayout> DiffLayout::build(const core::DiffSide &left, const core::DiffSide &right,
                                            const core::DiffOptions &options,
                                            const std::function<bool()> &isCancelled,
                                            const StepCallback &progress)
{
    int step = 0;
    // False when the caller cancelled: the steps already done are thrown away.
    const auto next = [&](const char *what) {
        if (isCancelled && isCancelled())
            return false;
        if (progress)
            progress(step, kBuildSteps, QCoreApplication::translate("DiffLayout", what));
        ++step;
        return true;
    };
    DiffLayout layout;
    if (!next(QT_TRANSLATE_NOOP("DiffLayout", "comparing the prompts")))
        return std::nullopt;
    layout.diff = core::computeLineDiff(left.prompt, right.prompt, options, isCancelled);
    if (!next(QT_TRANSLATE_NOOP("DiffLayout", "comparing the tools")))
        return std::nullopt;
    layout.tools = core::computeToolsDiff(left.toolsJson, right.toolsJson);
    if (!next(QT_TRANSLATE_NOOP("DiffLayout", "finding moved paragraphs")))
        return std::nullopt;
    layout.moves = core::detectMoves(layout.diff);
    if (!next(QT_TRANSLATE_NOOP("DiffLayout", "lining up the rows")))
        return std::nullopt;
    for (const Side side : core::bothSides) {
        QList<int> &rowMove = layout.rowMove[side];
        rowMove.fill(-1, layout.diff.rows.size());
        if (!layout.moves.moves.isEmpty()) {
            for (int row = 0; row < layout.diff.rows.size(); ++row) {
                const core::DiffRow &r = layout.diff.rows.at(row);
                if (r.hasLine(side) && r.kind != core::RowKind::Equal)
                    rowMove[row] = layout.moves.moveAt(side, r.line[side]);
            }
        }
        layout.panes[side] = buildPane(layout.diff, layout.moves, rowMove, side);
    }
    layout.blocks = buildBlocks(layout.diff);
    for (const Side side : core::bothSides) {
        for (int i = 0; i < layout.diff.lineCount(side); ++i) {
            // Bytes, not characters: a little wide for non-ASCII, never too narrow.
            const QByteArrayView line = layout.diff.lines[side].lineBytes(i);
            layout.widestLine =
                std::max(layout.widestLine, int(line.size() + 7 * line.count('\t')));
        }
    }

    if (!next(QT_TRANSLATE_NOOP("DiffLayout", "writing the unified view")))
        return std::nullopt;
    const QString unified =
        core::renderUnified(layout.diff, left.title, right.title, false, options.context);
    layout.unifiedUtf8 = unified.toUtf8();
    if (layout.unifiedUtf8.endsWith('\n'))
        layout.unifiedUtf8.chop(1);
    int line = 0;
    for (const QByteArray &text : layout.unifiedUtf8.split('\n')) {
        const char kind = text.isEmpty() ? ' ' : text.at(0);
        // The two header lines start with "---"/"+++" but are not changes.
        layout.unifiedKinds += line < 2 ? 'h' : kind;
        if (kind == '@' && line >= 2)
            layout.unifiedHunkLines.append(line);
        ++line;
    }
    return layout;
}

} // namespace retell::ui
