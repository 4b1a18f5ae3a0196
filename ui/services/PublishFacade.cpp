#include "services/PublishFacade.h"

#include <stop_token>

namespace retell::ui {

namespace {
// Polled between items: the handle's cancel becomes the core's stop request.
core::PublishProgress progressOf(const TaskControl &control, std::stop_source &stop)
{
    return [&control, &stop](int done, int total) {
        control.setProgress(done, total);
        if (control.isCancelled())
            stop.request_stop();
    };
}

} // namespace

PublishFacade::PublishFacade(Session *session, TaskRunner *retell)
    : SessionFacade(session), m_retell(retell)
{
}

TaskHandle PublishFacade::links(QObject *receiver, Done<QList<core::RetellLink>> done) const
{
    return call(
        receiver,
        [](const core::ServiceContext &context, const core::Actor &actor) {
            return core::LinkService(context).links(actor);
        },
        std::move(done));
}

TaskHandle PublishFacade::publications(QObject *receiver, const QString &branchId,
                                       Done<QList<core::Publication>> done) const
{
    return call(
        receiver,
        [branchId](const core::ServiceContext &context, const core::Actor &actor) {
            return core::Publisher(context, {}).publications(actor, branchId);
        },
        std::move(done));
}

TaskHandle PublishFacade::unlink(QObject *receiver, const QString &branchId, Done<void> done) const
{
    return call(
        receiver,
        [branchId](const core::ServiceContext &context, const core::Actor &actor) {
            return core::LinkService(context).unlink(actor, branchId);
        },
        std::move(done));
}

TaskHandle PublishFacade::checkAndLink(QObject *receiver, core::RetellApiFactory factory,
                                       const QString &branchId, const QString &agentId,
                                       const QString &llmId, Done<core::RetellLink> done) const
{
    return callOn(
        m_retell, receiver,
        [=](const core::ServiceContext &context,
            const core::Actor &actor) -> core::Result<core::RetellLink> {
            const std::unique_ptr<core::RetellApi> api = factory();
            return core::LinkService(context).linkChecked(actor, branchId, agentId, llmId, *api);
        },
        std::move(done));
}

TaskHandle PublishFacade::check(QObject *receiver, core::RetellApiFactory factory,
                                const QString &branchId, Done<core::LiveStatus> done) const
{
    return callOn(
        m_retell, receiver,
        [=](const core::ServiceContext &context, const core::Actor &actor) {
            return core::DriftService(context, factory).check(actor, branchId);
        },
        std::move(done));
}

TaskHandle PublishFacade::checkAll(QObject *receiver, core::RetellApiFactory factory,
                                   Done<core::DriftReport> done) const
{
    return callOn(
        m_retell, receiver,
        [=](const core::ServiceContext &context, const core::Actor &actor,
            const TaskControl &control) {
            std::stop_source stop;
            return core::DriftService(context, factory)
                .checkMany(actor, {}, progressOf(control, stop), stop.get_token());
        },
        std::move(done));
}

TaskHandle PublishFacade::publishBranch(QObject *receiver, core::RetellApiFactory factory,
                                        const QString &branchId, bool force,
                                        Done<core::Publication> done) const
{
    return callOn(
        m_retell, receiver,
        [=](const core::ServiceContext &context, const core::Actor &actor) {
            return core::Publisher(context, factory).publishBranch(actor, branchId, force);
        },
        std::move(done));
}

TaskHandle PublishFacade::publishDue(QObject *receiver, core::RetellApiFactory factory,
                                     Done<QList<core::Publication>> done) const
{
    return callOn(
        m_retell, receiver,
        [=](const core::ServiceContext &context, const core::Actor &actor,
            const TaskControl &control) {
            std::stop_source stop;
            return core::Publisher(context, factory)
                .publishDue(actor, progressOf(control, stop), stop.get_token());
        },
        std::move(done));
}

TaskHandle PublishFacade::importLive(QObject *receiver, core::RetellApiFactory factory,
                                     const QString &branchId, const QString &notes,
                                     Done<core::DriftService::Imported> done) const
{
    return callOn(
        m_retell, receiver,
        [=](const core::ServiceContext &context, const core::Actor &actor) {
            return core::DriftService(context, factory).importLive(actor, branchId, notes);
        },
        std::move(done));
}

TaskHandle PublishFacade::overwriteLive(QObject *receiver, core::RetellApiFactory factory,
                                        const QString &branchId, Done<core::Publication> done) const
{
    return callOn(
        m_retell, receiver,
        [=](const core::ServiceContext &context, const core::Actor &actor) {
            return core::DriftService(context, factory).overwriteLive(actor, branchId);
        },
        std::move(done));
}

} // namespace retell::ui
