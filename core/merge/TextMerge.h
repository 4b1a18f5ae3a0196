#pragma once

#include "diff/DiffTypes.h"
#include "merge/MergeTypes.h"

#include <QByteArray>

#include <optional>
#include <stop_token>

namespace retell::core {

enum class RegionKind
{
    Unchanged,    // the same in all three inputs
    Ours,         // changed on our side only: ours taken
    Theirs,       // changed on their side only: theirs taken
    Both,         // the same change on both sides, taken once
    MergedInLine, // both sides changed these lines, but different words: merged
    Conflict,     // different changes to overlapping or touching lines
};

// A stretch of the merge; the regions of a merge cover every line of every
// input once, in order.
struct MergeRegion
{
    RegionKind kind = RegionKind::Unchanged;
    PerInput<LineRange> lines;
    QByteArray merged; // MergedInLine only: the merged lines, line ends included
    int conflict = -1; // Conflict only: index into TextMerge::conflicts
    friend bool operator==(const MergeRegion &, const MergeRegion &) = default;
};

// What both sides did to the same lines; the UI or the caller decides.
struct TextConflict
{
    PerInput<LineRange> lines;
    PerInput<QString> text; // the lines of each input, line ends included
    friend bool operator==(const TextConflict &, const TextConflict &) = default;
};

struct TextMergeError
{
    enum Kind
    {
        InvalidUtf8,
        Cancelled
    };
    Kind kind = InvalidUtf8;
    MergeInput input = MergeInput::Base; // InvalidUtf8: which input
    qsizetype offset = -1;               // InvalidUtf8: byte of the first bad sequence
    friend bool operator==(const TextMergeError &, const TextMergeError &) = default;
};

struct TextMergeOptions
{
    // Inside a conflicting region, merge again by words ({{variable}} is one
    // word) and keep the result when the two sides changed different words.
    bool wordLevel = true;
    // Regions larger than this (bytes, any input) are not merged by words.
    qsizetype maxWordMergeBytes = 64 * 1024;
};

struct TextMerge
{
    QList<MergeRegion> regions;
    QList<TextConflict> conflicts;
    PerInput<LineTable> lines; // the inputs, split into lines
    std::optional<TextMergeError> error;

    bool ok() const { return !error.has_value(); }
    bool clean() const { return ok() && conflicts.isEmpty(); }
    int count(RegionKind kind) const;
    // The bytes of lines `range` of one input, line ends included.
    QByteArrayView bytes(MergeInput input, LineRange range) const;
};

// Three-way merge of prompt texts with the semantics of GNU `diff3 -m -E`
// (and `git merge-file`): a change on one side is taken, the same change on
// both sides is taken once, different changes to overlapping or touching
// lines conflict - unless the word-level merge above resolves them. Lines
// compare as bytes (a CR before LF is part of the line; a last line without
// LF differs from one with it). Invalid UTF-8 in any input is refused.
// A requested stop ends the merge with a Cancelled error.
TextMerge mergeText(const QByteArray &base, const QByteArray &ours, const QByteArray &theirs,
                    const TextMergeOptions &options = {}, std::stop_token stop = {});

struct MarkerStyle
{
    // Include the base lines (git's "diff3" conflict style); false writes
    // what `diff3 -m -E` and `git merge-file` write by default.
    bool showBase = true;
    PerInput<QString> labels{
        {QStringLiteral("base"), QStringLiteral("ours"), QStringLiteral("theirs")}};
};

// The text of one region: a conflict resolved by `choice`, or with markers
// when the choice is Unresolved.
QByteArray regionText(const TextMerge &merge, const MergeRegion &region,
                      ConflictChoice choice = ConflictChoice::Unresolved,
                      const MarkerStyle &style = {});

// The merged text; conflict i is resolved by choices[i] when given, else
// written with git-style markers (<<<<<<< ours, ||||||| base, =======,
// >>>>>>> theirs).
QByteArray mergedText(const TextMerge &merge, const QList<ConflictChoice> &choices = {},
                      const MarkerStyle &style = {});

// Offset of the first byte that is not part of valid UTF-8, or -1.
qsizetype firstInvalidUtf8(QByteArrayView bytes);

} // namespace retell::core
