#include "services/DeployFacade.h"

#include "offline/OfflineWork.h"

namespace retell::ui {

TaskHandle DeployFacade::deploy(QObject *receiver, const core::EditSession &edit,
                                const QString &notes,
                                std::function<void(core::EditDeployOutcome)> done) const
{
    return call(
        receiver,
        [edit, notes](const core::ServiceContext &context, const core::Actor &actor) {
            return edit.deploy(core::VersionService(context), actor, notes);
        },
        std::move(done));
}

TaskHandle DeployFacade::rollback(QObject *receiver, const QString &branchId, int toVersion,
                                  const QString &notes, Done<core::DeployOutcome> done) const
{
    return call(
        receiver,
        [=](const core::ServiceContext &context, const core::Actor &actor) {
            return core::VersionService(context).rollback(actor, branchId, toVersion, notes);
        },
        std::move(done));
}

TaskHandle DeployFacade::queueDeploy(QObject *receiver, const core::EditSession &edit,
                                     const QString &notes, Done<core::QueuedOperation> done) const
{
    return call(
        receiver,
        [branchId = edit.branch() ? edit.branch()->id : QString(),
         request = edit.deployRequest(notes)](const core::ServiceContext &replica,
                                              const core::Actor &actor) {
            return core::OfflineWork(replica).deploy(actor, branchId, request);
        },
        std::move(done));
}

TaskHandle DeployFacade::queueRollback(QObject *receiver, const QString &branchId, int toVersion,
                                       const QString &notes, Done<core::QueuedOperation> done) const
{
    return call(
        receiver,
        [=](const core::ServiceContext &replica, const core::Actor &actor) {
            return core::OfflineWork(replica).rollback(actor, branchId, toVersion, notes);
        },
        std::move(done));
}

} // namespace retell::ui
