#pragma once

#include <QList>
#include <QObject>

#include <functional>

class QWidget;

namespace retell::ui {

// F6 / Shift+F6: moves focus to the next or previous panel of a window, in
// a fixed order, showing the panel first (a tab, a tabbed dock) and
// skipping panels that are closed.
class FocusCycle final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FocusCycle)

public:
    struct Stop
    {
        QWidget *area;                     // focus anywhere inside counts as "here"
        std::function<QWidget *()> target; // what gets focus; null = first focusable in area
        std::function<void()> reveal;      // shows the area (raise a dock, pick a tab)
        std::function<bool()> available;   // false: skipped (closed dock)
    };

    explicit FocusCycle(QObject *parent = nullptr);
    ~FocusCycle() override;

    void addStop(Stop stop);
    int stopCount() const { return int(m_stops.size()); }
    // The stop holding the focus widget, or -1.
    int currentStop() const;

public slots:
    void next() { step(+1); }
    void previous() { step(-1); }

private:
    void step(int direction);
    static QWidget *firstFocusable(QWidget *area);

    QList<Stop> m_stops;
};

} // namespace retell::ui
