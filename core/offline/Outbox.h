#pragma once

#include "common/Result.h"
#include "db/ServiceContext.h"
#include "domain/Types.h"

#include <optional>

namespace retell::core {

// An operation made offline, waiting in the outbox of a local replica for
// the shared database (issue 12). It never invents a version number: the
// server numbers it when the push applies it. Its id is the idempotency key
// the server records with the version it wrote.
struct QueuedOperation
{
    enum class Kind
    {
        Deploy,
        Rollback,
        Import,
        ApplyTemplate
    };
    enum class State
    {
        Pending,  // waits for the next push
        Conflict, // its base is no longer the branch's active version: merge first
        Refused,  // the server refused it (grants, validation): the admin decides
    };

    QString id;     // a UUID, assigned by Outbox::enqueue
    qint64 seq = 0; // push order, assigned by Outbox::enqueue
    QString branchId;
    Kind kind = Kind::Deploy;
    std::optional<int> baseVersion; // the active version the edit started from; none: no version
    AgentConfig config;             // deploy, import, apply-template
    QString notes;
    QString templateName; // apply-template
    int toVersion = 0;    // rollback
    qint64 userId = 0;    // who made it
    QDateTime createdAt;  // UTC
    int attempts = 0;
    State state = State::Pending;
    QString lastErrorCode;    // stable code of the last refusal or failure ("" when none)
    QString lastErrorMessage; // its English sentence

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    static QString stateName(State state);
    static std::optional<State> stateFromName(const QString &name);
};

// The outbox of a local replica (an SQLite database migrated like any other:
// table retell_offline_outbox). Each change is one local transaction, so a
// queued operation survives a crash at any moment and is never half written.
class Outbox final
{
public:
    explicit Outbox(ServiceContext replica) : m_replica(std::move(replica)) {}

    // Queues `operation` after every other one; returns it with its id, push
    // order and time.
    Result<QueuedOperation> enqueue(QueuedOperation operation) const;
    // Every queued operation, in push order.
    Result<QList<QueuedOperation>> operations() const;
    // NotFound when no operation has that id.
    Result<QueuedOperation> operation(const QString &id) const;
    // A push attempt that did not apply it: its new state and why.
    Result<void> recordAttempt(const QString &id, QueuedOperation::State state,
                               const QString &errorCode, const QString &errorMessage) const;
    // A conflict resolved: the merged content, based on the active version
    // it was merged with, pending again.
    Result<void> rebase(const QString &id, const AgentConfig &merged, int baseVersion) const;
    // Applied by the server, or dropped by the admin.
    Result<void> remove(const QString &id) const;
    // A dropped operation put back exactly as it was: its id, its place in
    // the push order, its state and last error (the admin's undo). Conflict
    // when an operation with that id is queued.
    Result<void> restore(const QueuedOperation &operation) const;
    // Applied by the server as `produced`: removed, and the pending
    // operations queued after it on its branch on the same base (made on top
    // of it) rebased onto `produced`, in one local transaction, so a crash
    // between the two never turns the rest of the chain into conflicts.
    Result<void> settle(const QueuedOperation &applied, int produced) const;

private:
    ServiceContext m_replica;
};

} // namespace retell::core
