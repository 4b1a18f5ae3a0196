#pragma once

#include "diff/DiffTypes.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QAction;
class QsciScintilla;
class QTabWidget;

namespace retell::ui {

class DiffView;

// Copies a change across in a comparison of an edit against a version, as
// Meld's arrows and Qt Creator's "Revert Chunk" do. Only the edit changes:
// the change's lines on the edit's side are replaced by the other side's,
// in the editor the edit lives in, as one undo step; the comparison then
// follows the editor's text (also after an undo or a typed change).
// Comparisons without a ChangeCopier are read-only and offer nothing.
class ChangeCopier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeCopier)

public:
    enum class Wording
    {
        Revert, // the other side is the version the edit started from
        Take,   // the other side is something else (a template, another branch)
    };

    // `view` compares the other side with the edit on `editSide`, whose
    // prompt is the text of `editor`.
    ChangeCopier(DiffView *view, QsciScintilla *editor, core::Side editSide, Wording wording);
    ~ChangeCopier() override;

    // Copies the current change (F7), or the one under the caret; its
    // shortcut is Alt+Left or Alt+Right, pointing at the edit.
    QAction *action() const { return m_action; }
    QKeySequence shortcut() const;
    core::Side editSide() const { return m_editSide; }
    // Replaces change `index` of the view's layout in the edit; false when
    // the edit is read-only or the comparison is not up to date.
    bool copyChange(int index);
    // The change shown on a row, or -1.
    int changeAtRow(int row) const;
    // Stops following the editor (it shows another branch now): the
    // comparison stays, read-only.
    void detach();

signals:
    void copied(int index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void markChanges();
    int currentChange() const;
    bool canCopy() const;

    DiffView *m_view;
    QPointer<QsciScintilla> m_editor;
    core::Side m_editSide;
    Wording m_wording;
    QAction *m_action = nullptr;
    QTimer m_refresh;
    QTabWidget *m_tabs = nullptr; // the view's Prompt/Tools tabs
};

} // namespace retell::ui
