#include "OutboxPush.h"

#include "Outbox.h"
#include "versions/VersionService.h"

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
    case ErrorKind::Remote:
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
    QSet<QString> blocked; // branches with an operation that did not apply
    for (qsizetype i = 0; i < queued->size(); ++i) {
        const QueuedOperation op = queued->at(i);
        // Another user's operation waits for that user's own sync (and
        // holds back what was queued after it on its branch).
        if (op.state != QueuedOperation::State::Pending || blocked.contains(op.branchId) ||
            op.userId != actor.user.id) {
            blocked.insert(op.branchId);
            ++report.waiting;
            continue;
        }
        Result<DeployOutcome> outcome = Error::usage(QString());
        if (op.kind == QueuedOperation::Kind::Rollback) {
            outcome = versions.rollback(actor, op.branchId, op.toVersion, op.notes, false, op.id,
                                        op.baseVersion);
        } else {
            DeployRequest request;
            request.config = op.config;
            request.templateName = op.templateName;
            request.notes = op.notes;
            request.baseVersion = op.baseVersion.value_or(0);
            request.operationId = op.id;
            request.imported = op.kind == QueuedOperation::Kind::Import;
            outcome = versions.deploy(actor, op.branchId, request);
        }
        if (outcome) {
            // The operations made offline on top of it now build on what it
            // wrote (Outbox::settle does the same to the stored ones).
            const int produced = outcome->version.version;
            if (auto r = outbox.settle(op, produced); !r)
                return r.error();
            for (qsizetype j = i + 1; j < queued->size(); ++j) {
                QueuedOperation &later = (*queued)[j];
                if (later.branchId == op.branchId &&
                    later.state == QueuedOperation::State::Pending &&
                    later.baseVersion == op.baseVersion)
                    later.baseVersion = produced;
            }
            ++(outcome->replayed ? report.replayed : report.applied);
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
