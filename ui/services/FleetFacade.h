#pragma once

#include "fleet/FleetService.h"
#include "services/SessionFacade.h"

namespace retell::ui {

// The fleet (every branch the user may see, with its drift from a
// reference), read on the session's worker.
class FleetFacade final : public SessionFacade
{
public:
    using SessionFacade::SessionFacade;

    TaskHandle rows(QObject *receiver, const core::FleetQuery &query,
                    Done<QList<core::FleetRow>> done) const;
};

} // namespace retell::ui
