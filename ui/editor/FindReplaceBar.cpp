#include "FindReplaceBar.h"

#include "CodeEditor.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace retell::ui {

namespace {

// An empty regex match replaced by nothing would never advance.
constexpr int kMaxReplacements = 10'000'000;
// Counting and highlighting stop here ("10000+ matches").
constexpr int kMaxCountedMatches = 10'000;

QToolButton *toolButton(QWidget *parent, QStyle::StandardPixmap icon, const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

QShortcut *shortcut(const QKeySequence &keys, QWidget *scope)
{
    auto *s = new QShortcut(keys, scope);
    s->setContext(Qt::WidgetWithChildrenShortcut);
    return s;
}

} // namespace

FindReplaceBar::FindReplaceBar(CodeEditor *editor, QWidget *parent)
    : QWidget(parent), m_editor(editor), m_findField(new QLineEdit(this)),
      m_replaceField(new QLineEdit(this)), m_matchCase(new QCheckBox(tr("Match case"), this)),
      m_wholeWords(new QCheckBox(tr("Whole words"), this)),
      m_regex(new QCheckBox(tr("Regex"), this)),
      m_previousButton(toolButton(this, QStyle::SP_ArrowUp, tr("Previous match (Shift+F3)"))),
      m_nextButton(toolButton(this, QStyle::SP_ArrowDown, tr("Next match (F3)"))),
      m_replaceButton(new QPushButton(tr("Replace"), this)),
      m_replaceAllButton(new QPushButton(tr("Replace all"), this)), m_replaceRow(new QWidget(this)),
      m_status(new QLabel(this))
{
    m_findField->setPlaceholderText(tr("Find"));
    m_findField->setClearButtonEnabled(true);
    m_replaceField->setPlaceholderText(tr("Replace with"));
    m_regex->setToolTip(tr("C++11 (ECMAScript) regular expression"));
    auto *closeButton = toolButton(this, QStyle::SP_TitleBarCloseButton, tr("Close (Esc)"));

    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_findField, 1);
    findRow->addWidget(m_previousButton);
    findRow->addWidget(m_nextButton);
    findRow->addWidget(m_matchCase);
    findRow->addWidget(m_wholeWords);
    findRow->addWidget(m_regex);
    findRow->addWidget(m_status);
    findRow->addStretch();
    findRow->addWidget(closeButton);

    auto *replaceRow = new QHBoxLayout(m_replaceRow);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    replaceRow->addWidget(m_replaceField, 1);
    replaceRow->addWidget(m_replaceButton);
    replaceRow->addWidget(m_replaceAllButton);
    replaceRow->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);
    // Both fields get the same width so the rows line up.
    m_findField->setMinimumWidth(260);
    m_replaceField->setMinimumWidth(260);

    connect(m_findField, &QLineEdit::returnPressed, this, &FindReplaceBar::findNext);
    connect(m_findField, &QLineEdit::textEdited, this, [this] {
        m_matchStart = m_matchEnd = -1;
        updateMatches();
    });
    for (QCheckBox *option : {m_matchCase, m_wholeWords, m_regex})
        connect(option, &QCheckBox::toggled, this, &FindReplaceBar::updateMatches);
    connect(m_replaceField, &QLineEdit::returnPressed, this, &FindReplaceBar::replaceCurrent);
    connect(m_nextButton, &QToolButton::clicked, this, &FindReplaceBar::findNext);
    connect(m_previousButton, &QToolButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(m_replaceButton, &QPushButton::clicked, this, &FindReplaceBar::replaceCurrent);
    connect(m_replaceAllButton, &QPushButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(closeButton, &QToolButton::clicked, this, &FindReplaceBar::close);

    m_ownShortcuts = {shortcut(QKeySequence::Find, m_editor),
                      shortcut(QKeySequence(Qt::CTRL | Qt::Key_H), m_editor)};
    connect(m_ownShortcuts[0], &QShortcut::activated, this, &FindReplaceBar::showFind);
    connect(m_ownShortcuts[1], &QShortcut::activated, this, &FindReplaceBar::showReplace);
    for (QWidget *scope : {static_cast<QWidget *>(m_editor), static_cast<QWidget *>(this)}) {
        QShortcut *next = shortcut(QKeySequence(Qt::Key_F3), scope);
        QShortcut *previous = shortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), scope);
        connect(next, &QShortcut::activated, this, &FindReplaceBar::findNext);
        connect(previous, &QShortcut::activated, this, &FindReplaceBar::findPrevious);
        m_ownShortcuts << next << previous;
    }
    // Esc only from the bar: in the editor it belongs to the completion list.
    connect(shortcut(QKeySequence(Qt::Key_Escape), this), &QShortcut::activated, this,
            &FindReplaceBar::close);

    hide();
}

FindReplaceBar::~FindReplaceBar() = default;

void FindReplaceBar::setFindText(const QString &text)
{
    m_findField->setText(text);
    m_matchStart = m_matchEnd = -1;
}

void FindReplaceBar::setReplaceText(const QString &text)
{
    m_replaceField->setText(text);
}

void FindReplaceBar::setMatchCase(bool on)
{
    m_matchCase->setChecked(on);
}

void FindReplaceBar::setWholeWords(bool on)
{
    m_wholeWords->setChecked(on);
}

void FindReplaceBar::setRegularExpression(bool on)
{
    m_regex->setChecked(on);
}

void FindReplaceBar::setReplaceEnabled(bool enabled)
{
    m_replaceEnabled = enabled;
    if (!enabled)
        m_replaceRow->hide();
}

void FindReplaceBar::setOwnShortcutsEnabled(bool enabled)
{
    for (QShortcut *s : std::as_const(m_ownShortcuts))
        s->setEnabled(enabled);
}

QString FindReplaceBar::statusText() const
{
    return m_status->text();
}

void FindReplaceBar::openWithSelection()
{
    const QString selected = m_editor->selectedText();
    if (!selected.isEmpty() && !selected.contains(QLatin1Char('\n')))
        setFindText(selected);
    show();
    m_findField->setFocus(Qt::ShortcutFocusReason);
    m_findField->selectAll();
}

void FindReplaceBar::showFind()
{
    m_replaceRow->hide();
    openWithSelection();
}

void FindReplaceBar::showReplace()
{
    if (!m_replaceEnabled || m_editor->isReadOnly()) {
        showFind();
        return;
    }
    m_replaceRow->show();
    openWithSelection();
}

void FindReplaceBar::close()
{
    hide();
    m_matches.clear();
    m_editor->setMatchHighlights({});
    m_editor->setFocus(Qt::OtherFocusReason);
}

void FindReplaceBar::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText,
                 problem ? m_editor->theme().error : palette().color(QPalette::WindowText));
    m_status->setPalette(pal);
}

bool FindReplaceBar::find(bool forward)
{
    const QString expr = m_findField->text();
    if (expr.isEmpty())
        return false;
    const bool re = m_regex->isChecked();
    // Backwards, start before the current match so it is not found again.
    int line = -1;
    int index = -1;
    if (!forward && m_editor->hasSelectedText()) {
        int lineTo = 0;
        int indexTo = 0;
        m_editor->getSelection(&line, &index, &lineTo, &indexTo);
    }
    const bool found =
        m_editor->findFirst(expr, re, m_matchCase->isChecked(), m_wholeWords->isChecked(), true,
                            forward, line, index, true, false, re);
    if (found) {
        m_matchStart = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART);
        m_matchEnd = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONEND);
        updateMatches();
        showPosition();
    } else {
        updateMatches();
        m_matchStart = m_matchEnd = -1;
        setStatus(tr("No matches"), true);
    }
    return found;
}

void FindReplaceBar::updateMatches()
{
    m_matches.clear();
    const QByteArray expr = m_findField->text().toUtf8();
    QList<CodeEditor::ByteRange> ranges;
    if (!expr.isEmpty()) {
        using Base = QsciScintillaBase;
        unsigned long flags = 0;
        if (m_matchCase->isChecked())
            flags |= Base::SCFIND_MATCHCASE;
        if (m_wholeWords->isChecked())
            flags |= Base::SCFIND_WHOLEWORD;
        if (m_regex->isChecked())
            flags |= Base::SCFIND_REGEXP | Base::SCFIND_CXX11REGEX;
        // QScintilla's own find sets the target each time; keep it anyway.
        const long targetStart = m_editor->SendScintilla(Base::SCI_GETTARGETSTART);
        const long targetEnd = m_editor->SendScintilla(Base::SCI_GETTARGETEND);
        const long length = m_editor->SendScintilla(Base::SCI_GETLENGTH);
        m_editor->SendScintilla(Base::SCI_SETSEARCHFLAGS, flags);
        long from = 0;
        while (from <= length && m_matches.size() < kMaxCountedMatches) {
            m_editor->SendScintilla(Base::SCI_SETTARGETSTART, static_cast<unsigned long>(from));
            m_editor->SendScintilla(Base::SCI_SETTARGETEND, static_cast<unsigned long>(length));
            const long found =
                m_editor->SendScintilla(Base::SCI_SEARCHINTARGET,
                                        static_cast<unsigned long>(expr.size()), expr.constData());
            if (found < 0)
                break;
            const long end = m_editor->SendScintilla(Base::SCI_GETTARGETEND);
            m_matches.append({found, end});
            ranges.append({found, end});
            const long next =
                end > found ? end
                            : long(m_editor->SendScintilla(Base::SCI_POSITIONAFTER,
                                                           static_cast<unsigned long>(found)));
            if (next <= from)
                break;
            from = next;
        }
        m_editor->SendScintilla(Base::SCI_SETTARGETSTART, static_cast<unsigned long>(targetStart));
        m_editor->SendScintilla(Base::SCI_SETTARGETEND, static_cast<unsigned long>(targetEnd));
    }
    m_editor->setMatchHighlights(ranges);
    const int count = int(m_matches.size());
    if (expr.isEmpty())
        setStatus({}, false);
    else if (count == 0)
        setStatus(tr("No matches"), true);
    else if (count >= kMaxCountedMatches)
        setStatus(tr("%1+ matches").arg(QLocale().toString(count)), false);
    else
        setStatus(tr("%Ln match(es)", nullptr, count), false);
}

void FindReplaceBar::showPosition()
{
    const qsizetype count = m_matches.size();
    for (qsizetype i = 0; i < count; ++i) {
        if (m_matches.at(i).first == m_matchStart) {
            const QLocale locale;
            const QString total = count >= kMaxCountedMatches
                                      ? tr("%1+").arg(locale.toString(qlonglong(count)))
                                      : locale.toString(qlonglong(count));
            setStatus(tr("%1 of %2").arg(locale.toString(qlonglong(i + 1)), total), false);
            return;
        }
    }
}

bool FindReplaceBar::findNext()
{
    if (isHidden())
        show();
    return find(true);
}

bool FindReplaceBar::findPrevious()
{
    if (isHidden())
        show();
    return find(false);
}

bool FindReplaceBar::selectionIsMatch() const
{
    return m_matchStart >= 0 &&
           m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART) == m_matchStart &&
           m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONEND) == m_matchEnd;
}

bool FindReplaceBar::replaceCurrent()
{
    if (!m_replaceEnabled || m_editor->isReadOnly())
        return false;
    if (!selectionIsMatch())
        return find(true);
    m_editor->replace(m_replaceField->text());
    return find(true);
}

int FindReplaceBar::replaceAll()
{
    const QString expr = m_findField->text();
    if (expr.isEmpty() || !m_replaceEnabled || m_editor->isReadOnly())
        return 0;
    const bool re = m_regex->isChecked();
    const QString replacement = m_replaceField->text();
    int count = 0;
    long lastEmptyMatch = -1;
    m_editor->beginUndoAction();
    bool found = m_editor->findFirst(expr, re, m_matchCase->isChecked(), m_wholeWords->isChecked(),
                                     false, true, 0, 0, false, false, re);
    while (found && count < kMaxReplacements) {
        const long start = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART);
        const long end = m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONEND);
        if (start == end) {
            if (start == lastEmptyMatch)
                break;
            lastEmptyMatch = start;
        }
        m_editor->replace(replacement);
        ++count;
        found = m_editor->findNext();
    }
    m_editor->endUndoAction();
    m_matchStart = m_matchEnd = -1;
    updateMatches();
    if (count == 0)
        setStatus(tr("No matches"), true);
    else
        setStatus(tr("Replaced %Ln occurrence(s)", nullptr, count), false);
    return count;
}

} // namespace retell::ui
