#pragma once

#include "async/TaskRunner.h"

namespace retell::ui {

// The thread that runs the session's database work: one TaskRunner thread,
// which therefore owns its own per-thread connection (core::Database). Each
// job's statements are released after it (the connection goes idle between
// jobs); the thread's connections are closed by its last job.
class ServiceWorker final : public TaskRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceWorker)

public:
    explicit ServiceWorker(QObject *parent = nullptr);
    ~ServiceWorker() override;
};

} // namespace retell::ui
