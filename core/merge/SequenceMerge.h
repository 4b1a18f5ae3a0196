#pragma once

#include "merge/MergeTypes.h"

#include <span>
#include <vector>

namespace retell::core {

struct EditOp;
struct SequenceDiff;

// One change of a two-way diff against the base: base elements
// [baseStart, baseEnd) became the other side's [otherStart, otherEnd).
struct EditHunk
{
    int baseStart = 0;
    int baseEnd = 0;
    int otherStart = 0;
    int otherEnd = 0;
    friend bool operator==(const EditHunk &, const EditHunk &) = default;
};

std::vector<EditHunk> hunksFromScript(const QList<EditOp> &script);
std::vector<EditHunk> hunksFromDiff(const SequenceDiff &diff);

// A stretch of the three inputs: either unchanged on both sides or one
// group of changes. As in GNU diff3, changes of the two sides fall into one
// chunk when their base ranges overlap or touch (one ends where the other
// starts), so an insertion next to the other side's change joins it.
struct MergeChunk
{
    PerInput<LineRange> range; // in elements of each input
    bool changedByOurs = false;
    bool changedByTheirs = false;
    bool unchanged() const { return !changedByOurs && !changedByTheirs; }
};

// Splits the inputs into chunks covering every element of every input once,
// in order. `baseSize` is the number of base elements; hunks are sorted.
std::vector<MergeChunk> chunkMerge(const std::vector<EditHunk> &ours,
                                   const std::vector<EditHunk> &theirs, int baseSize);

} // namespace retell::core
