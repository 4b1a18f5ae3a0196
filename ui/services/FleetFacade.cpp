#include "services/FleetFacade.h"

namespace retell::ui {

TaskHandle FleetFacade::rows(QObject *receiver, const core::FleetQuery &query,
                             Done<QList<core::FleetRow>> done) const
{
    return call(
        receiver,
        [query](const core::ServiceContext &context, const core::Actor &actor) {
            return core::FleetService(context).rows(actor, query);
        },
        std::move(done));
}

} // namespace retell::ui
