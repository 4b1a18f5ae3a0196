#pragma once

#include "DiffLayout.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace retell::ui {

struct TaskProgress;

// The row above a diff: previous / next change and where the caret is, the
// summary of what differs (or how far a running comparison got, with its
// progress bar and Cancel), and the comparison's options. It shows what the
// view tells it and says what the user asked for; the view decides.
class DiffBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffBar)

public:
    explicit DiffBar(const QKeySequence &next, const QKeySequence &previous,
                     QWidget *parent = nullptr);

    // A button for `action`, after the position; it shows while the action
    // is visible.
    void addActionButton(QAction *action);

    // The toggles, set without emitting their signals.
    void showOptions(const core::DiffOptions &options);
    void showUnified(bool unified);
    void showWordWrap(bool on);

    // What `layout` differs in, and where change `current` (-1: none) is.
    void showSummary(const DiffLayout *layout, int current);
    void showComputing(bool computing);
    void showProgress(const TaskProgress &progress);
    void showCancelling();
    // Puts `sentence` before the summary.
    void prefixSummary(const QString &sentence);
    QString summaryText() const;

    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }

signals:
    void nextRequested();
    void previousRequested();
    void cancelRequested();
    void ignoreWhitespaceToggled(bool on);
    void ignoreCaseToggled(bool on);
    void unifiedToggled(bool on);
    void wordWrapToggled(bool on);

private:
    QHBoxLayout *m_layout = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QLabel *m_position = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QCheckBox *m_ignoreWhitespace = nullptr;
    QCheckBox *m_ignoreCase = nullptr;
    QCheckBox *m_unifiedToggle = nullptr;
    QCheckBox *m_wrapToggle = nullptr;
};

} // namespace retell::ui
