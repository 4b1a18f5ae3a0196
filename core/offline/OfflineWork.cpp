#include "OfflineWork.h"

#include "templates/TemplateService.h"
#include "versions/BranchService.h"

namespace retell::core {

Result<QueuedOperation> OfflineWork::enqueue(const Actor &actor, const DeployCheck &checked,
                                             QueuedOperation op) const
{
    auto queued = pending(checked.branch.id);
    if (!queued)
        return queued.error();
    auto active = VersionService(m_replica).active(actor, checked.branch.id);
    if (!active && active.error().kind != ErrorKind::NotFound)
        return active.error();
    const int activeVersion = active ? active->version : 0;
    if (!op.baseVersion)
        op.baseVersion = activeVersion;
    // What the branch runs once what is queued before this one applies.
    std::optional<AgentConfig> current;
    if (active)
        current = active->config;
    if (!queued->isEmpty())
        current = queued->constLast().config;
    if (current && *current == checked.request.config) {
        Error e{ErrorKind::Unchanged,
                queued->isEmpty()
                    ? QStringLiteral("Nothing changed since version %1.").arg(activeVersion)
                    : QStringLiteral("Nothing changed since the operation queued before it."),
                {}};
        e.code = queued->isEmpty() ? QStringLiteral("offline.unchanged_active")
                                   : QStringLiteral("offline.unchanged_queued");
        e.args = {QString::number(activeVersion)};
        return e;
    }
    op.branchId = checked.branch.id;
    op.config = checked.request.config;
    op.templateName = checked.request.templateName;
    op.userId = actor.user.id;
    return Outbox(m_replica).enqueue(std::move(op));
}

Result<QueuedOperation> OfflineWork::deploy(const Actor &actor, const QString &branchId,
                                            const DeployRequest &request,
                                            QueuedOperation::Kind kind) const
{
    if (kind != QueuedOperation::Kind::Deploy && kind != QueuedOperation::Kind::Import &&
        kind != QueuedOperation::Kind::ApplyTemplate)
        return Error::usage(QStringLiteral("Only a deploy, import or template apply is queued "
                                           "with content."));
    auto checked = VersionService(m_replica).checkDeploy(actor, branchId, request);
    if (!checked)
        return checked.error();
    QueuedOperation op;
    op.kind = kind;
    op.baseVersion = request.baseVersion;
    op.notes = request.notes;
    return enqueue(actor, checked.value(), std::move(op));
}

Result<QueuedOperation> OfflineWork::applyTemplate(const Actor &actor, const QString &branchId,
                                                   const QString &templateName,
                                                   const QString &notes,
                                                   std::optional<int> baseVersion) const
{
    auto branch = BranchService(m_replica).resolve(actor, branchId);
    if (!branch)
        return branch.error();
    auto tmpl = TemplateService(m_replica).forBranch(actor, templateName, branch.value());
    if (!tmpl)
        return tmpl.error();
    DeployRequest request{tmpl->config, tmpl->name, notes};
    request.baseVersion = baseVersion;
    return deploy(actor, branch->id, request, QueuedOperation::Kind::ApplyTemplate);
}

Result<QueuedOperation> OfflineWork::rollback(const Actor &actor, const QString &branchId,
                                              int toVersion, const QString &notes,
                                              std::optional<int> baseVersion) const
{
    auto checked = VersionService(m_replica).checkRollback(actor, branchId, toVersion, notes);
    if (!checked)
        return checked.error();
    QueuedOperation op;
    op.kind = QueuedOperation::Kind::Rollback;
    op.baseVersion = baseVersion;
    op.toVersion = toVersion;
    op.notes = notes;
    return enqueue(actor, checked.value(), std::move(op));
}

Result<QueuedOperation> OfflineWork::resolve(const Actor &actor, const QString &operationId,
                                             const AgentConfig &merged) const
{
    const Outbox outbox(m_replica);
    auto op = outbox.operation(operationId);
    if (!op)
        return op.error();
    if (op->state != QueuedOperation::State::Conflict) {
        Error e = Error::usage(
            QStringLiteral("The operation %1 is %2, not a conflict: there is nothing to resolve.")
                .arg(operationId, QueuedOperation::stateName(op->state)));
        e.code = QStringLiteral("offline.not_conflict");
        e.args = {operationId, QueuedOperation::stateName(op->state)};
        return e;
    }
    if (op->kind == QueuedOperation::Kind::Rollback) {
        // A rollback restores a version; merged content would be a deploy.
        Error e = Error::usage(
            QStringLiteral(
                "The operation %1 is a rollback made on an older version: drop it, and roll "
                "back again if that is still what you want.")
                .arg(operationId));
        e.code = QStringLiteral("offline.rollback_conflict");
        e.args = {operationId};
        return e;
    }
    DeployRequest request{merged, op->templateName, op->notes};
    auto checked = VersionService(m_replica).checkDeploy(actor, op->branchId, request);
    if (!checked)
        return checked.error();
    auto active = VersionService(m_replica).active(actor, op->branchId);
    if (!active && active.error().kind != ErrorKind::NotFound)
        return active.error();
    const int base = active ? active->version : 0;
    if (auto r = outbox.rebase(operationId, merged, base); !r)
        return r.error();
    return outbox.operation(operationId);
}

Result<QList<QueuedOperation>> OfflineWork::pending(const QString &branchId) const
{
    auto all = queued();
    if (!all)
        return all.error();
    QList<QueuedOperation> mine;
    for (const QueuedOperation &op : std::as_const(*all))
        if (op.branchId == branchId)
            mine << op;
    return mine;
}

Result<QList<QueuedOperation>> OfflineWork::queued() const
{
    return Outbox(m_replica).operations();
}

} // namespace retell::core
