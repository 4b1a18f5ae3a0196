#include "services/TemplatesFacade.h"

#include <QCoreApplication>

namespace retell::ui {

using core::Actor;
using core::ServiceContext;

namespace {

// The replica's templates are a copy that is never pushed: a change made
// there would be lost at the next pull.
core::Error offlineRefusal()
{
    return core::Error::usage(QCoreApplication::translate(
        "retell::ui::TemplatesFacade",
        "Templates cannot be changed while offline; nothing was changed. Try again once the "
        "app is online."));
}

} // namespace

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
        [=, service = m_session->templates(), offline = m_session->isOffline()](
            const ServiceContext &, const Actor &actor) -> core::Result<core::Template> {
            if (offline)
                return offlineRefusal();
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
        [=, service = m_session->templates(), offline = m_session->isOffline()](
            const ServiceContext &, const Actor &actor) -> core::Result<core::Template> {
            if (offline)
                return offlineRefusal();
            return service->update(actor, which, change);
        },
        std::move(done));
}

TaskHandle TemplatesFacade::remove(QObject *receiver, const core::Template &which,
                                   Done<core::Template> done) const
{
    return call(
        receiver,
        [=, service = m_session->templates(), offline = m_session->isOffline()](
            const ServiceContext &, const Actor &actor) -> core::Result<core::Template> {
            if (offline)
                return offlineRefusal();
            return service->remove(actor, which);
        },
        std::move(done));
}

} // namespace retell::ui
