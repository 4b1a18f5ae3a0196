#pragma once

#include <QFrame>
#include <QTimer>

class QLabel;

namespace retell::ui {

// A non-modal strip above the editor for outcomes worth noticing (deployed,
// rolled back, failed); hides itself after a while or when closed.
class NotificationBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationBanner)

public:
    enum class Kind
    {
        Success,
        Error
    };

    explicit NotificationBanner(QWidget *parent = nullptr);
    ~NotificationBanner() override;

    void showMessage(const QString &text, Kind kind = Kind::Success);
    QString text() const;
    // Hides the message now: what it said no longer holds.
    void dismiss();

private:
    QLabel *m_label = nullptr;
    QTimer m_hideTimer;
};

} // namespace retell::ui
