#pragma once

#include "EditorTheme.h"
#include "domain/Finding.h"

#include <Qsci/qsciscintilla.h>

#include <QKeySequence>
#include <QList>

namespace retell::ui {

// Base editor: line numbers, a marker margin and squiggles for validator
// findings, hover tips, finding navigation and a palette-derived theme.
// Findings carry UTF-16 offsets; Scintilla positions are UTF-8 bytes.
class CodeEditor : public QsciScintilla
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeEditor)

public:
    enum Marker
    {
        WarningMarker = 8,
        ErrorMarker = 9
    };
    enum Indicator
    {
        WarningIndicator = 8,
        ErrorIndicator = 9,
        MatchIndicator = 10 // every match of the find bar's text
    };
    enum Margin
    {
        LineNumberMargin = 0,
        FindingMargin = 1
    };

    struct ByteRange
    {
        qsizetype start = -1;
        qsizetype end = -1;
        bool isValid() const { return start >= 0; }
    };

    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    // Shows findings for the current text; positions are mapped once here and
    // then follow edits (Scintilla moves markers and indicators with the text).
    void setFindings(const QList<core::Finding> &findings);
    const QList<core::Finding> &findings() const { return m_findings; }
    // Where a finding sits in the current text, in bytes; invalid for
    // whole-document findings.
    ByteRange byteRange(const core::Finding &finding) const;
    // Messages of the findings under a byte position (errors first).
    QStringList findingMessagesAt(qsizetype bytePosition) const;
    QStringList findingMessagesOnLine(int line) const;

    // Moves the caret to a finding, selects its range and shows it.
    void goTo(const core::Finding &finding);

    // Caret position and the line it is on, in bytes / 0-based lines.
    qsizetype caretBytePosition() const;
    int caretLine() const;
    int lineOf(qsizetype bytePosition) const;

    // Highlights these byte ranges as matches (replacing earlier ones).
    void setMatchHighlights(const QList<ByteRange> &ranges);

    // Drops the editor's built-in bindings of these keys (e.g. Scintilla's
    // Ctrl+L "cut line"), so that a window's shortcuts of the same keys win.
    void yieldKeys(const QList<QKeySequence> &keys);
    // On: Tab and Shift+Tab move focus instead of indenting.
    void setTabMovesFocus(bool on) { m_tabMovesFocus = on; }
    bool tabMovesFocus() const { return m_tabMovesFocus; }

    const EditorTheme &theme() const { return m_theme; }
    void setLexer(QsciLexer *lexer = nullptr) override;
    // Replaces the text; wrapping is then done lazily (wrapping 1 MB up front
    // takes half a second).
    void setText(const QString &text) override;

public slots:
    void nextFinding();
    void previousFinding();

protected:
    void changeEvent(QEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void keyPressEvent(QKeyEvent *event) override;
    // Subclasses colour their lexer's styles here; paper, default colour and
    // font of every style are already set.
    virtual void applyLexerTheme(const EditorTheme &theme, const QFont &font);
    void applyTheme();

private:
    // Byte ranges of findings, parallel to the list; invalid for whole-document ones.
    QList<ByteRange> placeFindings(const QList<core::Finding> &findings) const;
    void shiftPlacements(int position, int modificationType, int length);
    void updateLineNumberMarginWidth();
    void showDwellTip(int position, int x, int y);
    void selectBytes(qsizetype start, qsizetype end);
    void defineMarkers();

    QList<core::Finding> m_findings;
    QList<ByteRange> m_placements; // parallel to m_findings, kept current on edits
    QList<qsizetype> m_order;      // indexes into m_findings, by position
    EditorTheme m_theme;
    int m_lineDigits = 0;
    bool m_applyingTheme = false;
    bool m_tabMovesFocus = false;
};

} // namespace retell::ui
