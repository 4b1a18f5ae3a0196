#include "async/TaskRunner.h"

#include <QMetaObject>
#include <QMutexLocker>
#include <QThreadPool>

#include <algorithm>

namespace retell::ui {

TaskRunner::TaskRunner(int maxThreads, QObject *parent)
    : QObject(parent), m_pool(new QThreadPool(this))
{
    m_pool->setMaxThreadCount(std::max(1, maxThreads));
    m_pool->setThreadPriority(QThread::LowPriority);
}

TaskRunner::TaskRunner(const QString &threadName, ThreadHooks hooks, QObject *parent)
    : QObject(parent), m_hooks(std::move(hooks)), m_thread(new QThread),
      m_threadContext(new QObject)
{
    m_thread->setObjectName(threadName);
    m_threadContext->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_threadContext, &QObject::deleteLater);
    m_thread->start();
}

TaskRunner::~TaskRunner()
{
    cancelAll();
    if (m_pool) {
        m_pool->waitForDone();
        return; // the pool's threads end with it
    }
    // Jobs already queued still run unless they poll for cancellation (a
    // deploy is written whole); their results are dropped with this object.
    // The last job runs the end hook on the thread itself and ends its event
    // loop: when wait() returns, nothing of the thread's state is left for
    // ~QApplication to tear down concurrently.
    enqueue([end = m_hooks.beforeThreadEnds] {
        if (end)
            end();
        QThread::currentThread()->quit();
    });
    m_thread->wait();
    delete m_thread;
}

void TaskRunner::enqueue(std::function<void()> body)
{
    {
        const QMutexLocker lock(&m_queueMutex);
        m_queue.push_back(std::move(body));
    }
    QMetaObject::invokeMethod(
        m_threadContext, [this] { drain(); }, Qt::QueuedConnection);
}

void TaskRunner::drain()
{
    if (m_draining)
        return;
    m_draining = true;
    for (;;) {
        std::function<void()> body;
        {
            const QMutexLocker lock(&m_queueMutex);
            if (m_queue.empty())
                break;
            body = std::move(m_queue.front());
            m_queue.pop_front();
        }
        body();
    }
    m_draining = false;
}

void TaskRunner::cancelAll()
{
    for (const std::weak_ptr<detail::TaskState> &weak : m_running) {
        if (const auto state = weak.lock())
            state->cancelRequested = true;
    }
}

void TaskRunner::post(std::function<std::function<void()>()> work)
{
    auto body = [this, work = std::move(work)] {
        std::function<void()> delivery = work();
        if (m_hooks.afterEachJob)
            m_hooks.afterEachJob();
        deliver(std::move(delivery));
    };
    if (m_pool)
        m_pool->start(std::move(body));
    else
        enqueue(std::move(body));
}

void TaskRunner::deliver(std::function<void()> task)
{
    QMetaObject::invokeMethod(this, std::move(task), Qt::QueuedConnection);
}

void TaskRunner::start(const std::shared_ptr<detail::TaskState> &state)
{
    std::erase_if(m_running, [](const std::weak_ptr<detail::TaskState> &s) { return s.expired(); });
    m_running.push_back(state);
    if (m_pending++ == 0)
        emit busyChanged(true);
}

bool TaskRunner::settle(const std::shared_ptr<detail::TaskState> &state, bool produced)
{
    using Status = detail::TaskState::Status;
    const bool cancelled = state->cancelRequested || !produced;
    state->status = cancelled ? Status::Cancelled : Status::Finished;
    std::erase_if(m_running, [&state](const std::weak_ptr<detail::TaskState> &s) {
        return s.expired() || s.lock() == state;
    });
    if (--m_pending == 0)
        emit busyChanged(false);
    if (!state->receiver)
        return false;
    if (cancelled) {
        if (state->onCancelled)
            state->onCancelled();
        return false;
    }
    return true;
}

} // namespace retell::ui
