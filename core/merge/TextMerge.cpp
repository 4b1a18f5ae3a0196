#include "merge/TextMerge.h"

#include "diff/LineDiff.h"
#include "merge/SequenceMerge.h"
#include "merge/WordMerge.h"

#include <algorithm>

namespace retell::core {

namespace {

bool isContinuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

// "\r\n" when the input's first line ends so, else "\n".
QByteArray lineEndOf(const LineTable &table)
{
    const qsizetype lf = table.bytes.indexOf('\n');
    return lf > 0 && table.bytes.at(lf - 1) == '\r' ? QByteArrayLiteral("\r\n")
                                                    : QByteArrayLiteral("\n");
}

void appendLines(QByteArray &out, QByteArrayView lines, const QByteArray &eol)
{
    out += lines;
    if (!lines.isEmpty() && !lines.endsWith('\n'))
        out += eol;
}

void appendMarker(QByteArray &out, char c, const QString &label, const QByteArray &eol)
{
    out += QByteArray(7, c);
    if (!label.isEmpty())
        out += ' ' + label.toUtf8();
    out += eol;
}

RegionKind classify(const TextMerge &merge, const MergeChunk &chunk)
{
    if (chunk.unchanged())
        return RegionKind::Unchanged;
    if (!chunk.changedByTheirs)
        return RegionKind::Ours;
    if (!chunk.changedByOurs)
        return RegionKind::Theirs;
    const auto text = [&](MergeInput input) { return merge.bytes(input, chunk.range[input]); };
    if (text(MergeInput::Ours) == text(MergeInput::Theirs))
        return RegionKind::Both;
    if (text(MergeInput::Ours) == text(MergeInput::Base))
        return RegionKind::Theirs;
    if (text(MergeInput::Theirs) == text(MergeInput::Base))
        return RegionKind::Ours;
    return RegionKind::Conflict;
}

} // namespace

qsizetype firstInvalidUtf8(QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = data[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        char32_t min = 0;
        char32_t value = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2, min = 0x80, value = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, min = 0x800, value = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, min = 0x10000, value = c & 0x07;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        for (int k = 1; k < length; ++k) {
            if (!isContinuation(data[i + k]))
                return i;
            value = (value << 6) | (data[i + k] & 0x3F);
        }
        if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

int TextMerge::count(RegionKind kind) const
{
    return int(std::count_if(regions.cbegin(), regions.cend(),
                             [kind](const MergeRegion &r) { return r.kind == kind; }));
}

QByteArrayView TextMerge::bytes(MergeInput input, LineRange range) const
{
    const LineTable &table = lines[input];
    if (range.count <= 0 || table.starts.isEmpty())
        return {};
    const qsizetype from = table.starts.at(range.start);
    return QByteArrayView(table.bytes.constData() + from, table.starts.at(range.end()) - from);
}

TextMerge mergeText(const QByteArray &base, const QByteArray &ours, const QByteArray &theirs,
                    const TextMergeOptions &options, std::stop_token stop)
{
    TextMerge merge;
    const PerInput<const QByteArray *> input{{&base, &ours, &theirs}};
    for (const MergeInput which : allInputs) {
        if (const qsizetype bad = firstInvalidUtf8(*input[which]); bad >= 0) {
            merge.error = TextMergeError{TextMergeError::InvalidUtf8, which, bad};
            return merge;
        }
    }
    const auto cancelled = [&] {
        if (!stop.stop_requested())
            return false;
        merge.error = TextMergeError{TextMergeError::Cancelled, MergeInput::Base, -1};
        return true;
    };

    DiffOptions lineOptions;
    lineOptions.refineInline = false;
    lineOptions.context = 0;
    PerInput<std::vector<EditHunk>> hunks;
    for (const MergeInput edit : bothEdits) {
        if (cancelled())
            return merge;
        LineDiff diff = computeLineDiff(base, *input[edit], lineOptions);
        hunks[edit] = hunksFromScript(diff.script);
        merge.lines[MergeInput::Base] = std::move(diff.lines[Side::Left]);
        merge.lines[edit] = std::move(diff.lines[Side::Right]);
    }
    if (cancelled())
        return merge;

    const std::vector<MergeChunk> chunks = chunkMerge(
        hunks[MergeInput::Ours], hunks[MergeInput::Theirs], merge.lines[MergeInput::Base].size());
    merge.regions.reserve(qsizetype(chunks.size()));
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        if (i % 1024 == 1023 && cancelled())
            return merge;
        const MergeChunk &chunk = chunks[i];
        MergeRegion region;
        region.kind = classify(merge, chunk);
        region.lines = chunk.range;
        if (region.kind == RegionKind::Conflict) {
            PerInput<QByteArrayView> text;
            bool small = true;
            for (const MergeInput which : allInputs) {
                text[which] = merge.bytes(which, chunk.range[which]);
                small = small && text[which].size() <= options.maxWordMergeBytes;
            }
            if (options.wordLevel && small) {
                if (auto words = mergeWords(text)) {
                    region.kind = RegionKind::MergedInLine;
                    region.merged = std::move(*words);
                }
            }
            if (region.kind == RegionKind::Conflict) {
                TextConflict conflict;
                conflict.lines = chunk.range;
                for (const MergeInput which : allInputs)
                    conflict.text[which] = QString::fromUtf8(text[which]);
                region.conflict = int(merge.conflicts.size());
                merge.conflicts.append(std::move(conflict));
            }
        }
        merge.regions.append(std::move(region));
    }
    return merge;
}

QByteArray regionText(const TextMerge &merge, const MergeRegion &region, ConflictChoice choice,
                      const MarkerStyle &style)
{
    const auto text = [&](MergeInput input) { return merge.bytes(input, region.lines[input]); };
    switch (region.kind) {
    case RegionKind::Unchanged:
    case RegionKind::Ours:
    case RegionKind::Both:
        return text(MergeInput::Ours).toByteArray();
    case RegionKind::Theirs:
        return text(MergeInput::Theirs).toByteArray();
    case RegionKind::MergedInLine:
        return region.merged;
    case RegionKind::Conflict:
        break;
    }
    const QByteArray eol = lineEndOf(merge.lines[MergeInput::Ours]);
    QByteArray out;
    const auto both = [&](MergeInput first) {
        appendLines(out, text(first), eol);
        out += text(otherEdit(first));
        return out;
    };
    switch (choice) {
    case ConflictChoice::Ours:
        return text(MergeInput::Ours).toByteArray();
    case ConflictChoice::Theirs:
        return text(MergeInput::Theirs).toByteArray();
    case ConflictChoice::Base:
        return text(MergeInput::Base).toByteArray();
    case ConflictChoice::OursThenTheirs:
        return both(MergeInput::Ours);
    case ConflictChoice::TheirsThenOurs:
        return both(MergeInput::Theirs);
    case ConflictChoice::Unresolved:
        break;
    }
    appendMarker(out, '<', style.labels[MergeInput::Ours], eol);
    appendLines(out, text(MergeInput::Ours), eol);
    if (style.showBase) {
        appendMarker(out, '|', style.labels[MergeInput::Base], eol);
        appendLines(out, text(MergeInput::Base), eol);
    }
    appendMarker(out, '=', QString(), eol);
    appendLines(out, text(MergeInput::Theirs), eol);
    appendMarker(out, '>', style.labels[MergeInput::Theirs], eol);
    return out;
}

QByteArray mergedText(const TextMerge &merge, const QList<ConflictChoice> &choices,
                      const MarkerStyle &style)
{
    QByteArray out;
    out.reserve(merge.lines[MergeInput::Ours].bytes.size());
    for (const MergeRegion &region : merge.regions) {
        const ConflictChoice choice = region.conflict >= 0 && region.conflict < choices.size()
                                          ? choices.at(region.conflict)
                                          : ConflictChoice::Unresolved;
        // Most regions are unchanged: append without an intermediate copy.
        if (region.kind == RegionKind::Unchanged || region.kind == RegionKind::Ours ||
            region.kind == RegionKind::Both)
            out += merge.bytes(MergeInput::Ours, region.lines[MergeInput::Ours]);
        else
            out += regionText(merge, region, choice, style);
    }
    return out;
}

} // namespace retell::core
