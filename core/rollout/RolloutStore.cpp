#include "rollout/RolloutStore.h"

#include "access/BranchLookup.h"
#include "db/Database.h"
#include "db/Dialect.h"
#include "db/RowReader.h"

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

namespace {

// Branch ids per query: one prepared statement (the last id repeated to
// fill it) serves every chunk.
constexpr int kChunk = 100;

Result<void> execute(QSqlDatabase &db, const QString &sql, const QVariantList &bind)
{
    auto q = Database::exec(db, sql, bind);
    if (!q)
        return q.error();
    return {};
}

QVariant optionalInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Int));
}

std::optional<int> optionalFrom(const RowReader &row, QLatin1StringView column)
{
    if (row.isNull(column))
        return std::nullopt;
    return int(row.integer(column));
}

QString kindName(RolloutChange::Kind kind)
{
    return kind == RolloutChange::Kind::Template ? u"template"_s : u"difference"_s;
}

RolloutChange::Kind kindFromName(const QString &name)
{
    return name == "template"_L1 ? RolloutChange::Kind::Template : RolloutChange::Kind::Difference;
}

RolloutUndoOutcome undoFromName(const QString &name)
{
    for (const auto outcome : {RolloutUndoOutcome::Undone, RolloutUndoOutcome::ChangedSince,
                               RolloutUndoOutcome::NothingBefore})
        if (rolloutUndoOutcomeName(outcome) == name)
            return outcome;
    return RolloutUndoOutcome::None;
}

const QString kBranchRowColumns = u"rb.branch_id AS rb_branch_id, rb.company_id AS rb_company_id, "
                                  "rb.outcome AS outcome, rb.base_version AS base_version, "
                                  "rb.version_written AS version_written, "
                                  "rb.conflicts AS conflicts, rb.undo_outcome AS undo_outcome, "
                                  "rb.undo_version AS undo_version, b.name AS branch_name, "
                                  "b.company_id AS live_company_id, c.name AS company_name"_s;

RolloutBranch branchRowFrom(const RowReader &row)
{
    RolloutBranch b;
    b.branchId = row.text("rb_branch_id"_L1);
    b.branchName = row.text("branch_name"_L1);
    // Where the branch is now decides who sees it; the stored company is
    // what a deleted branch still has.
    b.companyId = row.isNull("live_company_id"_L1) ? row.text("rb_company_id"_L1)
                                                   : row.text("live_company_id"_L1);
    b.companyName = row.text("company_name"_L1);
    b.outcome = rolloutOutcomeFromName(row.text("outcome"_L1)).value_or(RolloutOutcome::Failed);
    b.baseVersion = int(row.integer("base_version"_L1));
    b.versionWritten = optionalFrom(row, "version_written"_L1);
    b.conflictCount = int(row.integer("conflicts"_L1));
    b.undo = undoFromName(row.text("undo_outcome"_L1));
    b.undoVersion = optionalFrom(row, "undo_version"_L1);
    return b;
}

} // namespace

Result<QHash<QString, RolloutStore::ActiveBranch>>
RolloutStore::activeBranches(QSqlDatabase &db, const QStringList &ids)
{
    QStringList valid;
    for (const QString &id : ids)
        if (BranchLookup::isBranchId(id))
            valid << id;
    QStringList marks;
    for (int i = 0; i < kChunk; ++i)
        marks << u"?"_s;
    const QString sql =
        u"SELECT "_s + BranchLookup::branchColumns() +
        u", p.version AS version, p.template_name AS template_name, "_s + configColumns("p."_L1) +
        u" FROM branches b JOIN companies c ON c.id = b.company_id "
        "LEFT JOIN retell_agent_prompts p ON p.branch_id = b.id AND p.is_active = TRUE AND "
        "p.is_template = FALSE WHERE b.id IN ("_s +
        marks.join(u", "_s) + u")"_s + BranchLookup::liveFilter(db) +
        u" ORDER BY b.id, p.version DESC"_s;
    QHash<QString, ActiveBranch> found;
    for (qsizetype start = 0; start < valid.size(); start += kChunk) {
        QVariantList bind;
        for (qsizetype i = 0; i < kChunk; ++i)
            bind << valid.at(std::min(start + i, valid.size() - 1));
        auto q = Database::exec(db, sql, bind);
        if (!q)
            return q.error();
        const RowReader row(q.value());
        while (q->next()) {
            ActiveBranch b;
            b.branch = BranchLookup::branchFrom(row);
            // Ids compare case-insensitively (PostgreSQL answers in lower case).
            const QString key = b.branch.id.toLower();
            if (found.contains(key))
                continue; // a second active row written by another client: the newest
            if (!row.isNull("version"_L1)) {
                b.activeVersion = int(row.integer("version"_L1));
                b.branch.activeVersion = b.activeVersion;
                b.active = configFrom(row);
                b.templateName = row.text("template_name"_L1);
            }
            found.insert(key, b);
        }
    }
    return found;
}

Result<qint64> RolloutStore::insertRollout(QSqlDatabase &db, const Actor &actor,
                                           const RolloutChange &change, const QString &notes,
                                           const QDateTime &now)
{
    return insertReturningId(
        db,
        u"INSERT INTO retell_admin_rollouts (created_by, created_at, change_kind, description, "
        "template_name, before_prompt, before_tools, after_prompt, after_tools, notes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {actor.user.id, toSqlTimestamp(now), kindName(change.kind), change.description,
         change.templateName.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                       : QVariant(change.templateName),
         change.before.prompt, change.before.toolsJson, change.after.prompt, change.after.toolsJson,
         notes});
}

Result<void> RolloutStore::insertBranch(QSqlDatabase &db, qint64 rolloutId,
                                        const RolloutBranch &branch, const QDateTime &now)
{
    return execute(
        db,
        u"INSERT INTO retell_admin_rollout_branches (rollout_id, branch_id, company_id, outcome, "
        "base_version, version_written, conflicts, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {rolloutId, branch.branchId, branch.companyId, rolloutOutcomeName(branch.outcome),
         branch.baseVersion, optionalInt(branch.versionWritten), branch.conflictCount,
         toSqlTimestamp(now)});
}

Result<void> RolloutStore::updateOutcome(QSqlDatabase &db, qint64 rolloutId,
                                         const RolloutBranch &branch, const QDateTime &now)
{
    return execute(db,
                   u"UPDATE retell_admin_rollout_branches SET outcome = ?, base_version = ?, "
                   "version_written = ?, conflicts = ?, updated_at = ? WHERE rollout_id = ? AND "
                   "branch_id = ?"_s,
                   {rolloutOutcomeName(branch.outcome), branch.baseVersion,
                    optionalInt(branch.versionWritten), branch.conflictCount, toSqlTimestamp(now),
                    rolloutId, branch.branchId});
}

Result<void> RolloutStore::updateUndo(QSqlDatabase &db, qint64 rolloutId,
                                      const RolloutBranch &branch, const QDateTime &now)
{
    return execute(db,
                   u"UPDATE retell_admin_rollout_branches SET undo_outcome = ?, undo_version = ?, "
                   "updated_at = ? WHERE rollout_id = ? AND branch_id = ?"_s,
                   {rolloutUndoOutcomeName(branch.undo), optionalInt(branch.undoVersion),
                    toSqlTimestamp(now), rolloutId, branch.branchId});
}

Result<void> RolloutStore::markUndone(QSqlDatabase &db, qint64 rolloutId, UserId by,
                                      const QDateTime &now)
{
    return execute(db,
                   u"UPDATE retell_admin_rollouts SET undone_at = ?, undone_by = ? "
                   "WHERE id = ? AND undone_at IS NULL"_s,
                   {toSqlTimestamp(now), by, rolloutId});
}

Result<Rollout> RolloutStore::read(QSqlDatabase &db, qint64 rolloutId)
{
    auto q = Database::exec(
        db,
        u"SELECT r.id AS id, r.created_by AS created_by, u.name AS created_by_name, "
        "r.created_at AS created_at, r.change_kind AS change_kind, "
        "r.description AS description, r.template_name AS template_name, "
        "r.before_prompt AS before_prompt, r.before_tools AS before_tools, "
        "r.after_prompt AS after_prompt, r.after_tools AS after_tools, r.notes AS notes, "
        "r.undone_at AS undone_at, v.name AS undone_by_name FROM retell_admin_rollouts r "
        "LEFT JOIN users u ON u.id = r.created_by LEFT JOIN users v ON v.id = r.undone_by "
        "WHERE r.id = ?"_s,
        {rolloutId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(u"There is no rollout #%1."_s.arg(rolloutId));
    Rollout r;
    {
        const RowReader row(q.value());
        r.id = row.integer("id"_L1);
        if (!row.isNull("created_by"_L1))
            r.createdBy = row.integer("created_by"_L1);
        r.createdByName = row.text("created_by_name"_L1);
        r.createdAt = fromSqlTimestamp(row["created_at"_L1]);
        r.change.kind = kindFromName(row.text("change_kind"_L1));
        r.change.description = row.text("description"_L1);
        r.change.templateName = row.text("template_name"_L1);
        r.change.before = {row.text("before_prompt"_L1), row.text("before_tools"_L1)};
        r.change.after = {row.text("after_prompt"_L1), row.text("after_tools"_L1)};
        r.notes = row.text("notes"_L1);
        if (!row.isNull("undone_at"_L1))
            r.undoneAt = fromSqlTimestamp(row["undone_at"_L1]);
        r.undoneByName = row.text("undone_by_name"_L1);
    }
    auto rows = Database::exec(
        db,
        u"SELECT "_s + kBranchRowColumns +
            u" FROM retell_admin_rollout_branches rb LEFT JOIN branches b ON b.id = "
            "rb.branch_id LEFT JOIN companies c ON c.id = b.company_id WHERE rb.rollout_id = ? "
            "ORDER BY rb.id"_s,
        {rolloutId});
    if (!rows)
        return rows.error();
    const RowReader row(rows.value());
    while (rows->next())
        r.branches << branchRowFrom(row);
    return r;
}

Result<QList<RolloutStore::Listed>> RolloutStore::list(QSqlDatabase &db, int scan)
{
    auto q = Database::exec(
        db,
        u"SELECT r.id AS id, r.created_at AS created_at, u.name AS created_by_name, "
        "r.change_kind AS change_kind, r.description AS description, r.notes AS notes, "
        "r.undone_at AS undone_at, "_s +
            kBranchRowColumns +
            u" FROM retell_admin_rollouts r LEFT JOIN users u ON u.id = r.created_by "
            "JOIN retell_admin_rollout_branches rb ON rb.rollout_id = r.id "
            "LEFT JOIN branches b ON b.id = rb.branch_id LEFT JOIN companies c ON c.id = "
            "b.company_id WHERE r.id IN (SELECT id FROM (SELECT id FROM retell_admin_rollouts "
            "ORDER BY id DESC LIMIT ?) newest) ORDER BY r.id DESC, rb.id"_s,
        {scan});
    if (!q)
        return q.error();
    QList<Listed> listed;
    const RowReader row(q.value());
    while (q->next()) {
        const qint64 id = row.integer("id"_L1);
        if (listed.isEmpty() || listed.last().summary.id != id) {
            Listed l;
            l.summary.id = id;
            l.summary.createdAt = fromSqlTimestamp(row["created_at"_L1]);
            l.summary.createdByName = row.text("created_by_name"_L1);
            l.summary.kind = kindFromName(row.text("change_kind"_L1));
            l.summary.description = row.text("description"_L1);
            l.summary.notes = row.text("notes"_L1);
            if (!row.isNull("undone_at"_L1))
                l.summary.undoneAt = fromSqlTimestamp(row["undone_at"_L1]);
            listed << l;
        }
        listed.last().branches << branchRowFrom(row);
    }
    return listed;
}

} // namespace retell::core
