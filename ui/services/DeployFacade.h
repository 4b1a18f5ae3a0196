#pragma once

#include "offline/Outbox.h"
#include "services/SessionFacade.h"
#include "versions/EditSession.h"
#include "versions/VersionService.h"

namespace retell::ui {

// Writing versions on the session's worker: deploying an edit (its base
// version is checked under the branch lock) and rolling back. Offline the
// same requests are checked on the replica and queued in its outbox
// (core::OfflineWork) instead: no version number is invented.
class DeployFacade final : public SessionFacade
{
public:
    using SessionFacade::SessionFacade;

    TaskHandle deploy(QObject *receiver, const core::EditSession &edit, const QString &notes,
                      std::function<void(core::EditDeployOutcome)> done) const;
    TaskHandle rollback(QObject *receiver, const QString &branchId, int toVersion,
                        const QString &notes, Done<core::DeployOutcome> done) const;

    // Offline (the session works on the replica): deploy and rollback queue.
    bool isOffline() const { return m_session->isOffline(); }
    TaskHandle queueDeploy(QObject *receiver, const core::EditSession &edit, const QString &notes,
                           Done<core::QueuedOperation> done) const;
    TaskHandle queueRollback(QObject *receiver, const QString &branchId, int toVersion,
                             const QString &notes, Done<core::QueuedOperation> done) const;
};

} // namespace retell::ui
