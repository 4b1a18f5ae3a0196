#pragma once

#include "services/SessionFacade.h"
#include "versions/EditSession.h"
#include "versions/VersionService.h"

namespace retell::ui {

// Writing versions on the session's worker: deploying an edit (its base
// version is checked under the branch lock) and rolling back.
class DeployFacade final : public SessionFacade
{
public:
    using SessionFacade::SessionFacade;

    TaskHandle deploy(QObject *receiver, const core::EditSession &edit, const QString &notes,
                      std::function<void(core::EditDeployOutcome)> done) const;
    TaskHandle rollback(QObject *receiver, const QString &branchId, int toVersion,
                        const QString &notes, Done<core::DeployOutcome> done) const;
};

} // namespace retell::ui
