#pragma once

#include "async/Task.h"
#include "common/Result.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"

#include <functional>

namespace retell::ui {

// What every typed facade shares: who is logged in (for the panels' own
// enabling decisions) and the one way to call a service, on the session's
// database worker with its context and actor, answering on the GUI thread.
class SessionFacade
{
public:
    template <typename T> using Done = std::function<void(core::Result<T>)>;

    explicit SessionFacade(Session *session) : m_session(session) {}

    const core::Actor &actor() const { return m_session->actor(); }
    bool canEdit(const core::Branch &branch) const { return m_session->canEdit(branch); }
    QDateTime now() const { return m_session->context().clock(); }

protected:
    // job(const core::ServiceContext &, const core::Actor &) runs on the worker.
    template <typename Job, typename Result>
    TaskHandle call(QObject *receiver, Job job, std::function<void(Result)> done) const
    {
        return m_session->worker()->run(
            receiver,
            [job = std::move(job), context = m_session->context(), actor = m_session->actor()] {
                return job(context, actor);
            },
            std::move(done));
    }

    Session *m_session;
};

} // namespace retell::ui
