// The three-way merge engine: base, ours and theirs from one input (split at
// the first two NUL bytes), merged as prompt text and as tools JSON, then the
// result written with markers and parsed back. Invariants: the regions cover
// every line of every input once, in order; a side that did not change
// leaves exactly the other side's text; conflicts are indexed in range.
#include "FuzzInput.h"

#include "merge/ConflictMarkers.h"
#include "merge/TextMerge.h"
#include "merge/ToolsMerge.h"

using namespace retell;
using namespace retell::core;

namespace {

void checkRegions(const TextMerge &merge)
{
    if (!merge.ok())
        return;
    for (const MergeInput input : allInputs) {
        int next = 0;
        for (const MergeRegion &region : merge.regions) {
            fuzz::require(region.lines[input].start == next && region.lines[input].count >= 0);
            next = region.lines[input].end();
        }
        fuzz::require(next == merge.lines[input].size());
    }
    for (const MergeRegion &region : merge.regions)
        fuzz::require((region.kind == RegionKind::Conflict) ==
                      (region.conflict >= 0 && region.conflict < merge.conflicts.size()));
    fuzz::require(merge.clean() == (merge.count(RegionKind::Conflict) == 0));
}

// One side unchanged: the merge is clean and is the other side's text.
void checkOneSided(const QByteArray &base, const QByteArray &edit)
{
    for (const bool editIsOurs : {true, false}) {
        const TextMerge merge =
            editIsOurs ? mergeText(base, edit, base) : mergeText(base, base, edit);
        checkRegions(merge);
        if (merge.ok())
            fuzz::require(merge.clean() && mergedText(merge) == edit);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto [base, rest] = fuzz::splitAtNul(fuzz::bytes(data, size));
    const auto [ours, theirs] = fuzz::splitAtNul(rest);

    const TextMerge merge = mergeText(base, ours, theirs);
    checkRegions(merge);
    if (merge.ok()) {
        const QByteArray marked = mergedText(merge);
        const QString text = QString::fromUtf8(marked);
        for (const MarkerBlock &block : findConflictMarkers(text)) {
            fuzz::require(block.start >= 0 && block.start < block.end && block.end <= text.size());
            (void)resolvedBlock(text, block, ConflictChoice::Theirs);
        }
        for (const ConflictChoice choice :
             {ConflictChoice::Ours, ConflictChoice::Theirs, ConflictChoice::OursThenTheirs,
              ConflictChoice::TheirsThenOurs, ConflictChoice::Base})
            (void)mergedText(merge, QList<ConflictChoice>(merge.conflicts.size(), choice));
    }
    checkOneSided(base, ours);

    const ToolsMerge tools = mergeTools(base, ours, theirs);
    if (tools.ok()) {
        (void)mergedToolsJson(tools);
        (void)mergedToolsJson(
            tools, QList<ConflictChoice>(tools.conflicts.size(), ConflictChoice::Theirs));
    }
    return 0;
}
