#include "versions/VersionService.h"

#include "access/AccessService.h"
#include "access/BranchLookup.h"
#include "audit/AuditLog.h"
#include "db/Database.h"
#include "db/Dialect.h"
#include "db/RowReader.h"
#include "versions/BranchService.h"
#include "versions/PublicationQueue.h"
#include "versions/VersionNotes.h"

#include <QSqlError>

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kMaxHistoryPage = 1000;

// The row columns of a version (p) and the name of who deployed it (u), read
// by versionFrom().
const QString kVersionColumns =
    QStringLiteral("p.id AS id, p.branch_id AS branch_id, p.version AS version, ") +
    configColumns("p."_L1) +
    QStringLiteral(", p.is_active AS is_active, p.template_name AS template_name, "
                   "p.deployed_at AS deployed_at, p.deployed_by AS deployed_by, "
                   "u.name AS deployed_by_name, p.validation_status AS validation_status, "
                   "p.validation_errors AS validation_errors, "
                   "p.deployment_notes AS deployment_notes, p.created_at AS created_at");

PromptVersion versionFrom(const QSqlQuery &q)
{
    const RowReader row(q);
    PromptVersion v;
    v.rowId = row.integer("id"_L1);
    v.branchId = row.text("branch_id"_L1);
    v.version = int(row.integer("version"_L1));
    v.config = configFrom(row);
    v.isActive = row.flag("is_active"_L1);
    v.templateName = row.text("template_name"_L1);
    v.deployedAt = fromSqlTimestamp(row["deployed_at"_L1]);
    if (!row.isNull("deployed_by"_L1))
        v.deployedBy = row.integer("deployed_by"_L1);
    v.deployedByName = row.text("deployed_by_name"_L1);
    v.validationStatus = validationStatusFromName(row.text("validation_status"_L1));
    v.validationErrorsJson = row.text("validation_errors"_L1);
    v.notes = row.text("deployment_notes"_L1);
    v.createdAt = fromSqlTimestamp(row["created_at"_L1]);
    return v;
}

Result<Branch> branchForOnce(const ServiceContext &context, const Actor &actor,
                             const QString &branchId, Role needed)
{
    auto conn = Database::connection(context.spec);
    if (!conn)
        return conn.error();
    if (needed < Role::Editor) {
        auto branch = BranchLookup::lookupForRead(conn.value(), branchId, context.clock);
        if (!branch)
            return branch.error();
        if (auto allowed = AccessService::require(actor, branch->companyId, branch->id, needed);
            !allowed)
            return allowed.error();
        return branch;
    }
    // Changes are checked against the grants as they are now.
    auto found = BranchLookup::lookupWithGrants(conn.value(), branchId, actor.user);
    if (!found)
        return found.error();
    const Actor current{actor.user, found->second};
    if (auto allowed =
            AccessService::require(current, found->first.companyId, found->first.id, needed);
        !allowed)
        return allowed.error();
    return found->first;
}

Result<Branch> branchFor(const ServiceContext &context, const Actor &actor, const QString &branchId,
                         Role needed)
{
    return Database::retryOnce([&] { return branchForOnce(context, actor, branchId, needed); });
}

// A read on one branch the actor may view: checks access, hands the body
// the connection and the branch, and runs once more on a fresh connection
// when the first one was lost.
template <typename T, typename Body>
Result<T> readBranch(const ServiceContext &context, const Actor &actor, const QString &branchId,
                     Body body)
{
    return Database::retryOnce([&]() -> Result<T> {
        auto branch = branchFor(context, actor, branchId, Role::Viewer);
        if (!branch)
            return branch.error();
        auto conn = Database::connection(context.spec);
        if (!conn)
            return conn.error();
        return body(conn.value(), branch.value());
    });
}

Result<PromptVersion> readVersion(QSqlDatabase &db, const QString &branchId, int version)
{
    auto q = Database::exec(
        db,
        QStringLiteral("SELECT ") + kVersionColumns +
            QStringLiteral(" FROM retell_agent_prompts p LEFT JOIN users u ON u.id = p.deployed_by "
                           "WHERE p.branch_id = ? AND p.version = ? AND p.is_template = FALSE"),
        {branchId, version});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("The branch has no version %1.").arg(version))
            .withCode("version.missing", {QString::number(version)});
    return versionFrom(q.value());
}

// Why a deploy (or a rollback to rollbackOf) must not go ahead against the
// version active now: its content is that version's (nothing to deploy), or
// the edit started from another version (it would overwrite that change).
std::optional<Error> refusal(const Branch &branch, const DeployRequest &request, int rollbackOf,
                             const std::optional<PromptVersion> &current)
{
    const int currentVersion = current ? current->version : 0;
    auto conflict = std::make_shared<VersionConflict>();
    conflict->branchId = branch.id;
    conflict->baseVersion = request.baseVersion;
    conflict->requestedVersion = rollbackOf;
    if (current)
        conflict->current = *current;
    if (current && current->config == request.config && !request.allowUnchanged) {
        Error e{ErrorKind::Unchanged,
                rollbackOf > 0
                    ? QStringLiteral(
                          "Nothing changed since version %1: version %2 has the same content.")
                          .arg(currentVersion)
                          .arg(rollbackOf)
                    : QStringLiteral("Nothing changed since version %1.").arg(currentVersion),
                {}};
        e.code = rollbackOf > 0 ? QStringLiteral("version.unchanged_rollback")
                                : QStringLiteral("version.unchanged");
        e.args = {QString::number(currentVersion), QString::number(rollbackOf)};
        e.versionConflict = std::move(conflict);
        return e;
    }
    if (request.baseVersion && *request.baseVersion != currentVersion) {
        const QString who = current ? current->deployedByName : QString();
        Error e =
            Error::conflict(
                QStringLiteral("Version %1 was deployed by %2 while you were editing version %3; "
                               "compare and deploy again.")
                    .arg(currentVersion)
                    .arg(who.isEmpty() ? QStringLiteral("someone else") : who)
                    .arg(*request.baseVersion))
                .withCode("version.stale", {QString::number(currentVersion), who,
                                            QString::number(*request.baseVersion)});
        e.versionConflict = std::move(conflict);
        return e;
    }
    return std::nullopt;
}

// Writes version 1 + max for the branch and makes it the only active one.
// The branch row lock (or a write transaction that serialises all writers,
// SqlDialect::rowLock) serialises writers
// of one branch; the unique (branch_id, version) index is the last guard and
// a collision there restarts the transaction.
Result<PromptVersion> appendVersion(const ServiceContext &context, const Actor &actor,
                                    const Branch &branch, const DeployRequest &request,
                                    const ValidationResult &validation, bool &replayed,
                                    int rollbackOf = 0)
{
    PromptVersion written;
    const QDateTime now = context.clock().toUTC();
    const QString findings = QString::fromUtf8(validation.findingsJson());
    auto r = Database::writeTransaction(context.spec, [&](QSqlDatabase &db) -> Result<void> {
        // The branch row lock serialises writers of one branch (where the
        // dialect's write transaction does not already serialise all writers).
        auto lock = Database::exec(
            db, QStringLiteral("SELECT id FROM branches WHERE id = ?") + rowLock(db), {branch.id});
        if (!lock)
            return lock.error();
        if (!lock->next())
            return Error::notFound(
                QStringLiteral("The branch %1 was deleted meanwhile.").arg(branch.name));
        // An operation applied before (its answer was lost): what it wrote.
        replayed = false;
        if (!request.operationId.isEmpty()) {
            auto applied = Database::exec(
                db,
                QStringLiteral("SELECT version FROM retell_admin_applied_operations WHERE "
                               "operation_id = ?") +
                    rowLock(db),
                {request.operationId});
            if (!applied)
                return applied.error();
            if (applied->next()) {
                const int version = int(RowReader(applied.value()).integer("version"_L1));
                auto row = Database::exec(
                    db,
                    QStringLiteral("SELECT ") + kVersionColumns +
                        QStringLiteral(" FROM retell_agent_prompts p LEFT JOIN users u ON u.id = "
                                       "p.deployed_by WHERE p.branch_id = ? AND p.version = ?"),
                    {branch.id, version});
                if (!row)
                    return row.error();
                if (!row->next())
                    return Error::notFound(
                        QStringLiteral("Version %1 of %2, which this operation wrote, is gone.")
                            .arg(version)
                            .arg(branch.name));
                written = versionFrom(row.value());
                replayed = true;
                return {};
            }
        }
        // A locking read (no aggregate: PostgreSQL locks rows, not a MAX).
        auto max = Database::exec(db,
                                  QStringLiteral("SELECT version FROM retell_agent_prompts WHERE "
                                                 "branch_id = ? ORDER BY version DESC LIMIT 1") +
                                      rowLock(db),
                                  {branch.id});
        if (!max)
            return max.error();
        const int next = (max->next() ? int(RowReader(max.value()).integer("version"_L1)) : 0) + 1;
        // Checked under the lock, so no deploy can slip in between.
        auto active = Database::exec(
            db,
            QStringLiteral("SELECT ") + kVersionColumns +
                QStringLiteral(
                    " FROM retell_agent_prompts p LEFT JOIN users u ON u.id = p.deployed_by "
                    "WHERE p.branch_id = ? AND p.is_active = TRUE AND p.is_template = FALSE ORDER "
                    "BY "
                    "p.version DESC LIMIT 1"),
            {branch.id});
        if (!active)
            return active.error();
        const std::optional<PromptVersion> current =
            active->next() ? std::optional(versionFrom(active.value())) : std::nullopt;
        if (auto refused = refusal(branch, request, rollbackOf, current))
            return *refused;
        // Deactivate first: a unique index on activity (where another client
        // keeps one) would reject two active rows even for an instant.
        auto off = Database::exec(
            db,
            QStringLiteral("UPDATE retell_agent_prompts SET is_active = FALSE, updated_at = ? "
                           "WHERE branch_id = ? AND is_active = TRUE"),
            {toSqlTimestamp(now), branch.id});
        if (!off)
            return off.error();
        const QString stamp = toSqlTimestamp(now);
        auto ins = insertReturningId(
            db,
            QStringLiteral(
                "INSERT INTO retell_agent_prompts (branch_id, version, prompt_content, "
                "functions_config, is_active, "
                "is_template, template_name, deployed_at, deployed_by, "
                "validation_status, validation_errors, "
                "deployment_notes, created_at, updated_at) VALUES (?, ?, ?, ?, TRUE, FALSE, ?, "
                "?, ?, ?, ?, ?, ?, ?)"),
            {branch.id, next, request.config.prompt, request.config.toolsJson,
             request.templateName.isEmpty() ? QVariant() : QVariant(request.templateName), stamp,
             actor.user.id, validationStatusName(validation.status()), findings, request.notes,
             stamp, stamp});
        if (!ins)
            return ins.error();
        if (!request.operationId.isEmpty()) {
            auto recorded = Database::exec(
                db,
                QStringLiteral(
                    "INSERT INTO retell_admin_applied_operations (operation_id, "
                    "branch_id, version, applied_by, applied_at) VALUES (?, ?, ?, ?, ?)"),
                {request.operationId, branch.id, next, actor.user.id, stamp});
            if (!recorded)
                return recorded.error();
        }
        if (request.imported) {
            AuditEntry imported;
            imported.at = now;
            imported.kind = AuditKind::Import;
            imported.userId = actor.user.id;
            imported.userEmail = actor.user.email;
            imported.companyId = branch.companyId;
            imported.branchId = branch.id;
            imported.version = next;
            imported.detail = request.importSource;
            if (auto marked = AuditLog::write(db, imported); !marked)
                return marked;
        }
        written.rowId = ins.value();
        written.branchId = branch.id;
        written.version = next;
        written.config = request.config;
        written.isActive = true;
        written.templateName = request.templateName;
        written.deployedAt =
            QDateTime(now.date(),
                      QTime(now.time().hour(), now.time().minute(), now.time().second()), Qt::UTC);
        written.createdAt = written.deployedAt;
        written.deployedBy = actor.user.id;
        written.deployedByName = actor.user.name;
        written.validationStatus = validation.status();
        written.validationErrorsJson = findings;
        written.notes = request.notes;
        // A linked branch's version and its publication: both or neither.
        if (auto queued = PublicationQueue::enqueueIfLinked(db, written, now); !queued)
            return queued;
        if (request.alsoRecord)
            return request.alsoRecord(db, written);
        return {};
    });
    if (!r)
        return r.error();
    return written;
}

Result<void> checkRequest(const DeployRequest &request)
{
    if (request.notes.trimmed().isEmpty())
        return Error::usage(QStringLiteral("Say in the notes why this version is deployed."))
            .withCode("version.notes_required");
    // What the database would refuse (notes beyond the TEXT column's bytes, a
    // NUL) is a validation finding, never a raw database error.
    const QList<Finding> stored = Validator::checkStoredTexts(request.notes, request.templateName);
    if (!stored.isEmpty()) {
        Error e{ErrorKind::Validation, stored.first().message, {}};
        e.findings = stored;
        return e;
    }
    return {};
}

// A deploy or rollback refused for missing rights goes to the audit log,
// with the branch's company so that the company's admins see it.
template <typename T>
Result<T> audited(const ServiceContext &context, const Actor &actor, const QString &operation,
                  const QString &branchId, Result<T> result)
{
    if (result || result.error().kind != ErrorKind::Permission)
        return result;
    QString companyId;
    if (auto conn = Database::connection(context.spec)) {
        if (auto branch = BranchLookup::lookup(conn.value(), branchId))
            companyId = branch->companyId;
    }
    AuditLog::operationRefused(context, actor.user, operation, companyId, branchId, result.error());
    return result;
}

} // namespace

Result<DeployCheck> VersionService::checkDeploy(const Actor &actor, const QString &branchId,
                                                const DeployRequest &request) const
{
    auto branch = branchFor(m_context, actor, branchId, Role::Editor);
    if (!branch)
        return branch.error();
    if (auto ok = checkRequest(request); !ok)
        return ok.error();
    const ValidationResult validation =
        Validator::validate(request.config, BranchService::validationContext(branch.value()));
    if (validation.hasErrors()) {
        Error e{ErrorKind::Validation,
                QStringLiteral("The configuration has %1 error(s) and was not deployed; first: %2")
                    .arg(validation.errorCount())
                    .arg([&] {
                        for (const Finding &f : validation.findings)
                            if (f.isError())
                                return f.message;
                        return QString();
                    }()),
                {}};
        e.findings = validation.findings;
        return e;
    }
    return DeployCheck{branch.value(), request, validation};
}

Result<DeployCheck> VersionService::checkRollback(const Actor &actor, const QString &branchId,
                                                  int toVersion, const QString &notes,
                                                  bool allowUnchanged) const
{
    auto branch = branchFor(m_context, actor, branchId, Role::Editor);
    if (!branch)
        return branch.error();
    auto conn = Database::connection(m_context.spec);
    if (!conn)
        return conn.error();
    auto target = readVersion(conn.value(), branch->id, toVersion);
    if (!target)
        return target.error();
    DeployRequest request;
    request.config = target->config;
    request.templateName = target->templateName;
    request.allowUnchanged = allowUnchanged;
    request.notes = rollbackNote(toVersion, notes);
    if (auto ok = checkRequest(request); !ok)
        return ok.error();
    // A rollback restores what once ran; it is recorded with today's findings
    // but never blocked by them, so an emergency rollback always works.
    const ValidationResult validation =
        Validator::validate(request.config, BranchService::validationContext(branch.value()));
    return DeployCheck{branch.value(), request, validation};
}

Result<DeployOutcome> VersionService::deploy(const Actor &actor, const QString &branchId,
                                             const DeployRequest &request) const
{
    auto checked = audited(m_context, actor, QStringLiteral("deploy"), branchId,
                           checkDeploy(actor, branchId, request));
    if (!checked)
        return checked.error();
    bool replayed = false;
    auto written =
        appendVersion(m_context, actor, checked->branch, request, checked->validation, replayed);
    if (!written)
        return written.error();
    return DeployOutcome{written.value(), checked->validation, replayed};
}

Result<DeployOutcome> VersionService::rollback(const Actor &actor, const QString &branchId,
                                               int toVersion, const QString &notes,
                                               bool allowUnchanged, const QString &operationId,
                                               std::optional<int> baseVersion) const
{
    DeployRequest how;
    how.notes = notes;
    how.allowUnchanged = allowUnchanged;
    how.operationId = operationId;
    how.baseVersion = baseVersion;
    return rollback(actor, branchId, toVersion, how);
}

Result<DeployOutcome> VersionService::rollback(const Actor &actor, const QString &branchId,
                                               int toVersion, const DeployRequest &how) const
{
    auto checked =
        audited(m_context, actor, QStringLiteral("rollback"), branchId,
                checkRollback(actor, branchId, toVersion, how.notes, how.allowUnchanged));
    if (!checked)
        return checked.error();
    checked->request.operationId = how.operationId;
    checked->request.baseVersion = how.baseVersion;
    checked->request.alsoRecord = how.alsoRecord;
    bool replayed = false;
    auto written = appendVersion(m_context, actor, checked->branch, checked->request,
                                 checked->validation, replayed, toVersion);
    if (!written)
        return written.error();
    return DeployOutcome{written.value(), checked->validation, replayed};
}

Result<HistoryPage> VersionService::history(const Actor &actor, const QString &branchId,
                                            int beforeVersion, int limit, bool withTotal) const
{
    limit = std::clamp(limit, 1, kMaxHistoryPage);
    return readBranch<HistoryPage>(
        m_context, actor, branchId,
        [&](QSqlDatabase &db, const Branch &branch) -> Result<HistoryPage> {
            auto q = Database::exec(
                db,
                QStringLiteral(
                    "SELECT p.version AS version, p.is_active AS is_active, "
                    "p.template_name AS template_name, p.deployed_at AS deployed_at, "
                    "u.name AS deployed_by_name, p.validation_status AS validation_status, "
                    "p.deployment_notes AS deployment_notes "
                    "FROM retell_agent_prompts p LEFT JOIN users u ON u.id = p.deployed_by "
                    "WHERE p.branch_id = ? AND p.is_template = FALSE AND p.version < ? ORDER BY "
                    "p.version DESC LIMIT ?"),
                {branch.id, beforeVersion > 0 ? beforeVersion : std::numeric_limits<int>::max(),
                 limit + 1});
            if (!q)
                return q.error();
            HistoryPage page;
            const RowReader row(q.value());
            while (q->next()) {
                if (page.rows.size() == limit) {
                    page.hasMore = true;
                    break;
                }
                VersionSummary s;
                s.version = int(row.integer("version"_L1));
                s.isActive = row.flag("is_active"_L1);
                s.templateName = row.text("template_name"_L1);
                s.deployedAt = fromSqlTimestamp(row["deployed_at"_L1]);
                s.deployedByName = row.text("deployed_by_name"_L1);
                s.validationStatus = validationStatusFromName(row.text("validation_status"_L1));
                s.notes = row.text("deployment_notes"_L1);
                page.rows << s;
            }
            if (withTotal) {
                auto count =
                    Database::exec(db,
                                   QStringLiteral("SELECT COUNT(*) AS n FROM retell_agent_prompts "
                                                  "WHERE branch_id = ? AND is_template = FALSE"),
                                   {branch.id});
                if (!count)
                    return count.error();
                page.total = count->next() ? int(RowReader(count.value()).integer("n"_L1)) : 0;
            }
            return page;
        });
}

Result<PromptVersion> VersionService::version(const Actor &actor, const QString &branchId,
                                              int number) const
{
    return readBranch<PromptVersion>(
        m_context, actor, branchId,
        [&](QSqlDatabase &db, const Branch &branch) { return readVersion(db, branch.id, number); });
}

Result<PromptVersion> VersionService::active(const Actor &actor, const QString &branchId) const
{
    return readBranch<PromptVersion>(
        m_context, actor, branchId,
        [&](QSqlDatabase &db, const Branch &branch) -> Result<PromptVersion> {
            auto q = Database::exec(
                db,
                QStringLiteral("SELECT ") + kVersionColumns +
                    QStringLiteral(
                        " FROM retell_agent_prompts p LEFT JOIN users u ON u.id = p.deployed_by "
                        "WHERE p.branch_id = ? AND p.is_active = TRUE AND p.is_template = FALSE "
                        "ORDER BY "
                        "p.version DESC LIMIT 1"),
                {branch.id});
            if (!q)
                return q.error();
            if (!q->next())
                return Error::notFound(
                           QStringLiteral("%1 has no deployed version yet.").arg(branch.name))
                    .withCode("version.none_active", {branch.name});
            return versionFrom(q.value());
        });
}

} // namespace retell::core
