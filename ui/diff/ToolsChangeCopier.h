#pragma once

#include "ChangeCopier.h"

class QTabWidget;

namespace retell::ui {

class ToolsDiffTree;

// ChangeCopier's counterpart in the Tools tab: the selected tool, or the one
// JSON path selected below it, is copied across into the tools editor the
// edit lives in (core::copyToolChange), as one undo step; only that tool's
// text changes. The comparison follows the tools editor's text.
class ToolsChangeCopier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolsChangeCopier)

public:
    ToolsChangeCopier(DiffView *view, QsciScintilla *editor, core::Side editSide,
                      ChangeCopier::Wording wording);
    ~ToolsChangeCopier() override;

    QAction *action() const { return m_action; }
    // Copies the change of tool `name` (or of `path` inside it); false when
    // the edit is read-only, the comparison is not up to date or has no
    // such change.
    bool copyChange(const QString &name, const QString &path = QString());
    void detach();

signals:
    void copied(const QString &name, const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void updateAction();
    bool canCopy() const;
    void copySelected();

    DiffView *m_view;
    ToolsDiffTree *m_tree;
    QTabWidget *m_tabs = nullptr; // the view's Prompt/Tools tabs
    QPointer<QsciScintilla> m_editor;
    core::Side m_editSide;
    QAction *m_action = nullptr;
    QTimer m_refresh;
};

} // namespace retell::ui
