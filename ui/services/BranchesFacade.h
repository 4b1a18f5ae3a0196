#pragma once

#include "domain/Types.h"
#include "services/SessionFacade.h"

namespace retell::ui {

// The branches the user may see, read on the session's worker.
class BranchesFacade final : public SessionFacade
{
public:
    using SessionFacade::SessionFacade;

    TaskHandle branches(QObject *receiver, Done<QList<core::Branch>> done) const;
};

} // namespace retell::ui
