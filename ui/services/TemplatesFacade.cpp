#include "services/TemplatesFacade.h"

namespace retell::ui {

using core::Actor;
using core::ServiceContext;

TaskHandle TemplatesFacade::list(QObject *receiver, Done<QList<core::Template>> done) const
{
    return call(
        receiver,
        [service = m_session->templates()](const ServiceContext &, const Actor &actor) {
            return service->templates(actor);
        },
        std::move(done));
}

TaskHandle TemplatesFacade::save(QObject *receiver, const QString &companyId, const QString &name,
                                 const QString &description, const core::AgentConfig &content,
                                 Done<core::Template> done) const
{
    return call(
        receiver,
        [=, service = m_session->templates()](const ServiceContext &, const Actor &actor) {
            return service->save(actor, companyId, name, description, content);
        },
        std::move(done));
}

TaskHandle TemplatesFacade::update(QObject *receiver, const core::Template &which,
                                   const core::TemplateChange &change,
                                   Done<core::Template> done) const
{
    return call(
        receiver,
        [=, service = m_session->templates()](const ServiceContext &, const Actor &actor) {
            return service->update(actor, which, change);
        },
        std::move(done));
}

TaskHandle TemplatesFacade::remove(QObject *receiver, const core::Template &which,
                                   Done<core::Template> done) const
{
    return call(
        receiver,
        [=, service = m_session->templates()](const ServiceContext &, const Actor &actor) {
            return service->remove(actor, which);
        },
        std::move(done));
}

} // namespace retell::ui
