#include "CodeEditor.h"

#include "Utf8OffsetMapper.h"

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qscilexer.h>

#include <QEvent>
#include <QKeyEvent>
#include <QSet>
#include <QToolTip>

#include <algorithm>

namespace retell::ui {

using core::Finding;
using core::Severity;

namespace {

constexpr int kDwellMs = 400;
constexpr int kFindingLineGap = 2; // pixels between underscores and a finding's line

} // namespace

CodeEditor::CodeEditor(QWidget *parent) : QsciScintilla(parent)
{
    setUtf8(true);
    setTabWidth(4);
    setIndentationsUseTabs(false);
    setAutoIndent(true);
    setEolMode(EolUnix);
    setCaretLineVisible(true);
    setBraceMatching(SloppyBraceMatch);
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, 1);
    SendScintilla(SCI_SETMARGINLEFT, 0, 6);
    SendScintilla(SCI_SETMOUSEDWELLTIME, kDwellMs);

    setMarginType(LineNumberMargin, NumberMargin);
    setMarginType(FindingMargin, SymbolMargin);
    setMarginMarkerMask(LineNumberMargin, 0);
    setMarginMarkerMask(FindingMargin, (1 << ErrorMarker) | (1 << WarningMarker));
    setMarginSensitivity(FindingMargin, true);
    setMarginWidth(2, 0);

    // Findings are a thick line at the bottom of the line box, below the
    // descenders, not a squiggle on the baseline: that one painted over
    // underscores, so "book_spa_day" read as "book spa day". The extra
    // descent keeps the line apart from the underscores.
    SendScintilla(SCI_SETEXTRADESCENT, kFindingLineGap);
    for (int indicator : {ErrorIndicator, WarningIndicator}) {
        indicatorDefine(ThickCompositionIndicator, indicator);
        setIndicatorDrawUnder(true, indicator);
    }
    indicatorDefine(StraightBoxIndicator, MatchIndicator);
    setIndicatorDrawUnder(true, MatchIndicator);

    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberMarginWidth);
    connect(this, &QsciScintillaBase::SCN_DWELLSTART, this, &CodeEditor::showDwellTip);
    connect(this, &QsciScintillaBase::SCN_DWELLEND, this, [] { QToolTip::hideText(); });
    connect(this, &QsciScintillaBase::SCN_MODIFIED, this,
            [this](int position, int modificationType, const char *, int length) {
                shiftPlacements(position, modificationType, length);
            });
    connect(this, &QsciScintilla::marginClicked, this, [this](int margin, int line) {
        if (margin != FindingMargin)
            return;
        for (qsizetype i : std::as_const(m_order)) {
            const ByteRange &r = m_placements.at(i);
            if (r.isValid() && lineOf(r.start) == line) {
                goTo(m_findings.at(i));
                return;
            }
        }
    });

    applyTheme();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::setLexer(QsciLexer *lexer)
{
    QsciScintilla::setLexer(lexer);
    // setLexer resets every style, the margins' included.
    applyTheme();
}

void CodeEditor::setText(const QString &text)
{
    const WrapMode wrap = wrapMode();
    if (wrap != WrapNone)
        setWrapMode(WrapNone);
    QsciScintilla::setText(text);
    if (wrap != WrapNone)
        setWrapMode(wrap);
}

// Scintilla's default bindings were audited against the main window's keys
// (ActionRegistry): only Ctrl+L ("cut line") is an application key with a
// different meaning; Ctrl+Z/Y/X/C/V/A are the same commands as the Edit menu's.
// The window passes all of its keys here anyway, so a key added later cannot
// clash again; the editing keys then reach the editor through the Edit menu.
void CodeEditor::yieldKeys(const QList<QKeySequence> &keys)
{
    QSet<int> taken;
    for (const QKeySequence &sequence : keys) {
        if (sequence.count() == 1)
            taken.insert(sequence[0].toCombined());
    }
    const QList<QsciCommand *> commands = standardCommands()->commands();
    for (QsciCommand *command : commands) {
        if (command->key() && taken.contains(command->key()))
            command->setKey(0);
        if (command->alternateKey() && taken.contains(command->alternateKey()))
            command->setAlternateKey(0);
    }
}

bool CodeEditor::focusNextPrevChild(bool next)
{
    if (m_tabMovesFocus)
        return QWidget::focusNextPrevChild(next);
    return QsciScintilla::focusNextPrevChild(next);
}

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    // Esc with nothing to cancel (no completion list, call tip or multiple
    // selection) belongs to the window: it closes a dialog such as the
    // read-only version viewer.
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier && !isListActive() &&
        !isCallTipActive() && SendScintilla(SCI_GETSELECTIONS) <= 1) {
        event->ignore();
        return;
    }
    QsciScintilla::keyPressEvent(event);
}

void CodeEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applyingTheme)
        applyTheme();
}

void CodeEditor::applyLexerTheme(const EditorTheme &, const QFont &) {}

void CodeEditor::applyTheme()
{
    m_applyingTheme = true;
    m_theme = EditorTheme::fromPalette(palette());
    const QFont font = EditorTheme::editorFont();

    if (QsciLexer *lex = lexer()) {
        lex->setDefaultFont(font);
        lex->setDefaultPaper(m_theme.paper);
        lex->setDefaultColor(m_theme.text);
        lex->setFont(font, -1);
        lex->setPaper(m_theme.paper, -1);
        lex->setColor(m_theme.text, -1);
        applyLexerTheme(m_theme, font);
    } else {
        setFont(font);
        setPaper(m_theme.paper);
        setColor(m_theme.text);
    }

    setMarginsFont(font);
    setMarginsBackgroundColor(m_theme.marginPaper);
    setMarginsForegroundColor(m_theme.marginText);
    setFoldMarginColors(m_theme.marginPaper, m_theme.marginPaper);
    setCaretForegroundColor(m_theme.caret);
    setCaretLineBackgroundColor(m_theme.caretLine);
    setSelectionBackgroundColor(m_theme.selection);
    setSelectionForegroundColor(m_theme.selectionText);
    setMatchedBraceBackgroundColor(m_theme.braceMatch);
    setMatchedBraceForegroundColor(m_theme.text);
    setUnmatchedBraceForegroundColor(m_theme.error);
    setUnmatchedBraceBackgroundColor(m_theme.paper);
    setIndicatorForegroundColor(m_theme.error, ErrorIndicator);
    setIndicatorForegroundColor(m_theme.warning, WarningIndicator);
    QColor match = m_theme.selection; // QScintilla takes a box's alpha from the colour
    match.setAlpha(90);
    setIndicatorForegroundColor(match, MatchIndicator);
    defineMarkers();

    m_lineDigits = 0;
    updateLineNumberMarginWidth();
    m_applyingTheme = false;
}

void CodeEditor::defineMarkers()
{
    const int size = qMax(12, QFontMetrics(EditorTheme::editorFont()).height() - 4);
    markerDefine(EditorTheme::severityImage(Severity::Error, m_theme.error, size), ErrorMarker);
    markerDefine(EditorTheme::severityImage(Severity::Warning, m_theme.warning, size),
                 WarningMarker);
    setMarginWidth(FindingMargin, size + 6);
}

void CodeEditor::updateLineNumberMarginWidth()
{
    const int digits = qMax(2, int(QString::number(lines()).size()));
    if (digits == m_lineDigits)
        return;
    m_lineDigits = digits;
    const QByteArray sample(digits, '9');
    const long width = SendScintilla(SCI_TEXTWIDTH, STYLE_LINENUMBER, sample.constData());
    setMarginWidth(LineNumberMargin, int(width) + 14);
}

QList<CodeEditor::ByteRange> CodeEditor::placeFindings(const QList<Finding> &findings) const
{
    QList<ByteRange> ranges(findings.size());
    const auto *data = static_cast<const char *>(SendScintillaPtrResult(SCI_GETCHARACTERPOINTER));
    const qsizetype size = SendScintilla(SCI_GETLENGTH);

    // Map every start and end offset in one ascending walk over the bytes.
    struct Query
    {
        qsizetype utf16;
        qsizetype *target;
    };
    QList<Query> queries;
    queries.reserve(findings.size() * 2);
    for (qsizetype i = 0; i < findings.size(); ++i) {
        const Finding &f = findings.at(i);
        if (f.offset >= 0) {
            queries.append({f.offset, &ranges[i].start});
            queries.append({f.offset + qMax(0, f.length), &ranges[i].end});
        }
    }
    std::sort(queries.begin(), queries.end(),
              [](const Query &a, const Query &b) { return a.utf16 < b.utf16; });
    Utf8OffsetMapper mapper(data, size);
    for (const Query &q : std::as_const(queries))
        *q.target = mapper.byteOffset(q.utf16);

    const int lineCount = int(SendScintilla(SCI_GETLINECOUNT));
    for (qsizetype i = 0; i < findings.size(); ++i) {
        const Finding &f = findings.at(i);
        ByteRange &r = ranges[i];
        if (f.offset < 0 && f.line > 0) {
            const int line = qMin(f.line, lineCount) - 1;
            const long lineStart = SendScintilla(SCI_POSITIONFROMLINE, line);
            const long lineEnd = SendScintilla(SCI_GETLINEENDPOSITION, line);
            long pos = lineStart;
            if (f.column > 1)
                pos = qMin(lineEnd, long(SendScintilla(SCI_POSITIONRELATIVECODEUNITS, lineStart,
                                                       f.column - 1)));
            r.start = r.end = pos;
        }
    }
    return ranges;
}

void CodeEditor::setFindings(const QList<Finding> &findings)
{
    const long length = SendScintilla(SCI_GETLENGTH);
    for (int indicator : {ErrorIndicator, WarningIndicator}) {
        SendScintilla(SCI_SETINDICATORCURRENT, indicator);
        SendScintilla(SCI_INDICATORCLEARRANGE, 0, length);
    }
    markerDeleteAll(ErrorMarker);
    markerDeleteAll(WarningMarker);

    m_findings = findings;
    m_placements = placeFindings(findings);
    m_order.clear();
    m_order.reserve(findings.size());

    for (qsizetype i = 0; i < findings.size(); ++i) {
        const Finding &f = findings.at(i);
        const ByteRange &r = m_placements.at(i);
        if (!r.isValid())
            continue;
        m_order.append(i);
        const bool error = f.isError();
        markerAdd(int(lineOf(r.start)), error ? ErrorMarker : WarningMarker);
        if (f.offset < 0)
            continue;
        long start = r.start;
        long end = r.end;
        if (end <= start) {
            // A point finding still needs one character to be visible.
            if (start < length)
                end = SendScintilla(SCI_POSITIONAFTER, start);
            else if (start > 0)
                start = SendScintilla(SCI_POSITIONBEFORE, start);
        }
        if (end <= start)
            continue;
        SendScintilla(SCI_SETINDICATORCURRENT, error ? ErrorIndicator : WarningIndicator);
        SendScintilla(SCI_SETINDICATORVALUE, int(i + 1));
        SendScintilla(SCI_INDICATORFILLRANGE, start, end - start);
    }
    std::stable_sort(m_order.begin(), m_order.end(), [this](qsizetype a, qsizetype b) {
        return m_placements.at(a).start < m_placements.at(b).start;
    });
}

void CodeEditor::setMatchHighlights(const QList<ByteRange> &ranges)
{
    SendScintilla(SCI_SETINDICATORCURRENT, MatchIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, SendScintilla(SCI_GETLENGTH));
    for (const ByteRange &r : ranges) {
        if (r.end > r.start)
            SendScintilla(SCI_INDICATORFILLRANGE, long(r.start), long(r.end - r.start));
    }
}

void CodeEditor::shiftPlacements(int position, int modificationType, int length)
{
    const bool inserted = modificationType & SC_MOD_INSERTTEXT;
    const bool deleted = modificationType & SC_MOD_DELETETEXT;
    if ((!inserted && !deleted) || m_placements.isEmpty())
        return;
    for (ByteRange &r : m_placements) {
        if (!r.isValid())
            continue;
        if (inserted) {
            // Text typed at a range's end extends nothing; a point range moves along.
            const bool point = r.start == r.end;
            if (r.start >= position)
                r.start += length;
            if (r.end > position || (point && r.end == position))
                r.end += length;
        } else {
            if (r.start > position)
                r.start = qMax<qsizetype>(position, r.start - length);
            if (r.end > position)
                r.end = qMax<qsizetype>(position, r.end - length);
        }
    }
}

CodeEditor::ByteRange CodeEditor::byteRange(const Finding &finding) const
{
    const qsizetype i = m_findings.indexOf(finding);
    if (i >= 0)
        return m_placements.at(i);
    return placeFindings({finding}).value(0);
}

QStringList CodeEditor::findingMessagesAt(qsizetype bytePosition) const
{
    QStringList messages;
    for (int indicator : {ErrorIndicator, WarningIndicator}) {
        const long value = SendScintilla(SCI_INDICATORVALUEAT,
                                         static_cast<unsigned long>(indicator), long(bytePosition));
        if (value > 0 && value <= m_findings.size())
            messages.append(core::findingMessage(m_findings.at(value - 1)));
    }
    return messages;
}

QStringList CodeEditor::findingMessagesOnLine(int line) const
{
    QStringList errors;
    QStringList warnings;
    for (qsizetype i : m_order) {
        const ByteRange &r = m_placements.at(i);
        if (lineOf(r.start) == line)
            (m_findings.at(i).isError() ? errors : warnings)
                .append(core::findingMessage(m_findings.at(i)));
    }
    return errors + warnings;
}

void CodeEditor::showDwellTip(int position, int x, int y)
{
    QStringList messages;
    int marginsWidth = 0;
    for (int m = 0; m < margins(); ++m)
        marginsWidth += marginWidth(m);
    if (x < marginsWidth) {
        const long pos = SendScintilla(SCI_POSITIONFROMPOINT, marginsWidth + 1, y);
        messages = findingMessagesOnLine(int(SendScintilla(SCI_LINEFROMPOSITION, pos)));
    } else if (position >= 0) {
        messages = findingMessagesAt(position);
        if (messages.isEmpty() && position > 0)
            messages = findingMessagesAt(SendScintilla(SCI_POSITIONBEFORE, position));
    }
    if (messages.isEmpty())
        return;
    for (QString &m : messages)
        m = m.toHtmlEscaped();
    const QString tip = messages.join(QStringLiteral("<br>"));
    QToolTip::showText(viewport()->mapToGlobal(QPoint(x, y)), tip, viewport());
}

void CodeEditor::selectBytes(qsizetype start, qsizetype end)
{
    // Caret at the start, so that the start is what gets scrolled into view.
    SendScintilla(SCI_SETSEL, static_cast<unsigned long>(end), long(start));
    const long line = lineOf(start);
    SendScintilla(SCI_ENSUREVISIBLEENFORCEPOLICY, line);
    SendScintilla(SCI_SCROLLCARET);
}

void CodeEditor::goTo(const Finding &finding)
{
    ByteRange r = byteRange(finding);
    if (!r.isValid())
        r = {0, 0};
    selectBytes(r.start, qMax(r.start, r.end));
    setFocus(Qt::OtherFocusReason);
}

void CodeEditor::nextFinding()
{
    if (m_order.isEmpty())
        return;
    const qsizetype caret = caretBytePosition();
    for (qsizetype i : std::as_const(m_order)) {
        if (m_placements.at(i).start > caret) {
            goTo(m_findings.at(i));
            return;
        }
    }
    goTo(m_findings.at(m_order.first()));
}

void CodeEditor::previousFinding()
{
    if (m_order.isEmpty())
        return;
    const qsizetype caret = caretBytePosition();
    for (auto it = m_order.crbegin(); it != m_order.crend(); ++it) {
        if (m_placements.at(*it).start < caret) {
            goTo(m_findings.at(*it));
            return;
        }
    }
    goTo(m_findings.at(m_order.last()));
}

qsizetype CodeEditor::caretBytePosition() const
{
    return SendScintilla(SCI_GETCURRENTPOS);
}

int CodeEditor::caretLine() const
{
    return lineOf(caretBytePosition());
}

int CodeEditor::lineOf(qsizetype bytePosition) const
{
    return int(SendScintilla(SCI_LINEFROMPOSITION, long(bytePosition)));
}

} // namespace retell::ui
