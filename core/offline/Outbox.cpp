#include "Outbox.h"

#include "db/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlRecord>
#include <QUuid>

namespace retell::core {

namespace {

constexpr std::pair<QueuedOperation::Kind, const char *> kKinds[] = {
    {QueuedOperation::Kind::Deploy, "deploy"},
    {QueuedOperation::Kind::Rollback, "rollback"},
    {QueuedOperation::Kind::Import, "import"},
    {QueuedOperation::Kind::ApplyTemplate, "apply-template"},
};
constexpr std::pair<QueuedOperation::State, const char *> kStates[] = {
    {QueuedOperation::State::Pending, "pending"},
    {QueuedOperation::State::Conflict, "conflict"},
    {QueuedOperation::State::Refused, "refused"},
};

template <typename E, size_t N>
QString nameOf(const std::pair<E, const char *> (&table)[N], E value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template <typename E, size_t N>
std::optional<E> valueOf(const std::pair<E, const char *> (&table)[N], const QString &name)
{
    for (const auto &[e, n] : table) {
        if (name == QLatin1String(n))
            return e;
    }
    return std::nullopt;
}

const QString kColumns = QStringLiteral(
    "id, seq, branch_id, kind, base_version, payload, user_id, created_at, attempts, state, "
    "last_error");

// The content of an operation, as stored in its payload column.
QByteArray payloadOf(const QueuedOperation &op)
{
    QJsonObject o{{QStringLiteral("prompt"), op.config.prompt},
                  {QStringLiteral("tools"), op.config.toolsJson},
                  {QStringLiteral("notes"), op.notes}};
    if (!op.templateName.isEmpty())
        o.insert(QStringLiteral("template_name"), op.templateName);
    if (op.kind == QueuedOperation::Kind::Rollback)
        o.insert(QStringLiteral("to_version"), op.toVersion);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The last_error column: NULL, or the code and sentence as JSON.
QVariant lastErrorValue(const QString &code, const QString &message)
{
    if (code.isEmpty() && message.isEmpty())
        return QVariant(QMetaType(QMetaType::QString));
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                                       {QStringLiteral("message"), message}})
                                 .toJson(QJsonDocument::Compact));
}

// Writes `op` as it is: every column, its state and last error included.
Result<void> insertOperation(QSqlDatabase &db, const QueuedOperation &op)
{
    auto inserted = Database::exec(
        db,
        QStringLiteral("INSERT INTO retell_offline_outbox (%1) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(kColumns),
        {op.id, op.seq, op.branchId, QueuedOperation::kindName(op.kind),
         op.baseVersion ? QVariant(*op.baseVersion) : QVariant(QMetaType(QMetaType::Int)),
         QString::fromUtf8(payloadOf(op)), op.userId, toSqlTimestamp(op.createdAt), op.attempts,
         QueuedOperation::stateName(op.state),
         lastErrorValue(op.lastErrorCode, op.lastErrorMessage)});
    if (!inserted)
        return inserted.error();
    return {};
}

Result<QueuedOperation> operationFrom(const QSqlQuery &q)
{
    const auto text = [&](const char *column) { return q.value(QLatin1String(column)).toString(); };
    QueuedOperation op;
    op.id = text("id");
    op.seq = q.value(QStringLiteral("seq")).toLongLong();
    op.branchId = text("branch_id");
    const auto kind = QueuedOperation::kindFromName(text("kind"));
    const auto state = QueuedOperation::stateFromName(text("state"));
    QJsonParseError error;
    const QJsonObject payload = QJsonDocument::fromJson(text("payload").toUtf8(), &error).object();
    if (!kind || !state || error.error != QJsonParseError::NoError)
        return Error::database(
            QStringLiteral("The queued operation %1 in the outbox is damaged.").arg(op.id));
    op.kind = *kind;
    op.state = *state;
    const QVariant base = q.value(QStringLiteral("base_version"));
    if (!base.isNull())
        op.baseVersion = base.toInt();
    op.config.prompt = payload.value(QStringLiteral("prompt")).toString();
    op.config.toolsJson = payload.value(QStringLiteral("tools")).toString();
    op.notes = payload.value(QStringLiteral("notes")).toString();
    op.templateName = payload.value(QStringLiteral("template_name")).toString();
    op.toVersion = payload.value(QStringLiteral("to_version")).toInt();
    op.userId = q.value(QStringLiteral("user_id")).toLongLong();
    op.createdAt = fromSqlTimestamp(q.value(QStringLiteral("created_at")));
    op.attempts = q.value(QStringLiteral("attempts")).toInt();
    const QJsonObject last = QJsonDocument::fromJson(text("last_error").toUtf8()).object();
    op.lastErrorCode = last.value(QStringLiteral("code")).toString();
    op.lastErrorMessage = last.value(QStringLiteral("message")).toString();
    return op;
}

Error missing(const QString &id)
{
    return Error::notFound(QStringLiteral("No queued operation has the id %1.").arg(id));
}

} // namespace

QString QueuedOperation::kindName(Kind kind)
{
    return nameOf(kKinds, kind);
}

std::optional<QueuedOperation::Kind> QueuedOperation::kindFromName(const QString &name)
{
    return valueOf(kKinds, name);
}

QString QueuedOperation::stateName(State state)
{
    return nameOf(kStates, state);
}

std::optional<QueuedOperation::State> QueuedOperation::stateFromName(const QString &name)
{
    return valueOf(kStates, name);
}

Result<QueuedOperation> Outbox::enqueue(QueuedOperation op) const
{
    op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.createdAt = m_replica.clock();
    op.attempts = 0;
    op.state = QueuedOperation::State::Pending;
    op.lastErrorCode.clear();
    op.lastErrorMessage.clear();
    auto written =
        Database::writeTransaction(m_replica.spec, [&](QSqlDatabase &db) -> Result<void> {
            auto last =
                Database::exec(db, QStringLiteral("SELECT MAX(seq) FROM retell_offline_outbox"));
            if (!last)
                return last.error();
            op.seq = (last->next() ? last->value(0).toLongLong() : 0) + 1;
            return insertOperation(db, op);
        });
    if (!written)
        return written.error();
    return op;
}

Result<QList<QueuedOperation>> Outbox::operations() const
{
    auto conn = Database::connection(m_replica.spec);
    if (!conn)
        return conn.error();
    auto q = Database::exec(
        conn.value(),
        QStringLiteral("SELECT %1 FROM retell_offline_outbox ORDER BY seq").arg(kColumns));
    if (!q)
        return q.error();
    QList<QueuedOperation> out;
    while (q->next()) {
        auto op = operationFrom(q.value());
        if (!op)
            return op.error();
        out.append(std::move(op.value()));
    }
    return out;
}

Result<QueuedOperation> Outbox::operation(const QString &id) const
{
    auto conn = Database::connection(m_replica.spec);
    if (!conn)
        return conn.error();
    auto q = Database::exec(
        conn.value(),
        QStringLiteral("SELECT %1 FROM retell_offline_outbox WHERE id = ?").arg(kColumns), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return missing(id);
    return operationFrom(q.value());
}

Result<void> Outbox::recordAttempt(const QString &id, QueuedOperation::State state,
                                   const QString &errorCode, const QString &errorMessage) const
{
    return Database::writeTransaction(m_replica.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto q = Database::exec(
            db,
            QStringLiteral("UPDATE retell_offline_outbox SET attempts = attempts "
                           "+ 1, state = ?, last_error = ? WHERE id = ?"),
            {QueuedOperation::stateName(state), lastErrorValue(errorCode, errorMessage), id});
        if (!q)
            return q.error();
        if (q->numRowsAffected() != 1)
            return missing(id);
        return {};
    });
}

Result<void> Outbox::rebase(const QString &id, const AgentConfig &merged, int baseVersion) const
{
    return Database::writeTransaction(m_replica.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto q = Database::exec(
            db, QStringLiteral("SELECT %1 FROM retell_offline_outbox WHERE id = ?").arg(kColumns),
            {id});
        if (!q)
            return q.error();
        if (!q->next())
            return missing(id);
        auto op = operationFrom(q.value());
        if (!op)
            return op.error();
        op->config = merged;
        auto updated = Database::exec(
            db,
            QStringLiteral("UPDATE retell_offline_outbox SET payload = ?, base_version = ?, "
                           "state = 'pending', last_error = NULL WHERE id = ?"),
            {QString::fromUtf8(payloadOf(op.value())), baseVersion, id});
        if (!updated)
            return updated.error();
        return {};
    });
}

Result<void> Outbox::remove(const QString &id) const
{
    return Database::writeTransaction(m_replica.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto q = Database::exec(
            db, QStringLiteral("DELETE FROM retell_offline_outbox WHERE id = ?"), {id});
        if (!q)
            return q.error();
        if (q->numRowsAffected() != 1)
            return missing(id);
        return {};
    });
}

Result<void> Outbox::restore(const QueuedOperation &op) const
{
    return Database::writeTransaction(m_replica.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto there = Database::exec(
            db, QStringLiteral("SELECT COUNT(*) FROM retell_offline_outbox WHERE id = ?"), {op.id});
        if (!there)
            return there.error();
        if (there->next() && there->value(0).toInt() > 0)
            return Error::conflict(
                QStringLiteral("The operation %1 is already in the outbox.").arg(op.id));
        return insertOperation(db, op);
    });
}

Result<void> Outbox::settle(const QueuedOperation &applied, int produced) const
{
    return Database::writeTransaction(m_replica.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto removed = Database::exec(
            db, QStringLiteral("DELETE FROM retell_offline_outbox WHERE id = ?"), {applied.id});
        if (!removed)
            return removed.error();
        if (removed->numRowsAffected() != 1)
            return missing(applied.id);
        const QString onBase = applied.baseVersion ? QStringLiteral("base_version = ?")
                                                   : QStringLiteral("base_version IS NULL");
        QVariantList bind{produced, applied.branchId, applied.seq};
        if (applied.baseVersion)
            bind << *applied.baseVersion;
        auto rebased = Database::exec(
            db,
            QStringLiteral("UPDATE retell_offline_outbox SET base_version = ? WHERE branch_id = ? "
                           "AND state = 'pending' AND seq > ? AND ") +
                onBase,
            bind);
        if (!rebased)
            return rebased.error();
        return {};
    });
}

} // namespace retell::core
