#include "services/Session.h"

#include "templates/TemplateService.h"

namespace retell::ui {

Session::Session(core::ServiceContext context, core::Actor actor, ServiceWorker *worker)
    : m_context(std::move(context)), m_actor(std::move(actor)), m_worker(worker),
      m_templates(std::make_shared<core::TemplateService>(m_context))
{
}

Session::~Session() = default;

void Session::setReplica(const core::ServiceContext &replica)
{
    m_replica = replica;
    m_replicaTemplates = std::make_shared<core::TemplateService>(m_replica);
}

void Session::setOffline(bool offline)
{
    m_offline = offline && hasReplica();
}

bool Session::canEdit(const core::Branch &branch) const
{
    const auto role = m_actor.roleFor(branch.companyId, branch.id);
    return role && *role >= core::Role::Editor;
}

bool Session::isAdminOf(const core::Branch &branch) const
{
    const auto role = m_actor.roleFor(branch.companyId, branch.id);
    return role && *role >= core::Role::Admin;
}

} // namespace retell::ui
