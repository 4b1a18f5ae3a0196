#pragma once

#include "access/Actor.h"
#include "db/ServiceContext.h"
#include "domain/Types.h"

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

    const core::ServiceContext &context() const { return m_context; }
    const core::Actor &actor() const { return m_actor; }
    ServiceWorker *worker() const { return m_worker; }
    // Thread-safe and cached; used from worker jobs.
    std::shared_ptr<core::TemplateService> templates() const { return m_templates; }

    bool canEdit(const core::Branch &branch) const;
    bool isAdminOf(const core::Branch &branch) const;
    QString databaseKey() const { return m_context.spec.key(); }

private:
    core::ServiceContext m_context;
    core::Actor m_actor;
    ServiceWorker *m_worker;
    std::shared_ptr<core::TemplateService> m_templates;
};

} // namespace retell::ui
