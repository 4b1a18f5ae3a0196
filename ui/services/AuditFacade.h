#pragma once

#include "fleet/AuditService.h"
#include "services/SessionFacade.h"

namespace retell::ui {

// The audit log across the user's scope, read on the session's worker.
class AuditFacade final : public SessionFacade
{
public:
    using SessionFacade::SessionFacade;

    TaskHandle entries(QObject *receiver, const core::AuditQuery &query,
                       Done<QList<core::AuditEntry>> done) const;
};

} // namespace retell::ui
