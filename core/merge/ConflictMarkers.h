#pragma once

#include "merge/MergeTypes.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace retell::core {

// A conflict written into a text with markers, as mergedText, git and
// `diff3 -m` write them:
//   <<<<<<< ours / ours lines / [||||||| base / base lines] / ======= /
//   theirs lines / >>>>>>> theirs
// Editors resolve conflicts on the text itself, so a hand edit and a
// one-click choice stay the same thing.
struct MarkerBlock
{
    qsizetype start = 0; // offset of the "<<<<<<<" line
    qsizetype end = 0;   // offset after the ">>>>>>>" line and its line end
    QString ours;        // the lines of each section, line ends included
    QString base;
    QString theirs;
    bool hasBase = false;
    friend bool operator==(const MarkerBlock &, const MarkerBlock &) = default;
};

// The complete marker blocks of a text, in order; a block whose markers are
// incomplete or out of order is not one.
QList<MarkerBlock> findConflictMarkers(QStringView text);

// What a block becomes under a choice (Unresolved: the block unchanged).
QString resolvedBlock(QStringView text, const MarkerBlock &block, ConflictChoice choice);

} // namespace retell::core
