#include "merge/PromptMergePane.h"

#include "merge/ConflictMarkers.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTextBlock>
#include <QVBoxLayout>

namespace retell::ui {

using namespace retell::core;

namespace {

const QColor kConflict(255, 205, 205);
const QColor kMergedInLine(255, 240, 170);

QPlainTextEdit *makeEditor(QWidget *parent, bool readOnly)
{
    auto *editor = new QPlainTextEdit(parent);
    editor->setReadOnly(readOnly);
    editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return editor;
}

QTextEdit::ExtraSelection lineSelection(QTextDocument *document, int firstLine, int lineCount,
                                        const QColor &colour)
{
    QTextEdit::ExtraSelection selection;
    QTextCursor cursor(document->findBlockByNumber(firstLine));
    const QTextBlock last =
        document->findBlockByNumber(std::max(firstLine, firstLine + lineCount - 1));
    cursor.setPosition(last.isValid() ? last.position() + last.length() - 1
                                      : document->characterCount() - 1,
                       QTextCursor::KeepAnchor);
    selection.cursor = cursor;
    selection.format.setBackground(colour);
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    return selection;
}

QList<QTextEdit::ExtraSelection>
lineSelections(QPlainTextEdit *editor, const QList<LineRange> &ranges, const QColor &colour)
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const LineRange &range : ranges) {
        if (range.count > 0)
            selections.append(lineSelection(editor->document(), range.start, range.count, colour));
    }
    return selections;
}

} // namespace

PromptMergePane::PromptMergePane(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    auto *previous = new QPushButton(tr("Previous conflict"), this);
    auto *next = new QPushButton(tr("Next conflict"), this);
    previous->setToolTip(QKeySequence(Qt::SHIFT | Qt::Key_F7).toString(QKeySequence::NativeText));
    next->setToolTip(QKeySequence(Qt::Key_F7).toString(QKeySequence::NativeText));
    bar->addWidget(previous);
    bar->addWidget(next);
    bar->addSpacing(12);
    const QList<QPair<QString, ConflictChoice>> choices{
        {tr("Take theirs"), ConflictChoice::Theirs},
        {tr("Take ours"), ConflictChoice::Ours},
        {tr("Both, theirs first"), ConflictChoice::TheirsThenOurs},
        {tr("Both, ours first"), ConflictChoice::OursThenTheirs},
    };
    for (const auto &[label, choice] : choices) {
        auto *button = new QPushButton(label, this);
        connect(button, &QPushButton::clicked, this, [this, choice = choice] { take(choice); });
        bar->addWidget(button);
        m_choiceButtons.append(button);
    }
    bar->addStretch();
    m_showBase = new QCheckBox(tr("Show base"), this);
    bar->addWidget(m_showBase);
    layout->addLayout(bar);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    const auto column = [&](const QString &title, QPlainTextEdit *editor) {
        auto *box = new QWidget(splitter);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->addWidget(new QLabel(title, box));
        boxLayout->addWidget(editor);
        splitter->addWidget(box);
        return box;
    };
    m_inputs[MergeInput::Theirs] = makeEditor(splitter, true);
    m_result = makeEditor(splitter, false);
    m_inputs[MergeInput::Ours] = makeEditor(splitter, true);
    m_inputs[MergeInput::Base] = makeEditor(splitter, true);
    column(tr("Theirs (deployed meanwhile)"), m_inputs[MergeInput::Theirs]);
    column(tr("Result"), m_result);
    column(tr("Ours (your edit)"), m_inputs[MergeInput::Ours]);
    QWidget *baseColumn = column(tr("Base"), m_inputs[MergeInput::Base]);
    baseColumn->setVisible(false);
    m_result->setObjectName(QStringLiteral("mergeResult"));
    layout->addWidget(splitter, 1);

    connect(m_showBase, &QCheckBox::toggled, baseColumn, &QWidget::setVisible);
    connect(previous, &QPushButton::clicked, this, &PromptMergePane::previousConflict);
    connect(next, &QPushButton::clicked, this, &PromptMergePane::nextConflict);
    auto *nextKey = new QShortcut(QKeySequence(Qt::Key_F7), this);
    auto *previousKey = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7), this);
    nextKey->setContext(Qt::WidgetWithChildrenShortcut);
    previousKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(nextKey, &QShortcut::activated, this, &PromptMergePane::nextConflict);
    connect(previousKey, &QShortcut::activated, this, &PromptMergePane::previousConflict);
    connect(m_result, &QPlainTextEdit::textChanged, this, [this] {
        highlightResult();
        emit resultChanged();
    });
}

PromptMergePane::~PromptMergePane() = default;

QPlainTextEdit *PromptMergePane::editor(MergeInput input) const
{
    return m_inputs[input];
}

void PromptMergePane::setMerge(const TextMerge &merge)
{
    PerInput<QList<LineRange>> conflictLines;
    for (const TextConflict &conflict : merge.conflicts) {
        for (const MergeInput input : allInputs)
            conflictLines[input].append(conflict.lines[input]);
    }
    for (const MergeInput input : allInputs) {
        m_inputs[input]->setPlainText(QString::fromUtf8(merge.lines[input].bytes));
        m_inputs[input]->setExtraSelections(
            lineSelections(m_inputs[input], conflictLines[input], kConflict));
    }

    // Where the regions merged inside a line land in the result.
    MarkerStyle style;
    style.showBase = false;
    QList<LineRange> mergedInLine;
    int line = 0;
    for (const MergeRegion &region : merge.regions) {
        const int lines =
            int(regionText(merge, region, ConflictChoice::Unresolved, style).count('\n'));
        if (region.kind == RegionKind::MergedInLine)
            mergedInLine.append({line, lines});
        line += lines;
    }
    m_mergedInLine = int(mergedInLine.size());
    m_result->setPlainText(QString::fromUtf8(mergedText(merge, {}, style)));
    m_result->document()->clearUndoRedoStacks();
    // Anchored once: the selections' cursors move with later edits.
    m_mergedSelections = lineSelections(m_result, mergedInLine, kMergedInLine);
    highlightResult();
    const QList<MarkerBlock> blocks = findConflictMarkers(m_result->toPlainText());
    if (!blocks.isEmpty())
        goTo(blocks.first().start, blocks.first().ours, blocks.first().theirs);
}

QString PromptMergePane::resultText() const
{
    return m_result->toPlainText();
}

int PromptMergePane::conflictsLeft() const
{
    return int(findConflictMarkers(m_result->toPlainText()).size());
}

void PromptMergePane::highlightResult()
{
    QList<QTextEdit::ExtraSelection> selections = m_mergedSelections;
    const QString text = m_result->toPlainText();
    for (const MarkerBlock &block : findConflictMarkers(text)) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_result->document());
        selection.cursor.setPosition(int(block.start));
        selection.cursor.setPosition(int(block.end > block.start ? block.end - 1 : block.end),
                                     QTextCursor::KeepAnchor);
        selection.format.setBackground(kConflict);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(selection);
    }
    m_result->setExtraSelections(selections);
    const bool any = text.contains(QLatin1String("<<<<<<<"));
    for (QPushButton *button : std::as_const(m_choiceButtons))
        button->setEnabled(any);
}

bool PromptMergePane::nextConflict()
{
    const int cursor = m_result->textCursor().position();
    for (const MarkerBlock &block : findConflictMarkers(m_result->toPlainText())) {
        if (block.start > cursor) {
            goTo(block.start, block.ours, block.theirs);
            return true;
        }
    }
    return false;
}

bool PromptMergePane::previousConflict()
{
    const int cursor = m_result->textCursor().position();
    const QList<MarkerBlock> blocks = findConflictMarkers(m_result->toPlainText());
    for (qsizetype i = blocks.size() - 1; i >= 0; --i) {
        if (blocks[i].start < cursor) {
            goTo(blocks[i].start, blocks[i].ours, blocks[i].theirs);
            return true;
        }
    }
    return false;
}

bool PromptMergePane::take(ConflictChoice choice)
{
    const QString text = m_result->toPlainText();
    const int cursor = m_result->textCursor().position();
    for (const MarkerBlock &block : findConflictMarkers(text)) {
        if (block.end <= cursor && block.end != text.size())
            continue;
        QTextCursor edit(m_result->document());
        edit.setPosition(int(block.start));
        edit.setPosition(int(block.end), QTextCursor::KeepAnchor);
        edit.insertText(resolvedBlock(text, block, choice)); // one undo step
        m_result->setTextCursor(edit);
        return true;
    }
    return false;
}

// Puts the result's cursor on a conflict and scrolls ours and theirs to
// its lines there.
void PromptMergePane::goTo(qsizetype position, const QString &ours, const QString &theirs)
{
    QTextCursor cursor = m_result->textCursor();
    cursor.setPosition(int(position));
    m_result->setTextCursor(cursor);
    m_result->centerCursor();
    const QList<QPair<MergeInput, QString>> sides{{MergeInput::Ours, ours},
                                                  {MergeInput::Theirs, theirs}};
    for (const auto &[input, text] : sides) {
        QPlainTextEdit *editor = m_inputs[input];
        const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
        if (firstLine.isEmpty())
            continue;
        const qsizetype at = editor->toPlainText().indexOf(firstLine);
        if (at < 0)
            continue;
        QTextCursor c = editor->textCursor();
        c.setPosition(int(at));
        editor->setTextCursor(c);
        editor->centerCursor();
    }
}

} // namespace retell::ui
