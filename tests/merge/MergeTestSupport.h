#pragma once

#include "../diff/DiffTestSupport.h"
#include "merge/TextMerge.h"

#include <QTest>

// Readable failure messages for the merge's value types (found by ADL).
namespace retell::core {

inline QString regionKindName(RegionKind kind)
{
    static const char *const names[] = {"Unchanged", "Ours",         "Theirs",
                                        "Both",      "MergedInLine", "Conflict"};
    return QLatin1String(names[int(kind)]);
}

inline QString rangeText(LineRange range)
{
    return QStringLiteral("%1+%2").arg(range.start).arg(range.count);
}

inline char *toString(const LineRange &range)
{
    return QTest::toString(rangeText(range));
}

inline char *toString(const RegionKind &kind)
{
    return QTest::toString(regionKindName(kind));
}

inline char *toString(const PerInput<LineRange> &ranges)
{
    return QTest::toString(QStringLiteral("base %1, ours %2, theirs %3")
                               .arg(rangeText(ranges[MergeInput::Base]),
                                    rangeText(ranges[MergeInput::Ours]),
                                    rangeText(ranges[MergeInput::Theirs])));
}

inline char *toString(const TextConflict &conflict)
{
    return QTest::toString(
        QStringLiteral("conflict base %1 \"%2\", ours %3 \"%4\", theirs %5 \"%6\"")
            .arg(rangeText(conflict.lines[MergeInput::Base]), conflict.text[MergeInput::Base],
                 rangeText(conflict.lines[MergeInput::Ours]), conflict.text[MergeInput::Ours],
                 rangeText(conflict.lines[MergeInput::Theirs]), conflict.text[MergeInput::Theirs]));
}

} // namespace retell::core

namespace mergesupport {

// "=+~" style summary of a merge: one letter per region.
inline QString regionShape(const retell::core::TextMerge &merge)
{
    using retell::core::RegionKind;
    QString shape;
    for (const auto &region : merge.regions) {
        switch (region.kind) {
        case RegionKind::Unchanged:
            shape += u'=';
            break;
        case RegionKind::Ours:
            shape += u'o';
            break;
        case RegionKind::Theirs:
            shape += u't';
            break;
        case RegionKind::Both:
            shape += u'b';
            break;
        case RegionKind::MergedInLine:
            shape += u'w';
            break;
        case RegionKind::Conflict:
            shape += u'!';
            break;
        }
    }
    return shape;
}

} // namespace mergesupport
