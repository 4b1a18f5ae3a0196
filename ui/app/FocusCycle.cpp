#include "app/FocusCycle.h"

#include <QApplication>
#include <QWidget>

namespace retell::ui {

FocusCycle::FocusCycle(QObject *parent) : QObject(parent) {}

FocusCycle::~FocusCycle() = default;

void FocusCycle::addStop(Stop stop)
{
    m_stops.append(std::move(stop));
}

int FocusCycle::currentStop() const
{
    const QWidget *focus = QApplication::focusWidget();
    if (!focus)
        return -1;
    // The innermost area wins: the prompt editor sits inside the editor pane.
    int found = -1;
    for (int i = 0; i < m_stops.size(); ++i) {
        const QWidget *area = m_stops.at(i).area;
        if (area == focus || area->isAncestorOf(focus)) {
            if (found < 0 || m_stops.at(found).area->isAncestorOf(area))
                found = i;
        }
    }
    return found;
}

QWidget *FocusCycle::firstFocusable(QWidget *area)
{
    if (area->focusPolicy() & Qt::TabFocus)
        return area;
    for (QWidget *w = area->nextInFocusChain(); w && w != area; w = w->nextInFocusChain()) {
        if (area->isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus) && w->isEnabled() &&
            w->isVisibleTo(area))
            return w;
    }
    return area;
}

void FocusCycle::step(int direction)
{
    const int count = int(m_stops.size());
    if (count == 0)
        return;
    const int from = currentStop();
    int index = from < 0 ? (direction > 0 ? -1 : count) : from;
    for (int tries = 0; tries < count; ++tries) {
        index = (index + direction + count) % count;
        const Stop &stop = m_stops.at(index);
        if (stop.available && !stop.available())
            continue;
        if (stop.reveal)
            stop.reveal();
        QWidget *target = stop.target ? stop.target() : firstFocusable(stop.area);
        target->setFocus(direction > 0 ? Qt::TabFocusReason : Qt::BacktabFocusReason);
        return;
    }
}

} // namespace retell::ui
