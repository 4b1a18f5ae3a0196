#pragma once

#include "DiffLayout.h"
#include "editor/EditorTheme.h"

#include <Qsci/qsciscintilla.h>

namespace retell::ui {

// A read-only pane of the diff view: one line per aligned row, original line
// numbers in a text margin (none on filler rows), row kinds as background
// markers and changed words as indicators.
class DiffPane final : public QsciScintilla
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffPane)

public:
    enum Marker
    {
        RemovedMarker = 1,
        AddedMarker,
        FillerMarker,
        HunkMarker,
        MovedMarker,     // background of a moved line
        MovedUpMarker,   // margin arrow: the other place is above
        MovedDownMarker, // margin arrow: the other place is below
        CopyMarker,      // margin arrow: copy this change into the edit
    };
    // The clickable margins beside the line numbers.
    enum Margin
    {
        MoveMargin = 1, // arrows on the first row of a moved block
        CopyMargin = 2, // arrows on the first row of a change that can be copied across
    };
    enum Indicator
    {
        RemovedWordIndicator = 8,
        AddedWordIndicator = 9
    };

    explicit DiffPane(QWidget *parent = nullptr);
    ~DiffPane() override;

    // Side-by-side content for `side`.
    void showSide(const DiffLayout &layout, core::Side side);
    // The unified text with +/- backgrounds.
    void showUnified(const DiffLayout &layout);

    int firstVisibleLine() const;
    void setFirstVisibleLine(int line);
    int horizontalOffset() const;
    void setHorizontalOffset(int pixels);
    int visibleLineCount() const;
    // First row shown (a document line; with wrapping a row spans several
    // display lines) and scrolling so that a row is the first one shown.
    int firstVisibleRow() const;
    void setFirstVisibleRow(int row);
    // The display line a row starts on (rows line up when both panes agree).
    int displayLineOfRow(int row) const;
    // Display lines a row's text takes (more than one when wrapped).
    int wrapCount(int row) const;
    // Blank display lines below a row, so that it is as tall as the same row
    // on the other side; 0 removes them.
    void setRowPadding(int row, int lines);
    void clearRowPadding();
    // Caret on a byte position, scrolled into view sideways as well.
    void showPosition(qsizetype bytePosition, qsizetype endPosition);
    // Both panes get the same scroll width so that horizontal offsets match.
    void setScrollWidthForColumns(int columns);
    bool lineHasMarker(int line, Marker marker) const;
    // Copy arrows on these rows pointing towards `towards` (none: margin hidden).
    void setCopyMarks(const QList<int> &rows, core::Side towards);
    // The centre of a margin beside a row, in viewport coordinates.
    QPoint marginPoint(Margin margin, int row) const;
    // The margin under a viewport x coordinate, or -1 (the number margin or text).
    int marginAt(int x) const;
    // The row shown at a viewport y coordinate (the nearest one).
    int rowAt(int y) const;
    // The original line number shown beside a row; empty on filler rows.
    QString lineNumberText(int line) const;
    // Byte ranges covered by an indicator, for tests.
    QList<ByteSpan> indicatorSpans(Indicator indicator) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();
    void setDocument(const QByteArray &utf8);
    void setLineNumbers(const QStringList &numbers);
    void fillIndicator(Indicator indicator, const QList<ByteSpan> &spans);
    void markMoves(const DiffLayout &layout, core::Side side);

    EditorTheme m_theme;
    QColor m_copyColour;
};

} // namespace retell::ui
