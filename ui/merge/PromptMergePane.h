#pragma once

#include "merge/MergeTypes.h"
#include "merge/TextMerge.h"

#include <QTextEdit>
#include <QWidget>

class QCheckBox;
class QPlainTextEdit;
class QPushButton;

namespace retell::ui {

// The prompt tab of the merge window: theirs | result | ours side by side
// (base on demand). The result is editable and starts as the merge with
// git-style markers around each conflict; one-click choices and hand edits
// both act on those markers, through the editor's undo stack. Conflict
// lines are highlighted in ours and theirs, regions merged inside a line in
// the result.
class PromptMergePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptMergePane)

public:
    explicit PromptMergePane(QWidget *parent = nullptr);
    ~PromptMergePane() override;

    void setMerge(const core::TextMerge &merge);
    QString resultText() const;
    // Marker blocks left in the result.
    int conflictsLeft() const;
    int mergedInLineCount() const { return m_mergedInLine; }

    // Moves the result's cursor to the next / previous conflict (F7 /
    // Shift+F7); false when there is none in that direction.
    bool nextConflict();
    bool previousConflict();
    // Resolves the conflict at the cursor (or the next one after it).
    bool take(core::ConflictChoice choice);

    QPlainTextEdit *editor(core::MergeInput input) const;
    QPlainTextEdit *resultEditor() const { return m_result; }

signals:
    void resultChanged();

private:
    void highlightResult();
    void goTo(qsizetype position, const QString &ours, const QString &theirs);

    core::PerInput<QPlainTextEdit *> m_inputs{};
    QPlainTextEdit *m_result = nullptr;
    QCheckBox *m_showBase = nullptr;
    QList<QPushButton *> m_choiceButtons;
    QList<QTextEdit::ExtraSelection> m_mergedSelections; // anchored at setMerge
    int m_mergedInLine = 0;
};

} // namespace retell::ui
