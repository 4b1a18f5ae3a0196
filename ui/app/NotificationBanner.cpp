#include "app/NotificationBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace retell::ui {

namespace {
constexpr int kSuccessMs = 8000;
constexpr int kErrorMs = 20000;
} // namespace

NotificationBanner::NotificationBanner(QWidget *parent) : QFrame(parent), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("notificationBanner"));
    m_label->setObjectName(QStringLiteral("notificationText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(close);
    m_hideTimer.setSingleShot(true);
    connect(&m_hideTimer, &QTimer::timeout, this, &QWidget::hide);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

NotificationBanner::~NotificationBanner() = default;

void NotificationBanner::showMessage(const QString &text, Kind kind)
{
    // Fixed mid-saturation colours with white text read well on light and dark palettes.
    const QString background =
        kind == Kind::Success ? QStringLiteral("#2e7d4f") : QStringLiteral("#b3403a");
    setStyleSheet(QStringLiteral("#notificationBanner { background: %1; border-radius: 4px; }"
                                 "#notificationBanner QLabel, #notificationBanner QToolButton "
                                 "{ color: white; }")
                      .arg(background));
    m_label->setText(text);
    show();
    m_hideTimer.start(kind == Kind::Success ? kSuccessMs : kErrorMs);
}

void NotificationBanner::dismiss()
{
    m_hideTimer.stop();
    hide();
}

QString NotificationBanner::text() const
{
    return isVisible() ? m_label->text() : QString();
}

} // namespace retell::ui
