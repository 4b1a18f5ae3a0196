#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace retell::ui {

class TaskRunner;

// How far a job got: `done` of `total` steps (total 0: unknown, show a busy
// indicator) and what it is doing now.
struct TaskProgress
{
    qint64 done = 0;
    qint64 total = 0;
    QString label;

    bool isKnown() const { return total > 0; }
    double fraction() const { return total > 0 ? double(done) / double(total) : 0.0; }
    friend bool operator==(const TaskProgress &, const TaskProgress &) = default;
};

namespace detail {
// Shared by the job (on its thread) and the handle (on the GUI thread).
struct TaskState
{
    std::atomic<bool> cancelRequested{false};
    // Written by the job's thread only: what was last sent to the GUI.
    qint64 sentPermille = -1;
    QString sentLabel;
    // GUI thread only.
    enum class Status
    {
        Running,
        Finished,
        Cancelled
    } status = Status::Running;
    TaskProgress progress;
    QPointer<QObject> receiver;
    std::function<void(const TaskProgress &)> onProgress;
    std::function<void()> onCancelled;
};
} // namespace detail

// What a job sees on its thread: whether the GUI asked it to stop, and a
// way to say how far it got. Core code takes cancelCheck()/progressCallback()
// as plain std::function parameters, so it never needs this header.
class TaskControl final
{
public:
    TaskControl(std::shared_ptr<detail::TaskState> state, TaskRunner *runner)
        : m_state(std::move(state)), m_runner(runner)
    {
    }

    bool isCancelled() const { return m_state->cancelRequested.load(std::memory_order_relaxed); }
    // Sent to the GUI thread in order; steps too small to see (under 0.1 %)
    // with an unchanged label are not sent.
    void setProgress(qint64 done, qint64 total, const QString &label = {}) const;
    std::function<bool()> cancelCheck() const;
    std::function<void(qint64 done, qint64 total, const QString &label)> progressCallback() const;

private:
    std::shared_ptr<detail::TaskState> m_state;
    TaskRunner *m_runner;
};

// The GUI thread's handle on a job started by TaskRunner::run(); cheap to
// copy, null when default-constructed. Every member is for the GUI thread.
class TaskHandle final
{
public:
    TaskHandle() = default;
    explicit TaskHandle(std::shared_ptr<detail::TaskState> state) : m_state(std::move(state)) {}

    bool isNull() const { return !m_state; }
    // Cooperative: the job stops where it next polls; its result, if it
    // still produces one, is dropped and onCancelled runs instead of done.
    void cancel() const;
    bool isCancelRequested() const;
    bool isRunning() const;
    bool isFinished() const;   // delivered (or dropped: its receiver is gone)
    bool wasCancelled() const; // ended by cancel()
    TaskProgress progress() const;

    // Set right after run(); they run on the GUI thread while the receiver lives.
    const TaskHandle &onProgress(std::function<void(const TaskProgress &)> callback) const;
    const TaskHandle &onCancelled(std::function<void()> callback) const;

private:
    std::shared_ptr<detail::TaskState> m_state;
};

} // namespace retell::ui
