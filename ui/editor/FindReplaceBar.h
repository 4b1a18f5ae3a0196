#pragma once

#include <QWidget>

class QCheckBox;
class QShortcut;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace retell::ui {

class CodeEditor;

// Find/replace strip shown under an editor: Ctrl+F find, Ctrl+H replace,
// F3/Shift+F3 next/previous, Esc closes. Searches with QsciScintilla's
// findFirst/findNext/replace, so regular expressions are C++11 ones.
class FindReplaceBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindReplaceBar)

public:
    explicit FindReplaceBar(CodeEditor *editor, QWidget *parent = nullptr);
    ~FindReplaceBar() override;

    void setFindText(const QString &text);
    void setReplaceText(const QString &text);
    void setMatchCase(bool on);
    void setWholeWords(bool on);
    void setRegularExpression(bool on);
    // Replacing is disabled for read-only editors.
    void setReplaceEnabled(bool enabled);
    // Ctrl+F / Ctrl+H on the editor open the bar, F3 / Shift+F3 find; off
    // when a window's actions own those keys (they then call the slots).
    void setOwnShortcutsEnabled(bool enabled);

    QLineEdit *findField() const { return m_findField; }
    QLineEdit *replaceField() const { return m_replaceField; }
    // "3 of 12" after a find, "12 matches" while typing, "No matches".
    QString statusText() const;
    // Matches counted and highlighted for the current text and options.
    int matchCount() const { return int(m_matches.size()); }

public slots:
    void showFind();
    void showReplace();
    bool findNext();
    bool findPrevious();
    // Replaces the current match (if the selection is one) and moves on.
    bool replaceCurrent();
    // Replaces every match in one undo step; returns the count.
    int replaceAll();
    void close();

private:
    bool find(bool forward);
    bool selectionIsMatch() const;
    void setStatus(const QString &text, bool problem);
    void openWithSelection();
    void updateMatches();
    void showPosition();

    CodeEditor *m_editor;
    QList<QShortcut *> m_ownShortcuts;
    QLineEdit *m_findField;
    QLineEdit *m_replaceField;
    QCheckBox *m_matchCase;
    QCheckBox *m_wholeWords;
    QCheckBox *m_regex;
    QToolButton *m_previousButton;
    QToolButton *m_nextButton;
    QPushButton *m_replaceButton;
    QPushButton *m_replaceAllButton;
    QWidget *m_replaceRow;
    QLabel *m_status;
    bool m_replaceEnabled = true;
    QList<std::pair<long, long>> m_matches; // byte ranges, in order
    long m_matchStart = -1;
    long m_matchEnd = -1;
};

} // namespace retell::ui
