#pragma once

#include <QByteArray>
#include <QRect>
#include <QSize>

class QWidget;

namespace retell::ui {

// Where top-level windows go: inside the available geometry of their screen
// (without panels and docks), never larger, centred on a first start. Every
// top-level window (main, diff, merge, version viewer) places itself here.
namespace windowGeometry {

// Room a window manager's frame takes around a window whose frame is not
// known yet (before the first show).
inline constexpr QSize kFrameAllowance{16, 40};

// A window of `preferred` size (frame excluded), shrunk to fit `available`
// with its frame, centred there.
QRect initial(const QSize &preferred, const QRect &available, const QSize &frame = kFrameAllowance);
// `rect` (frame excluded) shrunk to fit `available` with its frame and moved
// inside it; unchanged when it already fits.
QRect clamped(const QRect &rect, const QRect &available, const QSize &frame = kFrameAllowance);

// Restores `saved` (QWidget::saveGeometry) when there is one, else gives the
// window its preferred size centred; then clamps it to the available
// geometry of the screen it shows on (its parent's screen for a child window).
void place(QWidget *window, const QSize &preferred, const QByteArray &saved = {});

} // namespace windowGeometry
} // namespace retell::ui
