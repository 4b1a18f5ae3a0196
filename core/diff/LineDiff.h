#pragma once

#include "DiffTypes.h"

#include <QByteArray>

#include <functional>

namespace retell::core {

// Line diff of two texts. Lines are compared as bytes (split at LF; a CR
// before it is part of the line unless whitespace is ignored), so invalid
// UTF-8 still diffs exactly; LineDiff::lines holds a lossy UTF-8 decoding for
// display. A last line without LF differs from the same line with one, as in
// GNU diff. A caller on a worker thread may pass isCancelled: once it answers
// true the work stops early and the result is to be thrown away.
LineDiff computeLineDiff(const QByteArray &left, const QByteArray &right,
                         const DiffOptions &options = {},
                         const std::function<bool()> &isCancelled = {});
LineDiff computeLineDiff(const QString &left, const QString &right, const DiffOptions &options = {},
                         const std::function<bool()> &isCancelled = {});

// Unified hunks with `context` lines around each change; hunks whose context
// touches are merged (GNU diff -U).
QList<Hunk> makeHunks(const LineDiff &diff, int context);

// Row index of the first row of every change block (a run of non-Equal rows).
QList<int> changeBlockStarts(const LineDiff &diff);

} // namespace retell::core
