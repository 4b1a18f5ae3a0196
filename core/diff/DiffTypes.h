#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>

namespace retell::core {

// The two inputs of a comparison. Code indexes per-side data with this enum
// (std::array<T, 2>) instead of duplicating left/right branches.
enum class Side
{
    Left = 0,
    Right = 1
};

constexpr Side opposite(Side side)
{
    return side == Side::Left ? Side::Right : Side::Left;
}

constexpr int index(Side side)
{
    return int(side);
}

constexpr std::array<Side, 2> bothSides{Side::Left, Side::Right};

// A per-side pair of values, indexed by Side.
template <typename T> struct PerSide
{
    std::array<T, 2> values{};

    T &operator[](Side side) { return values[std::size_t(side)]; }
    const T &operator[](Side side) const { return values[std::size_t(side)]; }
    friend bool operator==(const PerSide &, const PerSide &) = default;
};

struct DiffOptions
{
    // Like GNU diff -b: runs of blanks compare equal to one blank and
    // trailing blanks (including a CR before LF) are ignored.
    bool ignoreWhitespace = false;
    // Like GNU diff -i (Unicode case folding outside ASCII).
    bool ignoreCase = false;
    // Word/character ranges inside changed line pairs.
    bool refineInline = true;
    // Context lines of LineDiff::hunks.
    int context = 3;
    // Lines longer than this (in UTF-16 units) are marked whole, not refined.
    int maxRefinedLineLength = 20000;
    // Like GNU diff --minimal: always the shortest script, however long the
    // search takes. Otherwise a cost limit bounds the search on big inputs
    // and the script may be longer than necessary (LineDiff::approximate).
    bool minimal = false;

    friend bool operator==(const DiffOptions &, const DiffOptions &) = default;
};

// A changed run inside one line, in UTF-16 units of the decoded line text.
struct TextRange
{
    int start = 0;
    int length = 0;
    int end() const { return start + length; }
    friend bool operator==(const TextRange &, const TextRange &) = default;
};

enum class RowKind
{
    Equal,   // same line on both sides (modulo the ignore options)
    Changed, // a removed line paired with an added one
    Removed, // only on the left; filler on the right
    Added,   // only on the right; filler on the left
};

// One aligned side-by-side row; both panes have exactly one line per row.
struct DiffRow
{
    RowKind kind = RowKind::Equal;
    PerSide<int> line{{-1, -1}};             // 0-based line number, -1 for filler
    PerSide<QList<TextRange>> changedRanges; // only for RowKind::Changed

    bool hasLine(Side side) const { return line[side] >= 0; }
    friend bool operator==(const DiffRow &, const DiffRow &) = default;
};

// Minimal edit script: applied to the left lines it yields the right lines.
struct EditOp
{
    enum Kind
    {
        Keep,
        Delete,
        Insert
    };
    Kind kind = Keep;
    int leftStart = 0;  // Keep/Delete: first left line; Insert: left position
    int rightStart = 0; // Keep/Insert: first right line; Delete: right position
    int count = 0;
    friend bool operator==(const EditOp &, const EditOp &) = default;
};

// A unified-diff hunk: rows [firstRow, endRow) of LineDiff::rows, which cover
// left lines [leftStart, leftStart + leftCount) and the right counterpart.
struct Hunk
{
    int firstRow = 0;
    int endRow = 0;
    int leftStart = 0;
    int leftCount = 0;
    int rightStart = 0;
    int rightCount = 0;
    friend bool operator==(const Hunk &, const Hunk &) = default;
};

// The lines of one side: the input bytes (shared, not copied) and where
// each line starts. Lines are decoded (lossily, as UTF-8) only when asked
// for, so a 5 MB diff does not pay for converting unchanged text.
struct LineTable
{
    QByteArray bytes;        // the whole side, EOLs included
    QList<qsizetype> starts; // where each line starts, plus bytes.size() at the end

    int size() const { return starts.isEmpty() ? 0 : int(starts.size() - 1); }
    // Line i without its LF or CRLF, as bytes / decoded.
    QByteArrayView lineBytes(int i) const
    {
        qsizetype end = starts.at(i + 1);
        if (end > starts.at(i) && bytes.at(end - 1) == '\n')
            --end;
        if (end > starts.at(i) && bytes.at(end - 1) == '\r')
            --end;
        return QByteArrayView(bytes.constData() + starts.at(i), end - starts.at(i));
    }
    QString line(int i) const { return QString::fromUtf8(lineBytes(i)); }
};

struct LineDiff
{
    QList<DiffRow> rows;      // aligned rows, both sides padded to rows.size()
    QList<EditOp> script;     // removed + added is the smallest possible unless approximate
    QList<Hunk> hunks;        // with DiffOptions::context lines of context
    PerSide<LineTable> lines; // the lines of each side
    PerSide<bool> missingFinalNewline{{false, false}};
    int added = 0;   // lines only on the right (paired or not)
    int removed = 0; // lines only on the left (paired or not)
    int changed = 0; // rows pairing a removed with an added line
    bool identical = true;
    // The cost limit was reached (never with DiffOptions::minimal): the
    // script is correct but possibly not the shortest.
    bool approximate = false;
    DiffOptions options;

    // Decoded text of a row's line on one side; empty for filler.
    QString text(const DiffRow &row, Side side) const
    {
        return row.hasLine(side) ? lines[side].line(row.line[side]) : QString();
    }
    int lineCount(Side side) const { return lines[side].size(); }
};

} // namespace retell::core

Q_DECLARE_METATYPE(retell::core::Side)
