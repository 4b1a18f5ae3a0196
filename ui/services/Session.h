#pragma once

#include "access/Actor.h"
#include "db/ServiceContext.h"
#include "domain/Types.h"

#include <functional>
#include <memory>

namespace retell::core {
class TemplateService;
}

namespace retell::ui {

class ServiceWorker;

// Who is logged in to which database, plus the worker that runs their
// service calls. The main window hands it to the typed facades
// (services/*Facade.h), which the panels call services through.
class Session final
{
public:
    Session(core::ServiceContext context, core::Actor actor, ServiceWorker *worker);
    ~Session();
    Q_DISABLE_COPY_MOVE(Session)

    // Where the services run now: the shared database, or its local replica
    // while offline (issue 12): the replica has the same schema, so the
    // same services run on it.
    const core::ServiceContext &context() const { return m_offline ? m_replica : m_context; }
    const core::ServiceContext &serverContext() const { return m_context; }
    const core::Actor &actor() const { return m_actor; }
    ServiceWorker *worker() const { return m_worker; }
    // Thread-safe and cached; used from worker jobs.
    std::shared_ptr<core::TemplateService> templates() const
    {
        return m_offline ? m_replicaTemplates : m_templates;
    }

    // The local replica of the shared database (an SQLite file).
    void setReplica(const core::ServiceContext &replica);
    bool hasReplica() const { return m_replicaTemplates != nullptr; }
    const core::ServiceContext &replicaContext() const { return m_replica; }
    void setOffline(bool offline);
    bool isOffline() const { return m_offline; }
    // A service call answered with this error (GUI thread): the offline
    // controller learns there that the server is gone.
    void setErrorObserver(std::function<void(const core::Error &)> observer)
    {
        m_errorObserver = std::move(observer);
    }
    void reportError(const core::Error &error) const
    {
        if (m_errorObserver)
            m_errorObserver(error);
    }

    bool canEdit(const core::Branch &branch) const;
    bool isAdminOf(const core::Branch &branch) const;
    QString databaseKey() const { return m_context.spec.key(); }

private:
    core::ServiceContext m_context;
    core::Actor m_actor;
    ServiceWorker *m_worker;
    std::shared_ptr<core::TemplateService> m_templates;
    core::ServiceContext m_replica;
    std::shared_ptr<core::TemplateService> m_replicaTemplates;
    std::function<void(const core::Error &)> m_errorObserver;
    bool m_offline = false;
};

} // namespace retell::ui
