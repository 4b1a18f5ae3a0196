#include "offline/OfflineStatusBar.h"

#include <QHBoxLayout>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

namespace retell::ui {

OfflineStatusBar::OfflineStatusBar(QWidget *parent)
    : QWidget(parent), m_button(new QToolButton(this)), m_progress(new QProgressBar(this)),
      m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("offlineStatus"));
    m_button->setObjectName(QStringLiteral("offlineStatusButton"));
    m_button->setAutoRaise(true);
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_button->setToolTip(tr("Show the outbox: what waits for the shared database"));
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumSize(160, 16);
    m_progress->setRange(0, 0);
    m_progress->hide();
    m_cancel->setObjectName(QStringLiteral("cancelSyncButton"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the sync; what it brought so far is kept"));
    m_cancel->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addWidget(m_button);
    connect(m_button, &QToolButton::clicked, this, &OfflineStatusBar::outboxRequested);
    connect(m_cancel, &QToolButton::clicked, this, &OfflineStatusBar::cancelRequested);
    // "last sync 3 minutes ago" ages while nothing else happens.
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, &OfflineStatusBar::updateText);
    tick->start(30000);
    updateText();
}

OfflineStatusBar::~OfflineStatusBar() = default;

void OfflineStatusBar::setStatus(const OfflineStatus &status)
{
    const bool syncing = status.mode == OfflineStatus::Mode::Syncing;
    if (syncing && m_status.mode != OfflineStatus::Mode::Syncing) {
        m_progress->setRange(0, 0);
        m_cancel->setEnabled(true);
    }
    m_status = status;
    m_progress->setVisible(syncing);
    m_cancel->setVisible(syncing);
    updateText();
}

void OfflineStatusBar::setProgress(const TaskProgress &progress)
{
    if (!progress.isKnown()) {
        m_progress->setRange(0, 0);
        return;
    }
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(progress.fraction() * 1000));
}

QString OfflineStatusBar::text() const
{
    return m_button->text();
}

void OfflineStatusBar::updateText()
{
    m_button->setText(statusText(m_status, QDateTime::currentDateTimeUtc()));
    // What needs the admin stands out: offline, or a conflict to merge.
    QFont font = m_button->font();
    font.setBold(m_status.isOffline() || m_status.conflicts > 0 || m_status.refused > 0);
    m_button->setFont(font);
}

QString OfflineStatusBar::statusText(const OfflineStatus &status, const QDateTime &now)
{
    QStringList parts;
    switch (status.mode) {
    case OfflineStatus::Mode::Online:
        parts << tr("Online");
        break;
    case OfflineStatus::Mode::Offline:
        parts << (status.chosen ? tr("Working offline") : tr("Offline: server unreachable"));
        break;
    case OfflineStatus::Mode::Syncing:
        parts << tr("Syncing…");
        break;
    }
    if (status.pending > 0)
        parts << tr("%n pending", nullptr, status.pending);
    if (status.conflicts > 0)
        parts << tr("%n conflict(s)", nullptr, status.conflicts);
    if (status.refused > 0)
        parts << tr("%n refused", nullptr, status.refused);
    if (status.hasReplica && status.mode != OfflineStatus::Mode::Syncing)
        parts << (status.lastSync.isValid()
                      ? tr("last sync %1").arg(sinceText(status.lastSync, now))
                      : tr("not synced yet"));
    return parts.join(QStringLiteral(" · "));
}

QString OfflineStatusBar::sinceText(const QDateTime &when, const QDateTime &now)
{
    const qint64 seconds = when.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 24 * 3600)
        return tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

} // namespace retell::ui
