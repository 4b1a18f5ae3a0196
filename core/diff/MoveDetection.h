#pragma once

#include "DiffTypes.h"

#include <QHash>
#include <QList>

namespace retell::core {

struct MoveOptions
{
    // Non-blank lines a block needs on each side to count as moved.
    int minLines = 2;
    // How alike the two places must be: the Dice coefficient of their word
    // pairs (2 * common / (left + right), each pair of neighbouring words
    // counted as often as it occurs).
    double minSimilarity = 0.6;
    // How much better than its runner-up a pair must be, on both sides,
    // unless its places are identical: in repetitive text a paragraph that
    // is nearly as alike to several others was edited, not moved.
    double minMargin = 0.1;
    // Word pairs two places that are not identical must share: a few short
    // lines alike by chance are not evidence of a move.
    int minCommonPairs = 5;
    // Candidate blocks per side; a diff with more finds no moves (it is
    // a rewrite, not a move, and pairing would cost quadratic time).
    int maxCandidates = 400;
};

// Lines removed in one place and added, the same or nearly, in another: a
// moved paragraph. Its inner changes are the line diff of the two places.
struct MovedBlock
{
    PerSide<int> start{{0, 0}}; // first line on each side, 0-based
    PerSide<int> count{{0, 0}}; // lines on each side
    double similarity = 0.0;
    // The line diff of the two places; line numbers are of the whole sides.
    QList<DiffRow> rows;

    bool identical() const;
    bool contains(Side side, int line) const
    {
        return line >= start[side] && line < start[side] + count[side];
    }
    friend bool operator==(const MovedBlock &, const MovedBlock &) = default;
};

struct MoveDetection
{
    QList<MovedBlock> moves; // in order of their left line

    // The move a line of one side belongs to, or -1.
    int moveAt(Side side, int line) const;
    // The inner changed ranges of a moved line (empty: unchanged or not moved).
    QList<TextRange> changedRanges(Side side, int line) const;
    // The line on the other side a moved line corresponds to (its inner
    // diff's pair, else the other place's first line), or -1.
    int counterpart(Side side, int line) const;
};

// Finds moved blocks among the removed and added lines of a line diff.
// Candidates are runs of changed lines split at blank lines (paragraphs);
// a removed and an added candidate pair up when their words are alike
// enough, best pairs first, each candidate used once. A removed block and
// an added block that touch (an edit in place) are not a move, and neither
// is a pair that one of them would form almost as well with another block.
MoveDetection detectMoves(const LineDiff &diff, const MoveOptions &options = {});

} // namespace retell::core
