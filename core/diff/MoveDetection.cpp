#include "MoveDetection.h"

#include "InlineDiff.h"
#include "LineDiff.h"

#include <algorithm>

namespace retell::core {

namespace {

// A paragraph of changed lines on one side that may have moved.
struct Candidate
{
    int start = 0;
    int count = 0;
    int firstRow = 0;
    int lastRow = 0;
    int block = 0;       // the change block (run of non-Equal rows) it lies in
    QList<size_t> words; // case-folded word hashes, sorted
};

bool isBlank(QByteArrayView line)
{
    return std::all_of(line.begin(), line.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

// The paragraph's word pairs (each word with the next, across lines),
// case-folded and hashed, sorted: order-aware, so paragraphs built from the
// same words in another order (lists of similar items) do not look alike.
QList<size_t> wordsOf(const LineTable &lines, int start, int count)
{
    QList<size_t> words;
    size_t previous = 0;
    bool first = true;
    for (int i = start; i < start + count; ++i) {
        const QString text = lines.line(i);
        for (const Token &token : tokenizeLine(text)) {
            if (token.kind != TokenKind::Word && token.kind != TokenKind::Variable)
                continue;
            const size_t word = qHash(text.mid(token.start, token.length).toCaseFolded());
            if (!first)
                words.append(qHashMulti(0, previous, word));
            previous = word;
            first = false;
        }
    }
    if (first)
        return words;
    if (words.isEmpty())
        words.append(previous); // a single word
    std::sort(words.begin(), words.end());
    return words;
}

// The Dice coefficient of two sorted lists, and how many entries they share.
std::pair<double, qsizetype> similarity(const QList<size_t> &a, const QList<size_t> &b)
{
    if (a.isEmpty() || b.isEmpty())
        return {0.0, 0};
    qsizetype common = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    return {2.0 * double(common) / double(a.size() + b.size()), common};
}

// Rows and change blocks of each side's lines.
struct RowIndex
{
    PerSide<QList<int>> rowOfLine;
    QList<int> blockOfRow; // -1 on Equal rows

    explicit RowIndex(const LineDiff &diff)
    {
        for (const Side side : bothSides)
            rowOfLine[side].resize(diff.lineCount(side), -1);
        blockOfRow.resize(diff.rows.size(), -1);
        int block = -1;
        for (int row = 0; row < diff.rows.size(); ++row) {
            const DiffRow &r = diff.rows.at(row);
            if (r.kind != RowKind::Equal) {
                if (row == 0 || diff.rows.at(row - 1).kind == RowKind::Equal)
                    ++block;
                blockOfRow[row] = block;
            }
            for (const Side side : bothSides) {
                if (r.hasLine(side))
                    rowOfLine[side][r.line[side]] = row;
            }
        }
    }
};

QList<Candidate> candidates(const LineDiff &diff, Side side, const RowIndex &index,
                            const MoveOptions &options)
{
    QList<Candidate> out;
    const LineTable &lines = diff.lines[side];
    Candidate current;
    const auto close = [&] {
        if (current.count >= options.minLines)
            out.append(current);
        current = Candidate();
    };
    for (int row = 0; row < diff.rows.size(); ++row) {
        const DiffRow &r = diff.rows.at(row);
        const bool changed = r.kind != RowKind::Equal && r.hasLine(side);
        if (!changed) {
            if (r.hasLine(side))
                close(); // an equal line ends the paragraph; filler does not
            continue;
        }
        const int line = r.line[side];
        if (isBlank(lines.lineBytes(line))) {
            close();
            continue;
        }
        if (current.count == 0) {
            current.start = line;
            current.firstRow = row;
            current.block = index.blockOfRow.at(row);
        }
        ++current.count;
        current.lastRow = row;
    }
    close();
    return out;
}

// Removed and added lines side by side in one block: an edit, not a move.
bool inPlace(const Candidate &left, const Candidate &right)
{
    if (left.block != right.block)
        return false;
    return left.firstRow <= right.lastRow + 1 && right.firstRow <= left.lastRow + 1;
}

QByteArray blockBytes(const LineTable &lines, int start, int count)
{
    QByteArray bytes = lines.bytes.mid(lines.starts.at(start),
                                       lines.starts.at(start + count) - lines.starts.at(start));
    if (!bytes.endsWith('\n'))
        bytes += '\n'; // the side's last line: its missing newline is not an inner change
    return bytes;
}

MovedBlock makeMove(const LineDiff &diff, const Candidate &left, const Candidate &right,
                    double score)
{
    MovedBlock move;
    move.start = {{left.start, right.start}};
    move.count = {{left.count, right.count}};
    move.similarity = score;
    DiffOptions options = diff.options;
    options.refineInline = true;
    const LineDiff inner =
        computeLineDiff(blockBytes(diff.lines[Side::Left], left.start, left.count),
                        blockBytes(diff.lines[Side::Right], right.start, right.count), options);
    move.rows = inner.rows;
    for (DiffRow &row : move.rows) {
        for (const Side side : bothSides) {
            if (row.hasLine(side))
                row.line[side] += move.start[side];
        }
    }
    return move;
}

} // namespace

bool MovedBlock::identical() const
{
    return std::all_of(rows.begin(), rows.end(),
                       [](const DiffRow &row) { return row.kind == RowKind::Equal; });
}

int MoveDetection::moveAt(Side side, int line) const
{
    for (int i = 0; i < moves.size(); ++i) {
        if (moves.at(i).contains(side, line))
            return i;
    }
    return -1;
}

QList<TextRange> MoveDetection::changedRanges(Side side, int line) const
{
    const int move = moveAt(side, line);
    if (move < 0)
        return {};
    for (const DiffRow &row : moves.at(move).rows) {
        if (row.line[side] == line)
            return row.changedRanges[side];
    }
    return {};
}

int MoveDetection::counterpart(Side side, int line) const
{
    const int move = moveAt(side, line);
    if (move < 0)
        return -1;
    const MovedBlock &block = moves.at(move);
    for (const DiffRow &row : block.rows) {
        if (row.line[side] == line && row.hasLine(opposite(side)))
            return row.line[opposite(side)];
    }
    return block.start[opposite(side)];
}

MoveDetection detectMoves(const LineDiff &diff, const MoveOptions &options)
{
    MoveDetection result;
    if (diff.identical)
        return result;
    const RowIndex index(diff);
    QList<Candidate> left = candidates(diff, Side::Left, index, options);
    QList<Candidate> right = candidates(diff, Side::Right, index, options);
    if (left.isEmpty() || right.isEmpty() || left.size() > options.maxCandidates ||
        right.size() > options.maxCandidates)
        return result;
    for (const Side side : bothSides) {
        for (Candidate &candidate : side == Side::Left ? left : right)
            candidate.words = wordsOf(diff.lines[side], candidate.start, candidate.count);
    }

    struct Pair
    {
        double score;
        int left;
        int right;
    };
    // The best and second-best score of each candidate, over every block it
    // could pair with.
    struct Runners
    {
        double best = 0.0;
        double second = 0.0;
        void add(double score)
        {
            second = std::max(second, std::min(best, score));
            best = std::max(best, score);
        }
    };
    QList<Runners> leftRunners(left.size()), rightRunners(right.size());
    QList<Pair> pairs;
    for (int i = 0; i < left.size(); ++i) {
        for (int j = 0; j < right.size(); ++j) {
            if (inPlace(left.at(i), right.at(j)))
                continue;
            const auto [score, common] = similarity(left.at(i).words, right.at(j).words);
            leftRunners[i].add(score);
            rightRunners[j].add(score);
            if (score >= options.minSimilarity &&
                (score >= 1.0 || common >= options.minCommonPairs))
                pairs.append({score, i, j});
        }
    }
    const auto clear = [&](const Pair &pair) {
        if (pair.score >= 1.0)
            return true;
        for (const Runners &runners : {leftRunners.at(pair.left), rightRunners.at(pair.right)}) {
            if (pair.score < runners.best || pair.score - runners.second < options.minMargin)
                return false;
        }
        return true;
    };
    pairs.removeIf([&](const Pair &pair) { return !clear(pair); });
    // Best first; ties by size, then position, so the result is deterministic.
    std::sort(pairs.begin(), pairs.end(), [&](const Pair &a, const Pair &b) {
        if (a.score != b.score)
            return a.score > b.score;
        const int sizeA = left.at(a.left).count + right.at(a.right).count;
        const int sizeB = left.at(b.left).count + right.at(b.right).count;
        if (sizeA != sizeB)
            return sizeA > sizeB;
        return std::pair(a.left, a.right) < std::pair(b.left, b.right);
    });
    QList<bool> leftUsed(left.size(), false), rightUsed(right.size(), false);
    for (const Pair &pair : std::as_const(pairs)) {
        if (leftUsed.at(pair.left) || rightUsed.at(pair.right))
            continue;
        leftUsed[pair.left] = rightUsed[pair.right] = true;
        result.moves.append(makeMove(diff, left.at(pair.left), right.at(pair.right), pair.score));
    }
    std::sort(result.moves.begin(), result.moves.end(),
              [](const MovedBlock &a, const MovedBlock &b) {
                  return a.start[Side::Left] < b.start[Side::Left];
              });
    return result;
}

} // namespace retell::core
