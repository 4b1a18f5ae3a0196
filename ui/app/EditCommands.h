#pragma once

#include "app/ActionRegistry.h"

class QWidget;

namespace retell::ui {

// Runs an Edit menu command (undo, redo, cut, copy, paste, select all) on
// the widget that has focus: code editors, line edits, text views, item
// views (select all). Returns false when that widget has no such command.
bool runEditCommand(ActionId id, QWidget *focus);

} // namespace retell::ui
