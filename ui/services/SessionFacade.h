#pragma once

#include "async/Task.h"
#include "common/Result.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"

#include <functional>
#include <type_traits>

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
    // job(const core::ServiceContext &, const core::Actor &) runs on the worker;
    // a long job may take a third parameter, const TaskControl &, for its
    // progress and cancellation. An error in the answer is also reported to
    // the session (a lost server takes the app offline).
    template <typename Job, typename Result>
    TaskHandle call(QObject *receiver, Job job, std::function<void(Result)> done) const
    {
        return callOn(m_session->worker(), receiver, std::move(job), std::move(done));
    }
    // The same on another thread runner (Retell's slow network calls must
    // not hold up the database worker); the job opens its own connection there.
    template <typename Job, typename Result>
    TaskHandle callOn(TaskRunner *runner, QObject *receiver, Job job,
                      std::function<void(Result)> done) const
    {
        return runner->run(
            receiver,
            [job = std::move(job), context = m_session->context(),
             actor = m_session->actor()](const TaskControl &control) {
                if constexpr (std::is_invocable_v<const Job &, const core::ServiceContext &,
                                                  const core::Actor &, const TaskControl &>)
                    return job(context, actor, control);
                else
                    return job(context, actor);
            },
            [session = m_session, done = std::move(done)](Result result) {
                const core::Error *error = errorOf(result);
                const std::optional<core::Error> failure =
                    error ? std::optional(*error) : std::nullopt;
                done(std::move(result));
                if (failure) // after the caller showed it: "offline" is the last word
                    session->reportError(*failure);
            });
    }

private:
    template <typename T> static const core::Error *errorOf(const core::Result<T> &result)
    {
        return result ? nullptr : &result.error();
    }
    template <typename T> static const core::Error *errorOf(const T &outcome)
    {
        if constexpr (requires { outcome.error; })
            return &outcome.error; // an outcome with an error field (EditDeployOutcome)
        else
            return nullptr;
    }

protected:
    Session *m_session;
};

} // namespace retell::ui
