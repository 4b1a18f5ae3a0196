#pragma once

#include "rollout/Rollout.h"
#include "services/SessionFacade.h"

#include <stop_token>

namespace retell::ui {

// A rollout of one change to many branches on the session's worker:
// preview, apply, the resolution of a branch left in conflict, undo. Preview
// and apply report progress through the handle (TaskHandle::onProgress) and
// stop between two branches once `stop` is requested; their answer then
// says what was done (a cancelled apply is still a recorded rollout).
class RolloutFacade final : public SessionFacade
{
public:
    using SessionFacade::SessionFacade;

    TaskHandle preview(QObject *receiver, const core::RolloutChange &change,
                       const QStringList &branchIds, std::stop_source stop,
                       Done<core::RolloutPreview> done) const;
    TaskHandle apply(QObject *receiver, const core::RolloutChange &change,
                     const QList<core::RolloutPreviewItem> &items, const QString &notes,
                     std::stop_source stop, Done<core::Rollout> done) const;
    TaskHandle resolve(QObject *receiver, qint64 rolloutId, const QString &branchId,
                       int baseVersion, const core::AgentConfig &resolved,
                       Done<core::RolloutBranch> done) const;
    TaskHandle undo(QObject *receiver, qint64 rolloutId, Done<core::Rollout> done) const;
};

} // namespace retell::ui
