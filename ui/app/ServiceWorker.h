#pragma once

#include "db/Database.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace retell::ui {

// Runs database work on one background thread, which therefore owns its own
// per-thread connection (core::Database). Each job is a callable run there;
// its result comes back to the GUI thread and is handed to `done` unless the
// context object has been destroyed meanwhile.
class ServiceWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceWorker)

public:
    explicit ServiceWorker(QObject *parent = nullptr);
    ~ServiceWorker() override;

    template <typename Job, typename Done>
    void run(QObject *context, Job job, Done done)
    {
        using R = std::invoke_result_t<Job &>;
        auto guard = std::make_shared<QPointer<QObject>>(context);
        begin();
        post([this, guard, job = std::move(job), done = std::move(done)]() mutable {
            auto result = std::make_shared<std::optional<R>>(job());
            // The worker stays alive between jobs: let its connection go idle.
            core::Database::releaseStatements();
            deliver([this, guard, result, done = std::move(done)]() mutable {
                finish();
                if (!guard->isNull())
                    done(std::move(**result));
            });
        });
    }

    bool isBusy() const { return m_pending > 0; }
    int pendingJobs() const { return m_pending; }
    QThread *thread() const { return m_thread; }

signals:
    void busyChanged(bool busy);

private:
    void post(std::function<void()> task);
    void deliver(std::function<void()> task);
    void begin();
    void finish();

    QThread *m_thread = nullptr;
    QObject *m_runner = nullptr; // lives on m_thread
    int m_pending = 0;
};

} // namespace retell::ui
