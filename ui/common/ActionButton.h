#pragma once

#include <QKeySequence>

class QAction;
class QPushButton;
class QWidget;

namespace retell::ui {

// A push button that triggers `action` and follows its enabled state (the
// action keeps the window's key; the button shows it in the window).
// Object name: the action's, with "Action" replaced by "Button".
QPushButton *actionButton(QAction *action, QWidget *parent);
// A key in portable text ("Ctrl+Shift+F"): keys are not translated.
QKeySequence portableKey(const char *text);

} // namespace retell::ui
