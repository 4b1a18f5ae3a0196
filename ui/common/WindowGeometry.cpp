#include "common/WindowGeometry.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

#include <algorithm>

namespace retell::ui::windowGeometry {

namespace {
QSize frameOf(const QWidget *window)
{
    // Known only once a window manager framed the window.
    const QSize frame = window->frameGeometry().size() - window->geometry().size();
    return window->isVisible() && frame.isValid() && !frame.isNull() ? frame : kFrameAllowance;
}

const QScreen *screenOf(const QWidget *window)
{
    if (const QWidget *parent = window->parentWidget())
        return parent->window()->screen();
    if (const QScreen *screen = window->screen())
        return screen;
    return QGuiApplication::primaryScreen();
}
} // namespace

QRect initial(const QSize &preferred, const QRect &available, const QSize &frame)
{
    const QSize size = preferred.boundedTo(available.size() - frame);
    QRect rect(QPoint(), size);
    rect.moveCenter(available.center());
    return clamped(rect, available, frame);
}

QRect clamped(const QRect &rect, const QRect &available, const QSize &frame)
{
    const QSize room = available.size() - frame;
    QRect out(rect.topLeft(), rect.size().boundedTo(room));
    // The frame's top-left corner is about frame/2 (sides) and the title bar
    // (the rest) away from the client area; keep both inside.
    const int left = available.left() + frame.width() / 2;
    const int top = available.top() + frame.height() - frame.width() / 2;
    const int right = left + room.width() - out.width();
    const int bottom = top + room.height() - out.height();
    out.moveTopLeft(QPoint(std::clamp(out.left(), left, std::max(left, right)),
                           std::clamp(out.top(), top, std::max(top, bottom))));
    return out;
}

void place(QWidget *window, const QSize &preferred, const QByteArray &saved)
{
    const QScreen *screen = screenOf(window);
    if (!screen) {
        window->resize(preferred);
        return;
    }
    const QRect available = screen->availableGeometry();
    const QSize frame = frameOf(window);
    if (!saved.isEmpty() && window->restoreGeometry(saved)) {
        if (window->windowState() & (Qt::WindowMaximized | Qt::WindowFullScreen))
            return; // the window manager fits it to the screen
        window->setGeometry(clamped(window->geometry(), available, frame));
        return;
    }
    window->setGeometry(initial(preferred, available, frame));
}

} // namespace retell::ui::windowGeometry
