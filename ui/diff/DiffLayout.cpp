#include "DiffLayout.h"

#include "diff/DiffRender.h"
#include "diff/LineDiff.h"
#include "editor/Utf8OffsetMapper.h"

namespace retell::ui {

using core::Side;

namespace {

PaneDocument buildPane(const core::LineDiff &diff, Side side)
{
    PaneDocument pane;
    pane.utf8.reserve(diff.lines[side].bytes.size() + diff.rows.size());
    for (const core::DiffRow &row : diff.rows) {
        const qsizetype lineStart = pane.utf8.size();
        if (row.hasLine(side)) {
            // Scintilla gets valid UTF-8 so that byte offsets match the
            // decoded text the ranges refer to.
            const QByteArrayView bytes = diff.lines[side].lineBytes(row.line[side]);
            if (bytes.isValidUtf8())
                pane.utf8 += bytes;
            else
                pane.utf8 += QString::fromUtf8(bytes).toUtf8();
            const QList<core::TextRange> &ranges = row.changedRanges[side];
            if (!ranges.isEmpty()) {
                Utf8OffsetMapper mapper(pane.utf8.constData() + lineStart, pane.utf8.size() - lineStart);
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
        while (start + block.rowCount < diff.rows.size()
               && diff.rows.at(start + block.rowCount).kind != core::RowKind::Equal) {
            if (diff.rows.at(start + block.rowCount).kind != block.kind)
                block.kind = core::RowKind::Changed;
            ++block.rowCount;
        }
        blocks.append(block);
    }
    return blocks;
}

} // namespace

DiffLayout DiffLayout::build(const core::DiffSide &left, const core::DiffSide &right,
                             const core::DiffOptions &options)
{
    DiffLayout layout;
    layout.diff = core::computeLineDiff(left.prompt, right.prompt, options);
    layout.tools = core::computeToolsDiff(left.toolsJson, right.toolsJson);
    for (const Side side : core::bothSides)
        layout.panes[side] = buildPane(layout.diff, side);
    layout.blocks = buildBlocks(layout.diff);
    for (const Side side : core::bothSides) {
        for (int i = 0; i < layout.diff.lineCount(side); ++i) {
            // Bytes, not characters: a little wide for non-ASCII, never too narrow.
            const QByteArrayView line = layout.diff.lines[side].lineBytes(i);
            layout.widestLine = std::max(layout.widestLine, int(line.size() + 7 * line.count('\t')));
        }
    }

    const QString unified = core::renderUnified(layout.diff, left.title, right.title, false,
                                                options.context);
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
