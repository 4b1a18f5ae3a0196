#include "services/AuditFacade.h"

namespace retell::ui {

TaskHandle AuditFacade::entries(QObject *receiver, const core::AuditQuery &query,
                                Done<QList<core::AuditEntry>> done) const
{
    return call(
        receiver,
        [query](const core::ServiceContext &context, const core::Actor &actor) {
            return core::AuditService(context).entries(actor, query);
        },
        std::move(done));
}

} // namespace retell::ui
