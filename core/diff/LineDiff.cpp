#include "LineDiff.h"

#include "InlineDiff.h"
#include "MyersDiff.h"

#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace retell::core {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

// Lines of one side as views into the input; each includes its LF if it has one.
std::vector<std::string_view> splitLines(const QByteArray &text)
{
    std::vector<std::string_view> lines;
    const char *data = text.constData();
    const char *const end = data + text.size();
    while (data < end) {
        const void *lf = std::memchr(data, '\n', std::size_t(end - data));
        const char *next = lf ? static_cast<const char *>(lf) + 1 : end;
        lines.emplace_back(data, std::size_t(next - data));
        data = next;
    }
    return lines;
}

std::string normalized(std::string_view line, const DiffOptions &options)
{
    const bool hasLf = !line.empty() && line.back() == '\n';
    if (hasLf)
        line.remove_suffix(1);
    std::string out;
    out.reserve(line.size() + 1);
    if (options.ignoreWhitespace) {
        bool pendingBlank = false;
        for (const char c : line) {
            if (isBlank(c)) {
                pendingBlank = true;
                continue;
            }
            if (pendingBlank)
                out.push_back(' ');
            pendingBlank = false;
            out.push_back(c);
        }
    } else {
        out.assign(line);
    }
    if (options.ignoreCase) {
        bool ascii = true;
        for (char &c : out) {
            if (static_cast<unsigned char>(c) >= 0x80)
                ascii = false;
            else if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
        }
        if (!ascii) {
            const QByteArray folded =
                QString::fromUtf8(out.data(), qsizetype(out.size())).toCaseFolded().toUtf8();
            out.assign(folded.constData(), std::size_t(folded.size()));
        }
    }
    // As in GNU diff -b, a missing final newline is a whitespace change.
    if (hasLf && !options.ignoreWhitespace)
        out.push_back('\n');
    return out;
}

// Maps line contents to dense ids: open addressing over views into the
// inputs, no allocation per line. A slot keeps the upper hash bits next to
// the id so that most mismatches are rejected without touching the key.
class LineInterner final
{
public:
    explicit LineInterner(std::size_t expectedLines)
    {
        std::size_t capacity = 64;
        while (capacity < 2 * expectedLines)
            capacity *= 2;
        m_slots.assign(capacity, 0);
        m_keys.reserve(expectedLines);
    }

    int intern(std::string_view key)
    {
        const std::uint64_t hash = hashBytes(key);
        const std::uint64_t tag = hash & kTagMask;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t slot = std::size_t(hash) & mask;; slot = (slot + 1) & mask) {
            const std::uint64_t entry = m_slots[slot];
            if (entry == 0) {
                m_keys.push_back(key);
                m_slots[slot] = tag | std::uint64_t(m_keys.size()); // id + 1
                return int(m_keys.size() - 1);
            }
            if ((entry & kTagMask) == tag) {
                const int id = int(entry & ~kTagMask) - 1;
                if (m_keys[std::size_t(id)] == key)
                    return id;
            }
        }
    }
    int count() const { return int(m_keys.size()); }

private:
    static constexpr std::uint64_t kTagMask = 0xffffffff00000000ULL;

    // Eight bytes per step multiply-xorshift; lines are short and the table
    // compares keys anyway, so speed matters more than avalanche quality.
    static std::uint64_t hashBytes(std::string_view key)
    {
        constexpr std::uint64_t kMul = 0x9e3779b97f4a7c15ULL;
        std::uint64_t h = key.size() * kMul;
        const char *p = key.data();
        std::size_t n = key.size();
        for (; n >= 8; p += 8, n -= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            h = (h ^ word) * kMul;
            h ^= h >> 29;
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, p, n);
        h = (h ^ tail) * kMul;
        h ^= h >> 32;
        return h * kMul;
    }

    std::vector<std::uint64_t> m_slots;
    std::vector<std::string_view> m_keys;
};

void appendOp(QList<EditOp> &script, EditOp::Kind kind, int left, int right, int count)
{
    if (count == 0)
        return;
    if (!script.isEmpty() && script.last().kind == kind) {
        script.last().count += count;
        return;
    }
    script.append({kind, left, right, count});
}

} // namespace

LineDiff computeLineDiff(const QString &left, const QString &right, const DiffOptions &options,
                         const std::function<bool()> &isCancelled)
{
    return computeLineDiff(left.toUtf8(), right.toUtf8(), options, isCancelled);
}

LineDiff computeLineDiff(const QByteArray &left, const QByteArray &right,
                         const DiffOptions &options, const std::function<bool()> &isCancelled)
{
    LineDiff diff;
    diff.options = options;
    const PerSide<const QByteArray *> input{{&left, &right}};

    PerSide<std::vector<std::string_view>> lines;
    PerSide<std::vector<int>> ids;
    for (const Side side : bothSides)
        lines[side] = splitLines(*input[side]);
    LineInterner interner(lines[Side::Left].size() + lines[Side::Right].size());
    std::deque<std::string> keys; // owns normalized keys; stable addresses
    const bool normalize = options.ignoreWhitespace || options.ignoreCase;
    for (const Side side : bothSides) {
        diff.missingFinalNewline[side] = !input[side]->isEmpty() && !input[side]->endsWith('\n');
        ids[side].reserve(lines[side].size());
        for (const std::string_view line : lines[side]) {
            if (normalize) {
                keys.push_back(normalized(line, options));
                ids[side].push_back(interner.intern(keys.back()));
            } else {
                ids[side].push_back(interner.intern(line));
            }
        }
        LineTable &table = diff.lines[side];
        table.bytes = *input[side];
        table.starts.reserve(qsizetype(lines[side].size()) + 1);
        for (const std::string_view line : lines[side])
            table.starts.append(line.data() - input[side]->constData());
        table.starts.append(input[side]->size());
    }

    const SequenceDiff d = diffSequences(ids[Side::Left], ids[Side::Right], interner.count(),
                                         options.minimal, isCancelled);
    diff.approximate = d.approximate;
    const PerSide<const std::vector<std::uint8_t> *> changed{{&d.leftChanged, &d.rightChanged}};
    const PerSide<int> count{{int(lines[Side::Left].size()), int(lines[Side::Right].size())}};

    // Exact row count first: each block takes max(removed, added) rows.
    qsizetype rowCount = 0;
    {
        PerSide<int> at{{0, 0}};
        while (at[Side::Left] < count[Side::Left] || at[Side::Right] < count[Side::Right]) {
            PerSide<int> run{{0, 0}};
            for (const Side side : bothSides) {
                while (at[side] < count[side] && (*changed[side])[std::size_t(at[side])]) {
                    ++at[side];
                    ++run[side];
                }
            }
            rowCount += std::max(run[Side::Left], run[Side::Right]);
            if (at[Side::Left] < count[Side::Left] && at[Side::Right] < count[Side::Right]) {
                ++rowCount;
                ++at[Side::Left];
                ++at[Side::Right];
            }
        }
    }
    diff.rows.reserve(rowCount);

    PerSide<int> pos{{0, 0}};
    while (pos[Side::Left] < count[Side::Left] || pos[Side::Right] < count[Side::Right]) {
        PerSide<int> end = pos;
        for (const Side side : bothSides) {
            while (end[side] < count[side] && (*changed[side])[std::size_t(end[side])])
                ++end[side];
        }
        const int removed = end[Side::Left] - pos[Side::Left];
        const int added = end[Side::Right] - pos[Side::Right];
        appendOp(diff.script, EditOp::Delete, pos[Side::Left], pos[Side::Right], removed);
        appendOp(diff.script, EditOp::Insert, end[Side::Left], pos[Side::Right], added);
        diff.removed += removed;
        diff.added += added;
        const int paired = std::min(removed, added);
        diff.changed += paired;
        for (int i = 0; i < std::max(removed, added); ++i) {
            DiffRow row;
            row.kind =
                i < paired ? RowKind::Changed : (i < removed ? RowKind::Removed : RowKind::Added);
            for (const Side side : bothSides) {
                if (pos[side] + i < end[side])
                    row.line[side] = pos[side] + i;
            }
            // Once cancelled, the rest is laid out without word ranges.
            if (row.kind == RowKind::Changed && options.refineInline &&
                !(isCancelled && isCancelled())) {
                row.changedRanges = refineLinePair(diff.text(row, Side::Left),
                                                   diff.text(row, Side::Right), options);
            }
            diff.rows.append(std::move(row));
        }
        pos = end;
        if (pos[Side::Left] < count[Side::Left] && pos[Side::Right] < count[Side::Right]) {
            // Unchanged lines match in order, one for one.
            appendOp(diff.script, EditOp::Keep, pos[Side::Left], pos[Side::Right], 1);
            DiffRow row;
            row.line = {{pos[Side::Left], pos[Side::Right]}};
            diff.rows.append(std::move(row));
            ++pos[Side::Left];
            ++pos[Side::Right];
        }
    }
    diff.identical = diff.added == 0 && diff.removed == 0;
    diff.hunks = makeHunks(diff, options.context);
    return diff;
}

QList<Hunk> makeHunks(const LineDiff &diff, int context)
{
    context = std::max(0, context);
    QList<Hunk> hunks;
    const QList<int> starts = changeBlockStarts(diff);
    const int rowCount = int(diff.rows.size());
    for (const int start : starts) {
        int end = start;
        while (end < rowCount && diff.rows.at(end).kind != RowKind::Equal)
            ++end;
        // In 64 bits: a context as large as INT_MAX must not overflow.
        const int first = int(std::max<qint64>(0, qint64(start) - context));
        const int last = int(std::min<qint64>(rowCount, qint64(end) + context));
        if (!hunks.isEmpty() && first <= hunks.last().endRow)
            hunks.last().endRow = last;
        else
            hunks.append({first, last, 0, 0, 0, 0});
    }

    // Line ranges per hunk; an empty range starts where its lines would go.
    PerSide<int> seen{{0, 0}};
    int row = 0;
    for (Hunk &hunk : hunks) {
        for (; row < hunk.firstRow; ++row) {
            for (const Side side : bothSides)
                seen[side] += diff.rows.at(row).hasLine(side) ? 1 : 0;
        }
        hunk.leftStart = seen[Side::Left];
        hunk.rightStart = seen[Side::Right];
        for (; row < hunk.endRow; ++row) {
            hunk.leftCount += diff.rows.at(row).hasLine(Side::Left) ? 1 : 0;
            hunk.rightCount += diff.rows.at(row).hasLine(Side::Right) ? 1 : 0;
        }
        seen[Side::Left] += hunk.leftCount;
        seen[Side::Right] += hunk.rightCount;
    }
    return hunks;
}

QList<int> changeBlockStarts(const LineDiff &diff)
{
    QList<int> starts;
    bool inBlock = false;
    for (int i = 0; i < diff.rows.size(); ++i) {
        const bool changed = diff.rows.at(i).kind != RowKind::Equal;
        if (changed && !inBlock)
            starts.append(i);
        inBlock = changed;
    }
    return starts;
}

} // namespace retell::core
