#include "OutboxPush.h"

#include "Outbox.h"
#include "versions/VersionService.h"

#include <QHash>
#include <QSet>

namespace retell::core {

namespace {

// How a refusal is kept in the outbox: its state and a stable code.
std::pair<QueuedOperation::State, QString> classify(const Error &error)
{
    using State = QueuedOperation::State;
    switch (error.kind) {
    case ErrorKind::Conflict:
        return {State::Conflict, QStringLiteral("stale_base")};
    case ErrorKind::Unchanged:
        return {State::Refused, QStringLiteral("unchanged")};
    case ErrorKind::Validation:
        return {State::Refused, QStringLiteral("validation")};
    case ErrorKind::Permission:
        return {State::Refused, QStringLiteral("permission")};
    case ErrorKind::NotFound:
        return {State::Refused, QStringLiteral("not_found")};
    case ErrorKind::Usage:
        return {State::Refused, QStringLiteral("invalid")};
    case ErrorKind::Authentication:
        return {State::Pending, QStringLiteral("authentication")};
    case ErrorKind::Database:
    case ErrorKind::Io:
        return {State::Pending, QStringLiteral("connection")};
    }
    return {State::Pending, QStringLiteral("connection")};
}

} // namespace

Result<PushReport> OutboxPush::push(const Actor &actor) const
{
    const Outbox outbox(m_replica);
    auto queued = outbox.operations();
    if (!queued)
        return queued.error();
    PushReport report;
    const VersionService versions(m_server);
    QSet<QString> blocked;            // branches with an operation that did not apply
    QHash<QString, int> producedFrom; // branch -> the base its last applied operation had
    QHash<QString, int> produced;     // branch -> the version it produced
    for (QueuedOperation op : std::as_const(*queued)) {
        if (op.state != QueuedOperation::State::Pending || blocked.contains(op.branchId)) {
            blocked.insert(op.branchId);
            ++report.waiting;
            continue;
        }
        // Made offline on top of the one just applied: based on what it wrote.
        if (produced.contains(op.branchId) &&
            op.baseVersion.value_or(0) == producedFrom.value(op.branchId)) {
            op.baseVersion = produced.value(op.branchId);
            if (auto r = outbox.rebase(op.id, op.config, *op.baseVersion); !r)
                return r.error();
        }
        Result<DeployOutcome> outcome = Error::usage(QString());
        if (op.kind == QueuedOperation::Kind::Rollback) {
            outcome = versions.rollback(actor, op.branchId, op.toVersion, op.notes, false, op.id);
        } else {
            DeployRequest request;
            request.config = op.config;
            request.templateName = op.templateName;
            request.notes = op.notes;
            request.baseVersion = op.baseVersion.value_or(0);
            request.operationId = op.id;
            outcome = versions.deploy(actor, op.branchId, request);
        }
        if (outcome) {
            if (auto r = outbox.remove(op.id); !r)
                return r.error();
            ++(outcome->replayed ? report.replayed : report.applied);
            producedFrom.insert(op.branchId, op.baseVersion.value_or(0));
            produced.insert(op.branchId, outcome->version.version);
            continue;
        }
        const auto [state, code] = classify(outcome.error());
        if (auto r = outbox.recordAttempt(op.id, state, code, outcome.error().message); !r)
            return r.error();
        if (state == QueuedOperation::State::Pending) {
            report.stopped = true;
            report.stopReason = outcome.error().message;
            break;
        }
        ++(state == QueuedOperation::State::Conflict ? report.conflicts : report.refused);
        blocked.insert(op.branchId);
    }
    return report;
}

} // namespace retell::core
