#include "services/RolloutFacade.h"

namespace retell::ui {

using core::Actor;
using core::ServiceContext;

namespace {
core::RolloutProgress progressOf(const TaskControl &control)
{
    return [&control](int done, int total) { control.setProgress(done, total); };
}
} // namespace

TaskHandle RolloutFacade::preview(QObject *receiver, const core::RolloutChange &change,
                                  const QStringList &branchIds, std::stop_source stop,
                                  Done<core::RolloutPreview> done) const
{
    return call(
        receiver,
        [=](const ServiceContext &context, const Actor &actor, const TaskControl &control) {
            return core::RolloutService(context).preview(actor, change, branchIds,
                                                         progressOf(control), stop.get_token());
        },
        std::move(done));
}

TaskHandle RolloutFacade::apply(QObject *receiver, const core::RolloutChange &change,
                                const QList<core::RolloutPreviewItem> &items, const QString &notes,
                                std::stop_source stop, Done<core::Rollout> done) const
{
    return call(
        receiver,
        [=](const ServiceContext &context, const Actor &actor, const TaskControl &control) {
            return core::RolloutService(context).apply(actor, change, items, notes,
                                                       progressOf(control), stop.get_token());
        },
        std::move(done));
}

TaskHandle RolloutFacade::resolve(QObject *receiver, qint64 rolloutId, const QString &branchId,
                                  int baseVersion, const core::AgentConfig &resolved,
                                  Done<core::RolloutBranch> done) const
{
    return call(
        receiver,
        [=](const ServiceContext &context, const Actor &actor) {
            return core::RolloutService(context).resolve(actor, rolloutId, branchId, baseVersion,
                                                         resolved);
        },
        std::move(done));
}

TaskHandle RolloutFacade::undo(QObject *receiver, qint64 rolloutId, Done<core::Rollout> done) const
{
    return call(
        receiver,
        [=](const ServiceContext &context, const Actor &actor) {
            return core::RolloutService(context).undo(actor, rolloutId);
        },
        std::move(done));
}

} // namespace retell::ui
