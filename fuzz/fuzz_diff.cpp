// The diff engine: two texts from one input (split at the first NUL byte),
// options from the input's length. Invariants: the edit script turns the
// left lines into the right ones (bounded and exact mode), the rows cover
// every line once, and hunks of any context (up to INT_MAX) stay in range.
#include "ApplyScript.h"
#include "FuzzInput.h"

#include "diff/LineDiff.h"

#include <limits>

using namespace retell;
using namespace retell::core;

namespace {

// Each side's lines joined give back its bytes; the script applied to the
// left lines (inserted lines taken from the right) gives the right bytes.
void checkScript(const LineDiff &diff, const QByteArray &left, const QByteArray &right)
{
    for (const Side side : bothSides) {
        const LineTable &table = diff.lines[side];
        fuzz::require(table.bytes == (side == Side::Left ? left : right) &&
                      (table.starts.isEmpty() || table.starts.last() == table.bytes.size()));
    }
    const bool exact = !diff.options.ignoreWhitespace && !diff.options.ignoreCase;
    QString problem;
    const QByteArray out = test::applyScript(diff, left, right, &problem, exact);
    fuzz::require(problem.isEmpty());
    fuzz::require(!exact || out == right);
    fuzz::require(diff.identical == (diff.added == 0 && diff.removed == 0));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto [left, right] = fuzz::splitAtNul(fuzz::bytes(data, size));
    DiffOptions options;
    options.ignoreWhitespace = (size & 1) != 0;
    options.ignoreCase = (size & 2) != 0;
    options.minimal = (size & 4) != 0;
    options.context = (size & 8) != 0 ? std::numeric_limits<int>::max() : int(size % 7);
    const LineDiff diff = computeLineDiff(left, right, options);
    checkScript(diff, left, right);
    fuzz::require(!options.minimal || !diff.approximate);
    int rowsPerSide[2] = {0, 0};
    for (const DiffRow &row : diff.rows) {
        for (const Side side : bothSides)
            rowsPerSide[index(side)] += row.hasLine(side) ? 1 : 0;
    }
    fuzz::require(rowsPerSide[0] == diff.lineCount(Side::Left) &&
                  rowsPerSide[1] == diff.lineCount(Side::Right));
    for (const Hunk &hunk : diff.hunks)
        fuzz::require(hunk.firstRow >= 0 && hunk.firstRow < hunk.endRow &&
                      hunk.endRow <= diff.rows.size());
    return 0;
}
