#include "merge/SequenceMerge.h"

#include "diff/DiffTypes.h"
#include "diff/MyersDiff.h"

#include <algorithm>

namespace retell::core {

std::vector<EditHunk> hunksFromScript(const QList<EditOp> &script)
{
    std::vector<EditHunk> hunks;
    bool open = false;
    for (const EditOp &op : script) {
        if (op.kind == EditOp::Keep) {
            open = false;
            continue;
        }
        if (!open) {
            hunks.push_back({op.leftStart, op.leftStart, op.rightStart, op.rightStart});
            open = true;
        }
        EditHunk &hunk = hunks.back();
        if (op.kind == EditOp::Delete)
            hunk.baseEnd += op.count;
        else
            hunk.otherEnd += op.count;
    }
    return hunks;
}

std::vector<EditHunk> hunksFromDiff(const SequenceDiff &diff)
{
    std::vector<EditHunk> hunks;
    const auto &base = diff.leftChanged;
    const auto &other = diff.rightChanged;
    std::size_t b = 0;
    std::size_t o = 0;
    while (b < base.size() || o < other.size()) {
        EditHunk hunk{int(b), int(b), int(o), int(o)};
        while (b < base.size() && base[b])
            ++b;
        while (o < other.size() && other[o])
            ++o;
        hunk.baseEnd = int(b);
        hunk.otherEnd = int(o);
        if (hunk.baseEnd > hunk.baseStart || hunk.otherEnd > hunk.otherStart)
            hunks.push_back(hunk);
        // One element kept on both sides.
        ++b;
        ++o;
    }
    return hunks;
}

std::vector<MergeChunk> chunkMerge(const std::vector<EditHunk> &ours,
                                   const std::vector<EditHunk> &theirs, int baseSize)
{
    const PerInput<const std::vector<EditHunk> *> hunks{{nullptr, &ours, &theirs}};
    PerInput<std::size_t> next{{0, 0, 0}};
    PerInput<int> delta{{0, 0, 0}}; // edit position minus base position after the last chunk
    std::vector<MergeChunk> chunks;
    int basePos = 0;

    const auto unchangedUpTo = [&](int end) {
        if (end <= basePos)
            return;
        MergeChunk chunk;
        for (const MergeInput input : allInputs)
            chunk.range[input] = {basePos + delta[input], end - basePos};
        chunks.push_back(chunk);
        basePos = end;
    };
    const auto pending = [&](MergeInput edit) { return next[edit] < hunks[edit]->size(); };
    const auto nextHunk = [&](MergeInput edit) -> const EditHunk & {
        return (*hunks[edit])[next[edit]];
    };

    while (pending(MergeInput::Ours) || pending(MergeInput::Theirs)) {
        int start = baseSize;
        for (const MergeInput edit : bothEdits) {
            if (pending(edit))
                start = std::min(start, nextHunk(edit).baseStart);
        }
        unchangedUpTo(start);

        // Grow the chunk while a hunk of either side starts inside or right
        // at its end.
        int end = start;
        PerInput<std::size_t> first = next;
        for (bool grew = true; grew;) {
            grew = false;
            for (const MergeInput edit : bothEdits) {
                while (pending(edit) && nextHunk(edit).baseStart <= end) {
                    end = std::max(end, nextHunk(edit).baseEnd);
                    ++next[edit];
                    grew = true;
                }
            }
        }

        MergeChunk chunk;
        chunk.range[MergeInput::Base] = {start, end - start};
        for (const MergeInput edit : bothEdits) {
            const bool changed = next[edit] > first[edit];
            (edit == MergeInput::Ours ? chunk.changedByOurs : chunk.changedByTheirs) = changed;
            int editStart = start + delta[edit];
            int editEnd = end + delta[edit];
            if (changed) {
                const EditHunk &head = (*hunks[edit])[first[edit]];
                const EditHunk &tail = (*hunks[edit])[next[edit] - 1];
                editStart = head.otherStart - (head.baseStart - start);
                editEnd = tail.otherEnd + (end - tail.baseEnd);
            }
            chunk.range[edit] = {editStart, editEnd - editStart};
            delta[edit] = editEnd - end;
        }
        chunks.push_back(chunk);
        basePos = end;
    }
    unchangedUpTo(baseSize);
    return chunks;
}

} // namespace retell::core
