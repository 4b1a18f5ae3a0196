#include "services/HistoryFacade.h"

namespace retell::ui {

using core::Actor;
using core::ServiceContext;

TaskHandle HistoryFacade::page(QObject *receiver, const QString &branchId, int beforeVersion,
                               int limit, Done<core::HistoryPage> done) const
{
    return call(
        receiver,
        [=](const ServiceContext &context, const Actor &actor) {
            return core::VersionService(context).history(actor, branchId, beforeVersion, limit);
        },
        std::move(done));
}

TaskHandle HistoryFacade::version(QObject *receiver, const QString &branchId, int version,
                                  Done<core::PromptVersion> done) const
{
    return call(
        receiver,
        [=](const ServiceContext &context, const Actor &actor) {
            return core::VersionService(context).version(actor, branchId, version);
        },
        std::move(done));
}

TaskHandle HistoryFacade::versions(QObject *receiver, const QString &branchId, int first,
                                   int second, Done<VersionPair> done) const
{
    return call(
        receiver,
        [=](const ServiceContext &context, const Actor &actor) -> core::Result<VersionPair> {
            const core::VersionService versions(context);
            auto a = versions.version(actor, branchId, first);
            if (!a)
                return a.error();
            auto b = versions.version(actor, branchId, second);
            if (!b)
                return b.error();
            return VersionPair{a.value(), b.value()};
        },
        std::move(done));
}

TaskHandle HistoryFacade::active(QObject *receiver, const QString &branchId,
                                 Done<core::PromptVersion> done) const
{
    return call(
        receiver,
        [=](const ServiceContext &context, const Actor &actor) {
            return core::VersionService(context).active(actor, branchId);
        },
        std::move(done));
}

TaskHandle HistoryFacade::actives(QObject *receiver, const QString &firstBranchId,
                                  const QString &secondBranchId, Done<VersionPair> done) const
{
    return call(
        receiver,
        [=](const ServiceContext &context, const Actor &actor) -> core::Result<VersionPair> {
            const core::VersionService versions(context);
            auto a = versions.active(actor, firstBranchId);
            if (!a)
                return a.error();
            auto b = versions.active(actor, secondBranchId);
            if (!b)
                return b.error();
            return VersionPair{a.value(), b.value()};
        },
        std::move(done));
}

TaskHandle HistoryFacade::conflictBase(QObject *receiver, const core::VersionConflict &conflict,
                                       Done<core::PromptVersion> done) const
{
    return call(
        receiver,
        [conflict](const ServiceContext &context,
                   const Actor &actor) -> core::Result<core::PromptVersion> {
            if (conflict.baseVersion.value_or(0) <= 0)
                return core::PromptVersion{0, conflict.branchId, 0,
                                           core::AgentConfig{QString(), QStringLiteral("[]")}};
            return core::VersionService(context).version(actor, conflict.branchId,
                                                         *conflict.baseVersion);
        },
        std::move(done));
}

} // namespace retell::ui
