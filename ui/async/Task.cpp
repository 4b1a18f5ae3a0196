#include "async/Task.h"

#include "async/TaskRunner.h"

#include <QMetaObject>

namespace retell::ui {

void TaskControl::setProgress(qint64 done, qint64 total, const QString &label) const
{
    const qint64 permille = total > 0 ? done * 1000 / total : done;
    if (permille == m_state->sentPermille && label == m_state->sentLabel)
        return;
    m_state->sentPermille = permille;
    m_state->sentLabel = label;
    // The runner outlives its jobs (its destructor waits for them), and
    // events posted to one object from one thread arrive in order, before
    // the job's result.
    QMetaObject::invokeMethod(
        m_runner,
        [state = m_state, progress = TaskProgress{done, total, label}] {
            if (state->status != detail::TaskState::Status::Running || state->cancelRequested)
                return;
            state->progress = progress;
            if (state->receiver && state->onProgress)
                state->onProgress(progress);
        },
        Qt::QueuedConnection);
}

std::function<bool()> TaskControl::cancelCheck() const
{
    return [state = m_state] { return state->cancelRequested.load(std::memory_order_relaxed); };
}

std::function<void(qint64, qint64, const QString &)> TaskControl::progressCallback() const
{
    return [control = *this](qint64 done, qint64 total, const QString &label) {
        control.setProgress(done, total, label);
    };
}

void TaskHandle::cancel() const
{
    if (m_state && m_state->status == detail::TaskState::Status::Running)
        m_state->cancelRequested = true;
}

bool TaskHandle::isCancelRequested() const
{
    return m_state && m_state->cancelRequested;
}

bool TaskHandle::isRunning() const
{
    return m_state && m_state->status == detail::TaskState::Status::Running;
}

bool TaskHandle::isFinished() const
{
    return m_state && m_state->status == detail::TaskState::Status::Finished;
}

bool TaskHandle::wasCancelled() const
{
    return m_state && m_state->status == detail::TaskState::Status::Cancelled;
}

TaskProgress TaskHandle::progress() const
{
    return m_state ? m_state->progress : TaskProgress{};
}

const TaskHandle &TaskHandle::onProgress(std::function<void(const TaskProgress &)> callback) const
{
    if (m_state)
        m_state->onProgress = std::move(callback);
    return *this;
}

const TaskHandle &TaskHandle::onCancelled(std::function<void()> callback) const
{
    if (m_state)
        m_state->onCancelled = std::move(callback);
    return *this;
}

} // namespace retell::ui
