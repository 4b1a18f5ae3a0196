#pragma once

#include "async/Task.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

class QThreadPool;

namespace retell::ui {

// The one way the UI runs work off the GUI thread. A job is a callable run
// on the runner's thread(s), taking a TaskControl& (to poll for cancellation
// and report progress) or nothing; its result comes back to the GUI thread
// and is handed to `done` only while `receiver` lives and the job was not
// cancelled. Two kinds:
// - a CPU runner: a small private pool of low-priority threads (diffs,
//   validation of big inputs);
// - a thread runner: one thread of its own that runs jobs in order, with
//   hooks after each job and before the thread ends (the database worker
//   keeps its per-thread connection there). One job at a time, even when a
//   job waits in an event loop of its own (the Retell client does): the
//   next job, or the end hook, never runs inside it.
// Destroying the runner cancels its jobs and waits for them; results not yet
// delivered are dropped.
class TaskRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskRunner)

public:
    struct ThreadHooks
    {
        std::function<void()> afterEachJob;
        std::function<void()> beforeThreadEnds;
    };

    // A CPU runner with up to maxThreads pool threads.
    explicit TaskRunner(int maxThreads = 1, QObject *parent = nullptr);
    // A thread runner.
    TaskRunner(const QString &threadName, ThreadHooks hooks, QObject *parent = nullptr);
    ~TaskRunner() override;

    template <typename Job, typename Done> TaskHandle run(QObject *receiver, Job job, Done done)
    {
        auto state = std::make_shared<detail::TaskState>();
        state->receiver = receiver;
        const TaskControl control(state, this);
        using R = decltype(invokeJob(job, control));
        start(state);
        post([this, state, control, job = std::move(job), done = std::move(done)]() mutable {
            auto result = std::make_shared<std::optional<R>>();
            if (!control.isCancelled()) // a job cancelled while queued never starts
                result->emplace(invokeJob(job, control));
            return std::function<void()>([this, state, result, done = std::move(done)]() mutable {
                if (settle(state, result->has_value()))
                    done(std::move(**result));
            });
        });
        return TaskHandle(state);
    }

    bool isBusy() const { return m_pending > 0; }
    int pendingJobs() const { return m_pending; }
    // The thread runner's thread (null for a CPU runner).
    QThread *workerThread() const { return m_thread; }
    // Asks every job not yet delivered to stop.
    void cancelAll();

signals:
    void busyChanged(bool busy);

private:
    template <typename Job> static auto invokeJob(Job &job, const TaskControl &control)
    {
        if constexpr (std::is_invocable_v<Job &, const TaskControl &>)
            return job(control);
        else
            return job();
    }

    friend class TaskControl;
    void post(std::function<std::function<void()>()> work);
    // Thread runner: queues body and wakes the thread to run the queue.
    void enqueue(std::function<void()> body);
    // On the runner's thread: runs the queued bodies in order; does nothing
    // when called from a job's own event loop (the outer call goes on).
    void drain();
    void deliver(std::function<void()> task);
    void start(const std::shared_ptr<detail::TaskState> &state);
    // On the GUI thread when a job ended: true when its result is to be delivered.
    bool settle(const std::shared_ptr<detail::TaskState> &state, bool produced);

    ThreadHooks m_hooks;
    QThread *m_thread = nullptr;
    QObject *m_threadContext = nullptr; // lives on m_thread
    QThreadPool *m_pool = nullptr;
    QMutex m_queueMutex;
    std::deque<std::function<void()>> m_queue; // thread runner's bodies not yet run
    bool m_draining = false;                   // only touched on m_thread
    std::vector<std::weak_ptr<detail::TaskState>> m_running;
    int m_pending = 0;
};

} // namespace retell::ui
