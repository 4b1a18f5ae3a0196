#include "publish/PublicationStore.h"

#include "access/BranchLookup.h"
#include "db/Database.h"
#include "db/RowReader.h"

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kColumns =
    u"pub.prompt_id AS prompt_id, pub.branch_id AS pub_branch_id, pub.version AS version, "
    "pub.agent_id AS agent_id, pub.llm_id AS llm_id, pub.state AS state, "
    "pub.attempts AS attempts, pub.next_attempt_at AS next_attempt_at, "
    "pub.lease_until AS lease_until, pub.last_error_code AS last_error_code, "
    "pub.last_error_message AS last_error_message, pub.retell_version AS retell_version, "
    "pub.forced AS forced, pub.enqueued_at AS enqueued_at, pub.published_at AS published_at"_s;

// Publications joined with their live branch (b) and company (c), for the
// access scope.
const QString kFromScoped = u" FROM retell_admin_publications pub "
                            "JOIN branches b ON b.id = pub.branch_id "
                            "JOIN companies c ON c.id = b.company_id WHERE "_s;

std::optional<QDateTime> optionalTime(const RowReader &row, QLatin1StringView column)
{
    if (row.isNull(column))
        return std::nullopt;
    const QDateTime time = fromSqlTimestamp(row[column]);
    return time.isValid() ? std::optional(time) : std::nullopt;
}

QVariant timeOrNull(const std::optional<QDateTime> &time)
{
    return time ? QVariant(toSqlTimestamp(*time)) : QVariant();
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

Publication publicationFrom(const RowReader &row)
{
    Publication p;
    p.promptId = row.integer("prompt_id"_L1);
    p.branchId = row.text("pub_branch_id"_L1);
    p.version = int(row.integer("version"_L1));
    p.agentId = row.text("agent_id"_L1);
    p.llmId = row.text("llm_id"_L1);
    p.state =
        Publication::stateFromName(row.text("state"_L1)).value_or(Publication::State::Pending);
    p.attempts = int(row.integer("attempts"_L1));
    p.nextAttemptAt = optionalTime(row, "next_attempt_at"_L1);
    p.leaseUntil = optionalTime(row, "lease_until"_L1);
    p.errorCode = row.text("last_error_code"_L1);
    p.errorMessage = row.text("last_error_message"_L1);
    if (!row.isNull("retell_version"_L1))
        p.retellVersion = int(row.integer("retell_version"_L1));
    p.forced = row.flag("forced"_L1);
    p.enqueuedAt = fromSqlTimestamp(row["enqueued_at"_L1]);
    p.publishedAt = optionalTime(row, "published_at"_L1);
    return p;
}

Result<QList<Publication>> publicationsOf(QSqlDatabase &db, const QString &sql,
                                          const QVariantList &bind)
{
    auto q = Database::exec(db, sql, bind);
    if (!q)
        return q.error();
    QList<Publication> result;
    const RowReader row(q.value());
    while (q->next())
        result << publicationFrom(row);
    return result;
}

Result<std::optional<Publication>> firstOf(Result<QList<Publication>> rows)
{
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Publication>();
    return std::optional<Publication>(rows->first());
}

Result<void> execute(QSqlDatabase &db, const QString &sql, const QVariantList &bind)
{
    auto q = Database::exec(db, sql, bind);
    if (!q)
        return q.error();
    return {};
}

Result<int> affected(QSqlDatabase &db, const QString &sql, const QVariantList &bind)
{
    auto q = Database::exec(db, sql, bind);
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

RetellLink linkFrom(const RowReader &row)
{
    RetellLink l;
    l.branchId = row.text("link_branch_id"_L1);
    l.agentId = row.text("link_agent_id"_L1);
    l.llmId = row.text("link_llm_id"_L1);
    if (!row.isNull("linked_by"_L1))
        l.linkedBy = row.integer("linked_by"_L1);
    l.linkedByName = row.text("linked_by_name"_L1);
    l.linkedAt = fromSqlTimestamp(row["linked_at"_L1]);
    return l;
}

// Aliased apart from the publication's agent_id / llm_id (read together).
const QString kLinkColumns =
    u"l.branch_id AS link_branch_id, l.agent_id AS link_agent_id, l.llm_id AS link_llm_id, "
    "l.linked_by AS linked_by, u.name AS linked_by_name, l.linked_at AS linked_at"_s;

// The version columns (p) a publish needs.
const QString kVersionColumns = u"p.id AS row_id, p.branch_id AS version_branch_id, "
                                "p.version AS active_version, p.deployment_notes AS notes, "_s +
                                configColumns("p."_L1);

PromptVersion versionFrom(const RowReader &row)
{
    PromptVersion v;
    v.rowId = row.integer("row_id"_L1);
    v.branchId = row.text("version_branch_id"_L1);
    v.version = int(row.integer("active_version"_L1));
    v.config = configFrom(row);
    v.notes = row.text("notes"_L1);
    v.isActive = true;
    return v;
}

Result<std::optional<PromptVersion>> oneVersion(QSqlDatabase &db, const QString &where,
                                                const QVariant &bind)
{
    auto q = Database::exec(
        db, u"SELECT "_s + kVersionColumns + u" FROM retell_agent_prompts p WHERE "_s + where,
        {bind});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<PromptVersion>();
    return std::optional<PromptVersion>(versionFrom(RowReader(q.value())));
}

} // namespace

Result<QList<PublicationStore::LinkedBranch>>
PublicationStore::linkedBranches(QSqlDatabase &db, const ScopeCondition &scope,
                                 const QString &branchId, const QString &companyId)
{
    QString sql = u"SELECT "_s + kLinkColumns + u", "_s + kVersionColumns + u", "_s + kColumns +
                  u" FROM retell_admin_retell_links l JOIN branches b ON b.id = l.branch_id "
                  "JOIN companies c ON c.id = b.company_id "
                  "LEFT JOIN users u ON u.id = l.linked_by "
                  "LEFT JOIN retell_agent_prompts p ON p.branch_id = l.branch_id AND "
                  "p.is_active = TRUE AND p.is_template = FALSE "
                  "LEFT JOIN retell_admin_publications pub ON pub.prompt_id = p.id "
                  "WHERE 1 = 1"_s +
                  BranchLookup::liveFilter(db) + scope.sql;
    QVariantList bind = scope.bind;
    if (!branchId.isEmpty()) {
        sql += u" AND l.branch_id = ?"_s;
        bind << branchId;
    }
    if (!companyId.isEmpty()) {
        sql += u" AND b.company_id = ?"_s;
        bind << companyId;
    }
    sql += u" ORDER BY c.name, b.name, p.version DESC"_s;
    auto q = Database::exec(db, sql, bind);
    if (!q)
        return q.error();
    QList<LinkedBranch> result;
    const RowReader row(q.value());
    while (q->next()) {
        LinkedBranch b;
        b.link = linkFrom(row);
        // One active version per branch; should a writer of the web app
        // leave two, the newest (first) counts.
        if (!result.isEmpty() && result.last().link.branchId == b.link.branchId)
            continue;
        if (!row.isNull("row_id"_L1))
            b.active = versionFrom(row);
        if (!row.isNull("prompt_id"_L1))
            b.publication = publicationFrom(row);
        result << b;
    }
    return result;
}

Result<std::optional<PromptVersion>> PublicationStore::activeVersion(QSqlDatabase &db,
                                                                     const QString &branchId)
{
    return oneVersion(db,
                      u"p.branch_id = ? AND p.is_active = TRUE AND p.is_template = FALSE "
                      "ORDER BY p.version DESC LIMIT 1"_s,
                      branchId);
}

Result<std::optional<PromptVersion>> PublicationStore::versionRow(QSqlDatabase &db, qint64 promptId)
{
    return oneVersion(db, u"p.id = ?"_s, promptId);
}

Result<std::optional<RetellLink>> PublicationStore::link(QSqlDatabase &db, const QString &branchId)
{
    auto q = Database::exec(db,
                            u"SELECT "_s + kLinkColumns +
                                u" FROM retell_admin_retell_links l LEFT JOIN users u ON "
                                "u.id = l.linked_by WHERE l.branch_id = ?"_s,
                            {branchId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<RetellLink>();
    return std::optional<RetellLink>(linkFrom(RowReader(q.value())));
}

Result<QString> PublicationStore::branchOfAgent(QSqlDatabase &db, const QString &agentId)
{
    auto q = Database::exec(
        db, u"SELECT branch_id FROM retell_admin_retell_links WHERE agent_id = ?"_s, {agentId});
    if (!q)
        return q.error();
    if (!q->next())
        return QString();
    return RowReader(q.value()).text("branch_id"_L1);
}

Result<void> PublicationStore::saveLink(QSqlDatabase &db, const RetellLink &link, bool exists)
{
    const QVariant by = link.linkedBy ? QVariant(*link.linkedBy) : QVariant();
    if (exists)
        return execute(
            db,
            u"UPDATE retell_admin_retell_links SET agent_id = ?, llm_id = ?, "
            "linked_by = ?, linked_at = ? WHERE branch_id = ?"_s,
            {link.agentId, link.llmId, by, toSqlTimestamp(link.linkedAt), link.branchId});
    return execute(db,
                   u"INSERT INTO retell_admin_retell_links (branch_id, agent_id, llm_id, "
                   "linked_by, linked_at) VALUES (?, ?, ?, ?, ?)"_s,
                   {link.branchId, link.agentId, link.llmId, by, toSqlTimestamp(link.linkedAt)});
}

Result<void> PublicationStore::removeLink(QSqlDatabase &db, const QString &branchId)
{
    return execute(db, u"DELETE FROM retell_admin_retell_links WHERE branch_id = ?"_s, {branchId});
}

Result<std::optional<Publication>> PublicationStore::read(QSqlDatabase &db, qint64 promptId)
{
    return firstOf(publicationsOf(
        db, u"SELECT "_s + kColumns + u" FROM retell_admin_publications pub WHERE prompt_id = ?"_s,
        {promptId}));
}

Result<std::optional<Publication>>
PublicationStore::forVersion(QSqlDatabase &db, const QString &branchId, int version)
{
    return firstOf(publicationsOf(db,
                                  u"SELECT "_s + kColumns +
                                      u" FROM retell_admin_publications pub WHERE "
                                      "pub.branch_id = ? AND pub.version = ?"_s,
                                  {branchId, version}));
}

Result<QList<Publication>> PublicationStore::forBranch(QSqlDatabase &db, const QString &branchId)
{
    return publicationsOf(db,
                          u"SELECT "_s + kColumns +
                              u" FROM retell_admin_publications pub WHERE pub.branch_id = ? "
                              "ORDER BY pub.version DESC"_s,
                          {branchId});
}

Result<QList<Publication>> PublicationStore::due(QSqlDatabase &db, const ScopeCondition &scope,
                                                 const QDateTime &now, int limit)
{
    const QString stamp = toSqlTimestamp(now);
    QVariantList bind{stamp, stamp};
    bind << scope.bind << limit;
    return publicationsOf(
        db,
        u"SELECT "_s + kColumns + kFromScoped +
            u"((pub.state = 'pending' AND (pub.next_attempt_at IS NULL OR "
            "pub.next_attempt_at <= ?)) OR (pub.state = 'publishing' AND pub.lease_until < ?))"_s +
            BranchLookup::liveFilter(db) + scope.sql +
            u" ORDER BY pub.enqueued_at, pub.prompt_id LIMIT ?"_s,
        bind);
}

Result<QList<Publication>> PublicationStore::notLive(QSqlDatabase &db, const ScopeCondition &scope)
{
    return publicationsOf(db,
                          u"SELECT "_s + kColumns + kFromScoped +
                              u"pub.state IN ('pending', 'publishing', 'rejected', 'held')"_s +
                              BranchLookup::liveFilter(db) + scope.sql +
                              u" ORDER BY pub.enqueued_at, pub.prompt_id"_s,
                          scope.bind);
}

Result<std::optional<int>>
PublicationStore::lastLiveVersion(QSqlDatabase &db, const QString &branchId, const QString &agentId)
{
    auto q = Database::exec(db,
                            u"SELECT retell_version FROM retell_admin_publications WHERE "
                            "branch_id = ? AND agent_id = ? AND state = 'live' AND "
                            "retell_version IS NOT NULL ORDER BY retell_version DESC LIMIT 1"_s,
                            {branchId, agentId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<int>();
    return std::optional<int>(int(RowReader(q.value()).integer("retell_version"_L1)));
}

Result<bool> PublicationStore::hasNewer(QSqlDatabase &db, const QString &branchId, int version)
{
    auto q = Database::exec(db,
                            u"SELECT prompt_id FROM retell_admin_publications WHERE "
                            "branch_id = ? AND version > ? AND state <> 'superseded' LIMIT 1"_s,
                            {branchId, version});
    if (!q)
        return q.error();
    return q->next();
}

Result<std::optional<Publication>> PublicationStore::claim(QSqlDatabase &db, qint64 promptId,
                                                           const QDateTime &now,
                                                           const QDateTime &leaseUntil)
{
    const QString stamp = toSqlTimestamp(now);
    auto claimed =
        affected(db,
                 u"UPDATE retell_admin_publications SET state = 'publishing', lease_until = ?, "
                 "attempts = attempts + 1 WHERE prompt_id = ? AND ((state = 'pending' AND "
                 "(next_attempt_at IS NULL OR next_attempt_at <= ?)) OR (state = 'publishing' "
                 "AND lease_until < ?))"_s,
                 {toSqlTimestamp(leaseUntil), promptId, stamp, stamp});
    if (!claimed)
        return claimed.error();
    if (claimed.value() != 1)
        return std::optional<Publication>();
    return read(db, promptId);
}

Result<bool> PublicationStore::renewLease(QSqlDatabase &db, qint64 promptId, int attempt,
                                          const QDateTime &leaseUntil)
{
    // Read back rather than counted: MySQL counts changed rows, and an
    // unchanged lease (same second) changes none.
    if (auto renewed = execute(db,
                               u"UPDATE retell_admin_publications SET lease_until = ? WHERE "
                               "prompt_id = ? AND state = 'publishing' AND attempts = ?"_s,
                               {toSqlTimestamp(leaseUntil), promptId, attempt});
        !renewed)
        return renewed.error();
    auto now = read(db, promptId);
    if (!now)
        return now.error();
    return now.value() && now.value()->state == Publication::State::Publishing &&
           now.value()->attempts == attempt;
}

Result<void> PublicationStore::requeue(QSqlDatabase &db, qint64 promptId, bool force,
                                       const QDateTime &now)
{
    // Retell's Retry-After is kept even by a forced publish.
    return execute(
        db,
        u"UPDATE retell_admin_publications SET state = 'pending', next_attempt_at = NULL, "
        "forced = "_s +
            (force ? u"TRUE"_s : u"forced"_s) + u" WHERE prompt_id = ? AND state IN "_s +
            (force ? u"('pending', 'superseded', 'rejected', 'held', 'live')"_s
                   : u"('pending', 'superseded')"_s) +
            u" AND (next_attempt_at IS NULL OR next_attempt_at <= ? OR last_error_code IS NULL "
            "OR last_error_code <> 'retell.rate_limited')"_s,
        {promptId, toSqlTimestamp(now)});
}

Result<void> PublicationStore::retarget(QSqlDatabase &db, qint64 promptId, const QString &agentId,
                                        const QString &llmId, bool force, const QDateTime &now)
{
    return execute(db,
                   u"UPDATE retell_admin_publications SET agent_id = ?, llm_id = ?, "
                   "state = 'pending', attempts = 0, next_attempt_at = NULL, lease_until = NULL, "
                   "last_error_code = NULL, last_error_message = NULL, retell_version = NULL, "
                   "published_at = NULL, forced = ? WHERE prompt_id = ? AND NOT "
                   "(state = 'publishing' AND lease_until >= ?)"_s,
                   {agentId, llmId, force, promptId, toSqlTimestamp(now)});
}

Result<void> PublicationStore::recordFailure(QSqlDatabase &db, qint64 promptId, int attempt,
                                             Publication::State state, const Error &error,
                                             const std::optional<QDateTime> &nextAttemptAt)
{
    return execute(db,
                   u"UPDATE retell_admin_publications SET state = ?, lease_until = NULL, "
                   "next_attempt_at = ?, last_error_code = ?, last_error_message = ? "
                   "WHERE prompt_id = ? AND state = 'publishing' AND attempts = ?"_s,
                   {Publication::stateName(state), timeOrNull(nextAttemptAt),
                    textOrNull(error.code.left(64)), textOrNull(error.message.left(4000)), promptId,
                    attempt});
}

Result<void> PublicationStore::recordLive(QSqlDatabase &db, const Publication &publication,
                                          int retellVersion, const QDateTime &now)
{
    const QString stamp = toSqlTimestamp(now);
    if (auto live = execute(db,
                            u"UPDATE retell_admin_publications SET state = 'live', "
                            "retell_version = ?, published_at = ?, lease_until = NULL, "
                            "next_attempt_at = NULL, last_error_code = NULL, "
                            "last_error_message = NULL WHERE prompt_id = ?"_s,
                            {retellVersion, stamp, publication.promptId});
        !live)
        return live;
    return execute(db,
                   u"UPDATE retell_agent_prompts SET retell_agent_id = ?, retell_version = ?, "
                   "updated_at = ? WHERE id = ?"_s,
                   {publication.agentId, retellVersion, stamp, publication.promptId});
}

Result<void> PublicationStore::supersedeWaiting(QSqlDatabase &db, const QString &branchId,
                                                const QString &code)
{
    return execute(db,
                   u"UPDATE retell_admin_publications SET state = 'superseded', "
                   "lease_until = NULL, last_error_code = ? WHERE branch_id = ? AND "
                   "state IN ('pending', 'publishing', 'held')"_s,
                   {code, branchId});
}

} // namespace retell::core
