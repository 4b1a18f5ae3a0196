#pragma once

class QApplication;

namespace retell::ui {

// The platform style stays; this only swaps in a dark palette (Fusion, whose
// drawing follows the palette) for people and screenshots that want one.
void applyDarkPalette(QApplication &app);

} // namespace retell::ui
