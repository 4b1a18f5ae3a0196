#include "app/ServiceWorker.h"

#include <QMetaObject>

namespace retell::ui {

ServiceWorker::ServiceWorker(QObject *parent)
    : QObject(parent), m_thread(new QThread), m_runner(new QObject)
{
    m_thread->setObjectName(QStringLiteral("retell-service-worker"));
    m_runner->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_runner, &QObject::deleteLater);
    m_thread->start();
}

ServiceWorker::~ServiceWorker()
{
    // Jobs already queued still run (they may be writing a deploy); their
    // results are dropped because this object, the delivery target, is gone.
    // The last job closes the thread's connections on the thread itself and
    // ends its event loop: when wait() returns, nothing of the thread's
    // database state is left for ~QApplication to tear down concurrently.
    post([] {
        core::Database::closeThreadConnections();
        QThread::currentThread()->quit();
    });
    m_thread->wait();
    delete m_thread;
}

void ServiceWorker::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_runner, std::move(task), Qt::QueuedConnection);
}

void ServiceWorker::deliver(std::function<void()> task)
{
    QMetaObject::invokeMethod(this, std::move(task), Qt::QueuedConnection);
}

void ServiceWorker::begin()
{
    if (m_pending++ == 0)
        emit busyChanged(true);
}

void ServiceWorker::finish()
{
    if (--m_pending == 0)
        emit busyChanged(false);
}

} // namespace retell::ui
