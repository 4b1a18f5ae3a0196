#include "DiffPane.h"

#include <QEvent>
#include <QImage>
#include <QPainter>

namespace retell::ui {

using core::RowKind;
using core::Side;

namespace {

constexpr int kNumberMargin = 0;
// Blank pixels between the line numbers and the text: "22" beside "6. …"
// read as "226." without it.
constexpr int kTextPadding = 10;
constexpr int kMarkerMask = (1 << DiffPane::RemovedMarker) | (1 << DiffPane::AddedMarker) |
                            (1 << DiffPane::FillerMarker) | (1 << DiffPane::HunkMarker) |
                            (1 << DiffPane::MovedMarker) | (1 << DiffPane::MovedUpMarker) |
                            (1 << DiffPane::MovedDownMarker) | (1 << DiffPane::CopyMarker);
constexpr int kActionMarginWidth = 16;

// A filled triangle pointing up, down, left or right, for the margins.
QImage arrowImage(Qt::ArrowType direction, const QColor &colour)
{
    constexpr int size = 12;
    QImage image(size, size, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    const qreal lo = 2, hi = size - 2, mid = size / 2.0;
    QPolygonF triangle;
    switch (direction) {
    case Qt::UpArrow:
        triangle << QPointF(lo, hi) << QPointF(hi, hi) << QPointF(mid, lo);
        break;
    case Qt::DownArrow:
        triangle << QPointF(lo, lo) << QPointF(hi, lo) << QPointF(mid, hi);
        break;
    case Qt::LeftArrow:
        triangle << QPointF(hi, lo) << QPointF(hi, hi) << QPointF(lo, mid);
        break;
    default:
        triangle << QPointF(lo, lo) << QPointF(lo, hi) << QPointF(hi, mid);
        break;
    }
    painter.drawPolygon(triangle);
    return image;
}

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

DiffPane::DiffPane(QWidget *parent) : QsciScintilla(parent)
{
    setUtf8(true);
    setReadOnly(true);
    setWrapMode(WrapNone);
    setCaretLineVisible(true);
    setMarginType(kNumberMargin, TextMarginRightJustified);
    setMarginSensitivity(kNumberMargin, false);
    setMarginMarkerMask(kNumberMargin, 0);
    for (const Margin margin : {MoveMargin, CopyMargin}) {
        setMarginType(margin, SymbolMargin);
        setMarginWidth(margin, 0);
        setMarginSensitivity(margin, true);
    }
    setMarginMarkerMask(MoveMargin, (1 << MovedUpMarker) | (1 << MovedDownMarker));
    setMarginMarkerMask(CopyMargin, 1 << CopyMarker);
    SendScintilla(SCI_SETMARGINLEFT, 0UL, long(kTextPadding));
    SendScintilla(SCI_ANNOTATIONSETVISIBLE, static_cast<unsigned long>(ANNOTATION_STANDARD));
    for (const Marker marker : {RemovedMarker, AddedMarker, FillerMarker, HunkMarker, MovedMarker})
        markerDefine(Background, marker);
    for (const Indicator indicator : {RemovedWordIndicator, AddedWordIndicator}) {
        indicatorDefine(StraightBoxIndicator, indicator);
        SendScintilla(SCI_INDICSETUNDER, static_cast<unsigned long>(indicator), 1L);
        SendScintilla(SCI_INDICSETOUTLINEALPHA, static_cast<unsigned long>(indicator), 0L);
    }
    applyTheme();
}

DiffPane::~DiffPane() = default;

void DiffPane::applyTheme()
{
    m_theme = EditorTheme::fromPalette(palette());
    const QFont font = EditorTheme::editorFont();
    setFont(font);
    setPaper(m_theme.paper);
    setColor(m_theme.text);
    SendScintilla(SCI_STYLESETFONT, STYLE_DEFAULT, font.family().toUtf8().constData());
    SendScintilla(SCI_STYLESETSIZE, STYLE_DEFAULT, long(font.pointSize()));
    SendScintilla(SCI_STYLESETBACK, STYLE_DEFAULT, m_theme.paper);
    SendScintilla(SCI_STYLESETFORE, STYLE_DEFAULT, m_theme.text);
    SendScintilla(SCI_STYLECLEARALL);
    setMarginsBackgroundColor(m_theme.marginPaper);
    setMarginsForegroundColor(m_theme.marginText);
    setMarginsFont(font);
    setCaretLineBackgroundColor(m_theme.caretLine);
    setCaretForegroundColor(m_theme.caret);
    setSelectionBackgroundColor(m_theme.selection);
    setSelectionForegroundColor(m_theme.selectionText);

    // Light: GitHub-like pastel rows with stronger word boxes; dark: muted.
    const QColor red = m_theme.dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xd7, 0x3a, 0x49);
    const QColor green = m_theme.dark ? QColor(0x2e, 0xa0, 0x43) : QColor(0x28, 0xa7, 0x45);
    const QColor blue = m_theme.dark ? QColor(0x38, 0x8b, 0xfd) : QColor(0x03, 0x66, 0xd6);
    const double rowTint = m_theme.dark ? 0.22 : 0.13;
    setMarkerBackgroundColor(blend(m_theme.paper, red, rowTint), RemovedMarker);
    setMarkerBackgroundColor(blend(m_theme.paper, green, rowTint), AddedMarker);
    setMarkerBackgroundColor(blend(m_theme.paper, blue, 0.10), HunkMarker);
    // Moved lines: neither removed nor added, so neither red nor green.
    const QColor purple = m_theme.dark ? QColor(0xa3, 0x71, 0xf7) : QColor(0x82, 0x50, 0xdf);
    setMarkerBackgroundColor(blend(m_theme.paper, purple, rowTint), MovedMarker);
    markerDefine(arrowImage(Qt::UpArrow, purple), MovedUpMarker);
    markerDefine(arrowImage(Qt::DownArrow, purple), MovedDownMarker);
    m_copyColour = blue;
    setMarkerBackgroundColor(blend(m_theme.paper, m_theme.text, m_theme.dark ? 0.10 : 0.06),
                             FillerMarker);
    // QScintilla takes the indicator alpha from the colour.
    QColor redBox = red, greenBox = green;
    redBox.setAlpha(m_theme.dark ? 110 : 75);
    greenBox.setAlpha(m_theme.dark ? 110 : 75);
    setIndicatorForegroundColor(redBox, RemovedWordIndicator);
    setIndicatorForegroundColor(greenBox, AddedWordIndicator);
}

void DiffPane::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void DiffPane::setDocument(const QByteArray &utf8)
{
    setReadOnly(false);
    SendScintilla(SCI_SETUNDOCOLLECTION, 0UL);
    SendScintilla(SCI_SETTEXT, 0UL, utf8.constData());
    SendScintilla(SCI_EMPTYUNDOBUFFER);
    setReadOnly(true);
    markerDeleteAll();
    clearMarginText();
    clearRowPadding();
    for (const Indicator indicator : {RemovedWordIndicator, AddedWordIndicator}) {
        SendScintilla(SCI_SETINDICATORCURRENT, static_cast<unsigned long>(indicator));
        SendScintilla(SCI_INDICATORCLEARRANGE, 0UL, long(utf8.size()));
    }
    setCursorPosition(0, 0);
}

void DiffPane::setLineNumbers(const QStringList &numbers)
{
    int widest = 1;
    for (int line = 0; line < numbers.size(); ++line) {
        if (numbers.at(line).isEmpty())
            continue;
        setMarginText(line, numbers.at(line), STYLE_LINENUMBER);
        widest = std::max(widest, int(numbers.at(line).size()));
    }
    setMarginWidth(kNumberMargin, QString(widest + 1, u'9'));
}

void DiffPane::fillIndicator(Indicator indicator, const QList<ByteSpan> &spans)
{
    SendScintilla(SCI_SETINDICATORCURRENT, static_cast<unsigned long>(indicator));
    for (const ByteSpan &span : spans)
        SendScintilla(SCI_INDICATORFILLRANGE, static_cast<unsigned long>(span.start),
                      long(span.length));
}

void DiffPane::showSide(const DiffLayout &layout, Side side)
{
    setDocument(layout.panes[side].utf8);
    const Marker changeMarker = side == Side::Left ? RemovedMarker : AddedMarker;
    QStringList numbers;
    numbers.reserve(layout.diff.rows.size());
    for (int row = 0; row < layout.diff.rows.size(); ++row) {
        const core::DiffRow &r = layout.diff.rows.at(row);
        numbers.append(r.hasLine(side) ? QString::number(r.line[side] + 1) : QString());
        if (!r.hasLine(side))
            markerAdd(row, FillerMarker);
        else if (layout.rowMove[side].value(row, -1) >= 0)
            markerAdd(row, MovedMarker);
        else if (r.kind != RowKind::Equal)
            markerAdd(row, changeMarker);
    }
    setLineNumbers(numbers);
    markMoves(layout, side);
    fillIndicator(side == Side::Left ? RemovedWordIndicator : AddedWordIndicator,
                  layout.panes[side].changedSpans);
}

void DiffPane::markMoves(const DiffLayout &layout, Side side)
{
    setMarginWidth(MoveMargin, layout.moves.moves.isEmpty() ? 0 : kActionMarginWidth);
    for (const core::MovedBlock &move : layout.moves.moves) {
        const int here = layout.rowOfLine(side, move.start[side]);
        const int there = layout.rowOfLine(core::opposite(side), move.start[core::opposite(side)]);
        markerAdd(here, there < here ? MovedUpMarker : MovedDownMarker);
    }
}

void DiffPane::setCopyMarks(const QList<int> &rows, Side towards)
{
    markerDeleteAll(CopyMarker);
    markerDefine(arrowImage(towards == Side::Left ? Qt::LeftArrow : Qt::RightArrow, m_copyColour),
                 CopyMarker);
    for (const int row : rows)
        markerAdd(row, CopyMarker);
    setMarginWidth(CopyMargin, rows.isEmpty() ? 0 : kActionMarginWidth);
}

QPoint DiffPane::marginPoint(Margin margin, int row) const
{
    int x = 0;
    for (int m = 0; m < margin; ++m)
        x += marginWidth(m);
    const long position =
        long(SendScintilla(SCI_POSITIONFROMLINE, static_cast<unsigned long>(row)));
    const int y = int(SendScintilla(SCI_POINTYFROMPOSITION, 0UL, position));
    const int height = int(SendScintilla(SCI_TEXTHEIGHT, static_cast<unsigned long>(row)));
    return {x + marginWidth(margin) / 2, y + height / 2};
}

int DiffPane::marginAt(int x) const
{
    int start = 0;
    for (int m = 0; m <= CopyMargin; ++m) {
        const int end = start + marginWidth(m);
        if (x >= start && x < end)
            return m == MoveMargin || m == CopyMargin ? m : -1;
        start = end;
    }
    return -1;
}

int DiffPane::rowAt(int y) const
{
    const long position = long(SendScintilla(SCI_POSITIONFROMPOINT, 0UL, long(y)));
    return int(SendScintilla(SCI_LINEFROMPOSITION, static_cast<unsigned long>(position)));
}

void DiffPane::showUnified(const DiffLayout &layout)
{
    setDocument(layout.unifiedUtf8);
    for (int line = 0; line < layout.unifiedKinds.size(); ++line) {
        switch (layout.unifiedKinds.at(line)) {
        case '-':
            markerAdd(line, RemovedMarker);
            break;
        case '+':
            markerAdd(line, AddedMarker);
            break;
        case '@':
            markerAdd(line, HunkMarker);
            break;
        default:
            break;
        }
    }
    setMarginWidth(kNumberMargin, 0);
    setMarginWidth(MoveMargin, 0);
}

int DiffPane::firstVisibleLine() const
{
    return int(SendScintilla(SCI_GETFIRSTVISIBLELINE));
}

void DiffPane::setFirstVisibleLine(int line)
{
    SendScintilla(SCI_SETFIRSTVISIBLELINE, static_cast<unsigned long>(std::max(0, line)));
}

int DiffPane::horizontalOffset() const
{
    return int(SendScintilla(SCI_GETXOFFSET));
}

void DiffPane::setHorizontalOffset(int pixels)
{
    SendScintilla(SCI_SETXOFFSET, static_cast<unsigned long>(std::max(0, pixels)));
}

void DiffPane::setScrollWidthForColumns(int columns)
{
    const long charWidth =
        long(SendScintilla(SCI_TEXTWIDTH, static_cast<unsigned long>(STYLE_DEFAULT), "M"));
    SendScintilla(SCI_SETSCROLLWIDTH,
                  static_cast<unsigned long>(std::max(1L, charWidth * (columns + 2))));
}

int DiffPane::firstVisibleRow() const
{
    return int(
        SendScintilla(SCI_DOCLINEFROMVISIBLE, static_cast<unsigned long>(firstVisibleLine())));
}

void DiffPane::setFirstVisibleRow(int row)
{
    setFirstVisibleLine(displayLineOfRow(std::max(0, row)));
}

int DiffPane::displayLineOfRow(int row) const
{
    return int(SendScintilla(SCI_VISIBLEFROMDOCLINE, static_cast<unsigned long>(row)));
}

int DiffPane::wrapCount(int row) const
{
    return int(SendScintilla(SCI_WRAPCOUNT, static_cast<unsigned long>(row)));
}

void DiffPane::setRowPadding(int row, int lines)
{
    // An annotation of n lines is text with n - 1 line breaks.
    const QByteArray blank = lines > 0 ? QByteArray(lines - 1, '\n') + ' ' : QByteArray();
    if (lines > 0)
        SendScintilla(SCI_ANNOTATIONSETTEXT, static_cast<unsigned long>(row), blank.constData());
    else
        SendScintilla(SCI_ANNOTATIONSETTEXT, static_cast<unsigned long>(row),
                      static_cast<const char *>(nullptr));
}

void DiffPane::clearRowPadding()
{
    SendScintilla(SCI_ANNOTATIONCLEARALL);
}

void DiffPane::showPosition(qsizetype bytePosition, qsizetype endPosition)
{
    SendScintilla(SCI_GOTOPOS, static_cast<unsigned long>(bytePosition));
    SendScintilla(SCI_SCROLLRANGE, static_cast<unsigned long>(endPosition), long(bytePosition));
}

int DiffPane::visibleLineCount() const
{
    return int(SendScintilla(SCI_LINESONSCREEN));
}

bool DiffPane::lineHasMarker(int line, Marker marker) const
{
    return (markersAtLine(line) & (1 << marker) & kMarkerMask) != 0;
}

QString DiffPane::lineNumberText(int line) const
{
    const auto length = SendScintilla(SCI_MARGINGETTEXT, static_cast<unsigned long>(line),
                                      static_cast<const char *>(nullptr));
    if (length <= 0)
        return {};
    QByteArray buffer(length + 1, '\0');
    SendScintilla(SCI_MARGINGETTEXT, static_cast<unsigned long>(line), buffer.data());
    return QString::fromUtf8(buffer.constData(), length);
}

QList<ByteSpan> DiffPane::indicatorSpans(Indicator indicator) const
{
    QList<ByteSpan> spans;
    const long length = long(SendScintilla(SCI_GETLENGTH));
    long pos = 0;
    while (pos < length) {
        const long end =
            long(SendScintilla(SCI_INDICATOREND, static_cast<unsigned long>(indicator), pos));
        if (SendScintilla(SCI_INDICATORVALUEAT, static_cast<unsigned long>(indicator), pos))
            spans.append({pos, end - pos});
        if (end <= pos)
            break;
        pos = end;
    }
    return spans;
}

} // namespace retell::ui
