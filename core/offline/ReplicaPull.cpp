#include "ReplicaPull.h"

#include "ReplicaTemplates.h"
#include "db/Database.h"
#include "versions/BranchService.h"

#include <QCryptographicHash>
#include <QSet>
#include <QSqlRecord>

namespace retell::core {

namespace {

const QStringList kVersionColumns = {QStringLiteral("id"),
                                     QStringLiteral("branch_id"),
                                     QStringLiteral("version"),
                                     QStringLiteral("prompt_content"),
                                     QStringLiteral("functions_config"),
                                     QStringLiteral("is_active"),
                                     QStringLiteral("is_template"),
                                     QStringLiteral("template_name"),
                                     QStringLiteral("deployed_at"),
                                     QStringLiteral("deployed_by"),
                                     QStringLiteral("retell_agent_id"),
                                     QStringLiteral("retell_version"),
                                     QStringLiteral("validation_status"),
                                     QStringLiteral("validation_errors"),
                                     QStringLiteral("deployment_notes"),
                                     QStringLiteral("created_at"),
                                     QStringLiteral("updated_at")};
const QString kLastIdKey = QStringLiteral("replica_last_version_id");
// A digest of the server's active version per visible branch as the last
// pull set the replica's flags: when it is the same and nothing new came,
// the flags are as they should be and the replica is not read for them.
const QString kActiveKey = QStringLiteral("replica_active_digest");

// A value read from any backend as SQLite stores it: booleans 0/1,
// timestamps in Laravel's text form, everything else as it came.
QVariant forReplica(const QVariant &value)
{
    // NULL as Database::exec binds it (a typed null QString would bind
    // empty text: a NULL template_name or findings column would not stay NULL).
    if (value.isNull())
        return QVariant();
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? 1 : 0;
    case QMetaType::QDateTime:
        return toSqlTimestamp(fromSqlTimestamp(value));
    default:
        return value;
    }
}

QString placeholders(qsizetype n)
{
    QStringList marks(n, QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

struct VersionRow
{
    QVariantList values; // kVersionColumns, for the replica
    qint64 id = 0;
    QString branchId;
    QVariant deployedBy;
};

Result<QList<VersionRow>> readVersions(QSqlDatabase &server, const QString &where,
                                       const QVariantList &bind, int limit = 0)
{
    QString sql = QStringLiteral("SELECT %1 FROM retell_agent_prompts WHERE %2 ORDER BY id")
                      .arg(kVersionColumns.join(QStringLiteral(", ")), where);
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    auto q = Database::exec(server, sql, bind);
    if (!q)
        return q.error();
    // By position (the SELECT's order): a lookup by name builds the whole
    // record every time, which cost more than the rest of a first fill.
    static const qsizetype id = kVersionColumns.indexOf(QStringLiteral("id"));
    static const qsizetype branchId = kVersionColumns.indexOf(QStringLiteral("branch_id"));
    static const qsizetype deployedBy = kVersionColumns.indexOf(QStringLiteral("deployed_by"));
    QList<VersionRow> rows;
    while (q->next()) {
        VersionRow row;
        row.values.reserve(kVersionColumns.size());
        for (int i = 0; i < kVersionColumns.size(); ++i)
            row.values << forReplica(q->value(i));
        row.id = row.values.at(id).toLongLong();
        row.branchId = row.values.at(branchId).toString();
        row.deployedBy = row.values.at(deployedBy);
        rows << row;
    }
    return rows;
}

// Sets the replica's active flags to the server's (the active version of
// each visible branch) and records their digest; returns how many branches
// changed.
Result<int> syncActiveFlags(const ServiceContext &replicaContext, QSqlDatabase &replica,
                            const QList<Branch> &visible, const QString &digest)
{
    QHash<QString, QList<int>> replicaActive; // more than one: rows pulled before a switch
    auto local = Database::exec(
        replica,
        QStringLiteral("SELECT b.id, p.version FROM branches b CROSS JOIN retell_agent_prompts p "
                       "ON p.branch_id = b.id AND p.is_active = 1"));
    if (!local)
        return local.error();
    while (local->next())
        replicaActive[local->value(0).toString()].append(local->value(1).toInt());
    local->finish();
    QList<QPair<QString, int>> moved;
    for (const Branch &b : visible) {
        const int now = b.activeVersion.value_or(0);
        const QList<int> here = replicaActive.value(b.id);
        if (here != QList<int>{now} && (now != 0 || !here.isEmpty()))
            moved.append({b.id, now});
    }
    auto flags =
        Database::writeTransaction(replicaContext.spec, [&](QSqlDatabase &db) -> Result<void> {
            auto meta = Database::exec(
                db,
                QStringLiteral("INSERT INTO retell_admin_meta (name, value) VALUES (?, ?) ON "
                               "CONFLICT (name) DO UPDATE SET value = excluded.value"),
                {kActiveKey, digest});
            if (!meta)
                return meta.error();
            for (const auto &[id, now] : std::as_const(moved)) {
                auto set = Database::exec(
                    db,
                    QStringLiteral(
                        "UPDATE retell_agent_prompts SET is_active = CASE WHEN version = ? "
                        "THEN 1 ELSE 0 END WHERE branch_id = ?"),
                    {now, id});
                if (!set)
                    return set.error();
            }
            return {};
        });
    if (!flags)
        return flags.error();
    return int(moved.size());
}

} // namespace

Result<PullReport> ReplicaPull::pull(const Actor &actor, const PullProgress &progress) const
{
    PullReport report;
    auto visible = BranchService(m_server).branches(actor);
    if (!visible)
        return visible.error();
    QSet<QString> visibleIds;
    for (const Branch &b : std::as_const(*visible))
        visibleIds.insert(b.id);
    auto server = Database::connection(m_server.spec);
    if (!server)
        return server.error();
    auto replica = Database::connection(m_replica.spec);
    if (!replica)
        return replica.error();

    // Where the last pull stopped, and which branches the replica has.
    qint64 lastId = 0;
    QString storedDigest;
    QSet<QString> known;
    // What the replica holds, so an unchanged branch or company is not
    // written again (a sync with nothing new writes next to nothing).
    QHash<QString, QString> stored;          // branch id -> "company_id\nname"
    QHash<QString, QString> storedCompanies; // id -> name
    {
        auto meta = Database::exec(
            replica.value(), QStringLiteral("SELECT value FROM retell_admin_meta WHERE name = ?"),
            {kLastIdKey});
        if (!meta)
            return meta.error();
        if (meta->next())
            lastId = meta->value(0).toLongLong();
        meta = Database::exec(replica.value(),
                              QStringLiteral("SELECT value FROM retell_admin_meta WHERE name = ?"),
                              {kActiveKey});
        if (!meta)
            return meta.error();
        if (meta->next())
            storedDigest = meta->value(0).toString();
        auto branches = Database::exec(replica.value(),
                                       QStringLiteral("SELECT id, company_id, name FROM branches"));
        if (!branches)
            return branches.error();
        while (branches->next()) {
            known.insert(branches->value(0).toString());
            stored.insert(branches->value(0).toString(), branches->value(1).toString() +
                                                             QLatin1Char('\n') +
                                                             branches->value(2).toString());
        }
        auto companies =
            Database::exec(replica.value(), QStringLiteral("SELECT id, name FROM companies"));
        if (!companies)
            return companies.error();
        while (companies->next())
            storedCompanies.insert(companies->value(0).toString(), companies->value(1).toString());
    }

    // Who is logged in, with the password hash an offline login checks.
    auto self = Database::exec(
        server.value(), QStringLiteral("SELECT id, name, email, password FROM users WHERE id = ?"),
        {actor.user.id});
    if (!self)
        return self.error();
    if (!self->next())
        return Error::notFound(QStringLiteral("Your user account no longer exists on the server."));
    const QVariantList selfRow = {
        self->value(QStringLiteral("id")), self->value(QStringLiteral("name")),
        self->value(QStringLiteral("email")), self->value(QStringLiteral("password"))};
    auto grants = Database::exec(
        server.value(),
        QStringLiteral("SELECT scope, scope_id, role FROM retell_admin_grants WHERE user_id = ?"),
        {actor.user.id});
    if (!grants)
        return grants.error();
    QList<QVariantList> grantRows;
    while (grants->next())
        grantRows << QVariantList{actor.user.id, grants->value(QStringLiteral("scope")),
                                  grants->value(QStringLiteral("scope_id")),
                                  grants->value(QStringLiteral("role"))};

    // Users, branches and grants: one local transaction.
    QSet<QString> added;
    auto structure =
        Database::writeTransaction(m_replica.spec, [&](QSqlDatabase &db) -> Result<void> {
            added.clear();
            report.branchesRemoved = 0;
            auto user =
                Database::exec(db,
                               QStringLiteral("INSERT INTO users (id, name, email, password) "
                                              "VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
                                              "SET name = excluded.name, email = excluded.email, "
                                              "password = excluded.password"),
                               selfRow);
            if (!user)
                return user.error();
            // One login per replica: whoever pulled before keeps a name only.
            for (const char *sql : {"UPDATE users SET password = '' WHERE id <> ?",
                                    "DELETE FROM retell_admin_grants WHERE user_id <> ?"}) {
                auto others = Database::exec(db, QString::fromLatin1(sql), {actor.user.id});
                if (!others)
                    return others.error();
            }
            for (const QString &id : std::as_const(known)) {
                if (visibleIds.contains(id))
                    continue;
                for (const char *sql : {"DELETE FROM retell_agent_prompts WHERE branch_id = ?",
                                        "DELETE FROM branches WHERE id = ?"}) {
                    auto gone = Database::exec(db, QString::fromLatin1(sql), {id});
                    if (!gone)
                        return gone.error();
                }
                ++report.branchesRemoved;
            }
            for (const Branch &b : std::as_const(*visible)) {
                if (!known.contains(b.id))
                    added.insert(b.id);
                if (stored.value(b.id) == b.companyId + QLatin1Char('\n') + b.name &&
                    storedCompanies.value(b.companyId) == b.companyName)
                    continue;
                auto company = Database::exec(
                    db,
                    QStringLiteral(
                        "INSERT INTO companies (id, name) VALUES (?, ?) ON CONFLICT (id) "
                        "DO UPDATE SET name = excluded.name"),
                    {b.companyId, b.companyName});
                if (!company)
                    return company.error();
                auto branch = Database::exec(
                    db,
                    QStringLiteral(
                        "INSERT INTO branches (id, company_id, name) VALUES (?, ?, ?) ON "
                        "CONFLICT (id) DO UPDATE SET company_id = excluded.company_id, "
                        "name = excluded.name"),
                    {b.id, b.companyId, b.name});
                if (!branch)
                    return branch.error();
            }
            auto clear = Database::exec(
                db, QStringLiteral("DELETE FROM retell_admin_grants WHERE user_id = ?"),
                {actor.user.id});
            if (!clear)
                return clear.error();
            for (const QVariantList &g : std::as_const(grantRows)) {
                auto grant = Database::exec(
                    db,
                    QStringLiteral("INSERT INTO retell_admin_grants (user_id, scope, "
                                   "scope_id, role) VALUES (?, ?, ?, ?)"),
                    g);
                if (!grant)
                    return grant.error();
            }
            return {};
        });
    if (!structure)
        return structure.error();
    report.branches = int(visibleIds.size());

    // Names of the users who deployed what is pulled (no credentials).
    QSet<qint64> namedUsers{actor.user.id};
    const auto writeVersions = [&](const QList<VersionRow> &rows, std::optional<qint64> newLastId) {
        return Database::writeTransaction(m_replica.spec, [&](QSqlDatabase &db) -> Result<void> {
            for (const VersionRow &row : rows) {
                const qint64 by = row.deployedBy.toLongLong();
                if (!row.deployedBy.isNull() && !namedUsers.contains(by)) {
                    auto who = Database::exec(
                        server.value(),
                        QStringLiteral("SELECT name, email FROM users WHERE id = ?"), {by});
                    if (!who)
                        return who.error();
                    if (who->next()) {
                        auto named = Database::exec(
                            db,
                            QStringLiteral("INSERT INTO users (id, name, email, password) VALUES "
                                           "(?, ?, ?, '') ON CONFLICT (id) DO UPDATE SET name = "
                                           "excluded.name"),
                            {by, who->value(0), who->value(1)});
                        if (!named)
                            return named.error();
                    }
                    namedUsers.insert(by);
                }
                auto inserted = Database::exec(
                    db,
                    QStringLiteral("INSERT INTO retell_agent_prompts (%1) VALUES (%2) ON CONFLICT "
                                   "(id) DO NOTHING")
                        .arg(kVersionColumns.join(QStringLiteral(", ")),
                             placeholders(kVersionColumns.size())),
                    row.values);
                if (!inserted)
                    return inserted.error();
                report.versionsAdded += inserted->numRowsAffected() > 0 ? 1 : 0;
            }
            if (newLastId) {
                auto meta = Database::exec(
                    db,
                    QStringLiteral("INSERT INTO retell_admin_meta (name, value) VALUES (?, ?) ON "
                                   "CONFLICT (name) DO UPDATE SET value = excluded.value"),
                    {kLastIdKey, QString::number(*newLastId)});
                if (!meta)
                    return meta.error();
            }
            return {};
        });
    };

    // Branches that became visible: their whole history.
    for (const QString &id : std::as_const(added)) {
        auto rows =
            readVersions(server.value(), QStringLiteral("branch_id = ? AND id <= ?"), {id, lastId});
        if (!rows)
            return rows.error();
        if (auto w = writeVersions(rows.value(), std::nullopt); !w)
            return w.error();
    }

    // New versions by id, batch by batch.
    auto count = Database::exec(
        server.value(), QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts WHERE id > ?"),
        {lastId});
    if (!count)
        return count.error();
    const qint64 total = count->next() ? count->value(0).toLongLong() : 0;
    qint64 done = 0;
    while (true) {
        if (progress.cancelled && progress.cancelled()) {
            report.cancelled = true;
            return report; // what was pulled stays, with the id reached
        }
        auto rows = readVersions(server.value(), QStringLiteral("id > ?"), {lastId}, kBatch);
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            break;
        const qint64 reached = rows->constLast().id;
        QList<VersionRow> mine;
        for (const VersionRow &row : std::as_const(*rows)) {
            if (visibleIds.contains(row.branchId))
                mine << row;
        }
        if (auto w = writeVersions(mine, reached); !w)
            return w.error();
        lastId = reached;
        done += rows->size();
        if (progress.report)
            progress.report(done, std::max(total, done));
    }

    // The active version per branch: the one flag versions change. The
    // server's comes with the visible branches; the replica's through its
    // (branch_id, is_active) index, branch by branch (CROSS JOIN keeps
    // SQLite from scanning every version instead, reading each prompt's
    // overflow pages to reach is_active).
    QStringList activeNow;
    for (const Branch &b : std::as_const(*visible))
        activeNow << b.id + QLatin1Char('=') + QString::number(b.activeVersion.value_or(0));
    activeNow.sort();
    const QString digest =
        QString::fromLatin1(QCryptographicHash::hash(activeNow.join(QLatin1Char(',')).toUtf8(),
                                                     QCryptographicHash::Sha1)
                                .toHex());
    report.activeChanged = 0;
    if (report.versionsAdded > 0 || digest != storedDigest) {
        auto moved = syncActiveFlags(m_replica, replica.value(), visible.value(), digest);
        if (!moved)
            return moved.error();
        report.activeChanged = moved.value();
    }
    auto templates = ReplicaTemplates(m_server, m_replica).refresh(actor);
    if (!templates)
        return templates.error();
    report.templates = templates.value();
    return report;
}

} // namespace retell::core
