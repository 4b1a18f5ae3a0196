#pragma once

#include "diff/DiffInput.h"
#include "diff/DiffTypes.h"
#include "diff/MoveDetection.h"
#include "diff/ToolsDiff.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <optional>

namespace retell::ui {

// A run of rows of one kind, for the overview strip and navigation.
struct ChangeBlock
{
    int firstRow = 0;
    int rowCount = 0;
    core::RowKind kind = core::RowKind::Changed; // Changed if the block mixes kinds
};

// Byte range in a pane document (Scintilla positions are UTF-8 bytes).
struct ByteSpan
{
    qsizetype start = 0;
    qsizetype length = 0;
};

// One pane's document: exactly one line per row, filler rows empty.
struct PaneDocument
{
    QByteArray utf8;
    QList<ByteSpan> changedSpans; // inline word/character changes
};

// Everything the view shows, computed without widgets so that it can be
// built on a worker thread for big inputs.
struct DiffLayout
{
    core::LineDiff diff;
    core::ToolsDiff tools;
    core::PerSide<PaneDocument> panes;
    QList<ChangeBlock> blocks;
    QByteArray unifiedUtf8;  // renderUnified() text
    QByteArray unifiedKinds; // first character of each unified line: ' ', '-', '+', '@', '\\'
    QList<int> unifiedHunkLines;
    int widestLine = 0; // in characters, tabs counted as 8, over both sides
    core::MoveDetection moves;
    // Per row, the move its line on each side belongs to, or -1.
    core::PerSide<QList<int>> rowMove;

    // The row showing a line of one side (-1: none).
    int rowOfLine(core::Side side, int line) const;

    static DiffLayout build(const core::DiffSide &left, const core::DiffSide &right,
                            const core::DiffOptions &options);

    // The steps build() reports through its progress callback.
    static constexpr int kBuildSteps = 5;
    using StepCallback = std::function<void(int step, int steps, const QString &what)>;
    // build() for a worker thread: says which step it is on and returns
    // nothing as soon as isCancelled() answers true between steps.
    static std::optional<DiffLayout> build(const core::DiffSide &left, const core::DiffSide &right,
                                           const core::DiffOptions &options,
                                           const std::function<bool()> &isCancelled,
                                           const StepCallback &progress);
};

} // namespace retell::ui
