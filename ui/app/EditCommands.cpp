#include "app/EditCommands.h"

#include <Qsci/qsciscintilla.h>

#include <QAbstractItemView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace retell::ui {

namespace {

// The same six commands on each kind of widget that has them.
template <typename Editor> bool run(ActionId id, Editor *editor)
{
    switch (id) {
    case ActionId::Undo:
        editor->undo();
        return true;
    case ActionId::Redo:
        editor->redo();
        return true;
    case ActionId::Cut:
        editor->cut();
        return true;
    case ActionId::Copy:
        editor->copy();
        return true;
    case ActionId::Paste:
        editor->paste();
        return true;
    case ActionId::SelectAll:
        editor->selectAll();
        return true;
    default:
        return false;
    }
}

} // namespace

bool runEditCommand(ActionId id, QWidget *focus)
{
    if (auto *scintilla = qobject_cast<QsciScintilla *>(focus))
        return run(id, scintilla);
    if (auto *line = qobject_cast<QLineEdit *>(focus))
        return run(id, line);
    if (auto *plain = qobject_cast<QPlainTextEdit *>(focus))
        return run(id, plain);
    if (auto *text = qobject_cast<QTextEdit *>(focus))
        return run(id, text);
    if (auto *view = qobject_cast<QAbstractItemView *>(focus)) {
        if (id != ActionId::SelectAll)
            return false;
        view->selectAll();
        return true;
    }
    return false;
}

} // namespace retell::ui
