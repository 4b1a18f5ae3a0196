#include "services/AccessFacade.h"

#include "access/AccessService.h"

namespace retell::ui {

using core::Actor;
using core::ServiceContext;

TaskHandle AccessFacade::users(QObject *receiver, const QString &search,
                               Done<QList<core::User>> done) const
{
    return call(
        receiver,
        [=](const ServiceContext &context, const Actor &actor) {
            return core::AccessService(context).users(actor, search);
        },
        std::move(done));
}

TaskHandle AccessFacade::grants(QObject *receiver, Done<QList<core::Grant>> done) const
{
    return call(
        receiver,
        [](const ServiceContext &context, const Actor &actor) {
            return core::AccessService(context).grants(actor);
        },
        std::move(done));
}

TaskHandle AccessFacade::grant(QObject *receiver, const QString &email, core::Role role,
                               core::GrantScope scope, const QString &scopeId,
                               Done<core::Grant> done) const
{
    return call(
        receiver,
        [=](const ServiceContext &context, const Actor &actor) {
            return core::AccessService(context).grant(&actor, email, role, scope, scopeId);
        },
        std::move(done));
}

TaskHandle AccessFacade::revoke(QObject *receiver, const QString &email, core::GrantScope scope,
                                const QString &scopeId, Done<int> done) const
{
    return call(
        receiver,
        [=](const ServiceContext &context, const Actor &actor) {
            return core::AccessService(context).revoke(actor, email, scope, scopeId);
        },
        std::move(done));
}

} // namespace retell::ui
