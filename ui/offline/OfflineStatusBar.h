#pragma once

#include "async/Task.h"
#include "offline/OfflineStatus.h"

#include <QWidget>

class QProgressBar;
class QToolButton;

namespace retell::ui {

// The status bar's offline indicator: online / offline / syncing, how many
// operations wait and how many conflicts, the last sync; a click opens the
// outbox. While a sync runs, its progress bar and Cancel.
class OfflineStatusBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfflineStatusBar)

public:
    explicit OfflineStatusBar(QWidget *parent = nullptr);
    ~OfflineStatusBar() override;

    void setStatus(const OfflineStatus &status);
    void setProgress(const TaskProgress &progress);
    QString text() const;
    QToolButton *button() const { return m_button; }
    QToolButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }

    // "Offline · 2 pending · 1 conflict · last sync 5 minutes ago".
    static QString statusText(const OfflineStatus &status, const QDateTime &now);
    // "just now", "3 minutes ago", "2 hours ago", else the date and time.
    static QString sinceText(const QDateTime &when, const QDateTime &now);

signals:
    void outboxRequested();
    void cancelRequested();

private:
    void updateText();

    QToolButton *m_button = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    OfflineStatus m_status;
};

} // namespace retell::ui
