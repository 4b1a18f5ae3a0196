#include "rollout/Rollout.h"

#include "access/AccessService.h"
#include "db/Database.h"
#include "rollout/RolloutStore.h"
#include "validation/Validator.h"
#include "versions/BranchService.h"
#include "versions/VersionNotes.h"
#include "versions/VersionService.h"

#include <QSet>

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

namespace {

// A read on this thread's connection with the actor's grants as they are
// now (a revoked role stops at once); once more on a fresh connection when
// the first was lost.
template <typename T, typename Body>
Result<T> readWithGrants(const ServiceContext &context, const Actor &actor, Body body)
{
    return Database::retryOnce([&]() -> Result<T> {
        auto conn = Database::connection(context.spec);
        if (!conn)
            return conn.error();
        auto current = AccessService::refreshed(conn.value(), actor);
        if (!current)
            return current.error();
        return body(conn.value(), current.value());
    });
}

bool mayEdit(const Actor &actor, const QString &companyId, const QString &branchId)
{
    const auto role = actor.roleFor(companyId, branchId);
    return role && int(*role) >= int(Role::Editor);
}

bool maySee(const Actor &actor, const RolloutBranch &branch)
{
    return actor.roleFor(branch.companyId, branch.branchId).has_value();
}

// A branch whose content the merge cannot read: a finding, not a crash.
Finding unreadable(const ConfigMerge &merge)
{
    Finding f;
    f.code = u"rollout.unreadable_branch"_s;
    if (merge.prompt.error) {
        f.setText(MessageText("The branch's prompt is not valid UTF-8 text."));
    } else {
        f.target = FindingTarget::Tools;
        f.setText(MessageText("The branch's tools are not a valid JSON array."));
    }
    return f;
}

RolloutPreviewItem previewBranch(const Actor &actor, const RolloutChange &change,
                                 const QString &branchId, const RolloutStore::ActiveBranch *found)
{
    RolloutPreviewItem item;
    item.branch.id = branchId;
    if (!found || !mayEdit(actor, found->branch.companyId, found->branch.id))
        return item; // Denied: nothing about the branch is told
    item.branch = found->branch;
    item.baseVersion = found->activeVersion.value_or(0);
    item.active = found->active;
    if (change.kind == RolloutChange::Kind::Template) {
        item.proposed = change.after;
        item.templateName = change.templateName;
    } else {
        item.templateName = found->templateName;
        if (!found->activeVersion) {
            item.outcome = RolloutPreviewOutcome::NoActiveVersion;
            return item;
        }
        item.merge = mergeConfig(change.before, found->active, change.after);
        if (!item.merge.ok()) {
            item.outcome = RolloutPreviewOutcome::Invalid;
            item.findings << unreadable(item.merge);
            return item;
        }
        item.proposed = item.merge.merged();
        item.conflictCount = item.merge.conflictCount();
        if (item.conflictCount > 0) {
            item.outcome = RolloutPreviewOutcome::Conflict;
            return item;
        }
    }
    if (found->activeVersion && item.proposed == found->active) {
        item.outcome = RolloutPreviewOutcome::AlreadyHas;
        return item;
    }
    const ValidationResult validation =
        Validator::validate(item.proposed, BranchService::validationContext(item.branch));
    item.findings = validation.findings;
    item.outcome =
        validation.hasErrors() ? RolloutPreviewOutcome::Invalid : RolloutPreviewOutcome::Clean;
    return item;
}

RolloutBranch branchRecord(const RolloutPreviewItem &item)
{
    RolloutBranch b;
    b.branchId = item.branch.id;
    b.branchName = item.branch.name;
    b.companyId = item.branch.companyId;
    b.companyName = item.branch.companyName;
    b.baseVersion = item.baseVersion;
    b.conflictCount = item.conflictCount;
    b.findings = item.findings;
    return b;
}

// What a refused deploy means for the branch's row.
void refusedDeploy(RolloutBranch &b, const Error &error)
{
    switch (error.kind) {
    case ErrorKind::Conflict:
        if (error.versionConflict) {
            b.outcome = RolloutOutcome::Stale;
            b.currentVersion = error.versionConflict->current.version;
            return;
        }
        break;
    case ErrorKind::Unchanged:
        b.outcome = RolloutOutcome::Unchanged;
        return;
    case ErrorKind::Permission:
    case ErrorKind::NotFound:
        b.outcome = RolloutOutcome::Denied;
        return;
    case ErrorKind::Validation:
        b.outcome = RolloutOutcome::Invalid;
        b.findings = error.findings;
        return;
    default:
        break;
    }
    b.outcome = RolloutOutcome::Failed;
    b.message = error.message;
}

RolloutOutcome outcomeOf(RolloutPreviewOutcome preview)
{
    switch (preview) {
    case RolloutPreviewOutcome::Clean:
        return RolloutOutcome::Applied;
    case RolloutPreviewOutcome::AlreadyHas:
        return RolloutOutcome::Unchanged;
    case RolloutPreviewOutcome::Conflict:
        return RolloutOutcome::Conflict;
    case RolloutPreviewOutcome::Invalid:
        return RolloutOutcome::Invalid;
    case RolloutPreviewOutcome::Denied:
        return RolloutOutcome::Denied;
    case RolloutPreviewOutcome::NoActiveVersion:
        return RolloutOutcome::NoActiveVersion;
    }
    return RolloutOutcome::Denied;
}

QDateTime wholeSeconds(const QDateTime &utc)
{
    const QTime t = utc.time();
    return QDateTime(utc.date(), QTime(t.hour(), t.minute(), t.second()), Qt::UTC);
}

// A rollout as the actor may see it: only their branches; NotFound when none.
Result<Rollout> visibleTo(const Actor &actor, Rollout rollout)
{
    QList<RolloutBranch> visible;
    for (const RolloutBranch &b : std::as_const(rollout.branches))
        if (maySee(actor, b))
            visible << b;
    if (visible.isEmpty())
        return Error::notFound(u"There is no rollout #%1."_s.arg(rollout.id));
    rollout.branches = visible;
    return rollout;
}

} // namespace

Result<RolloutPreview> RolloutService::preview(const Actor &actor, const RolloutChange &change,
                                               const QStringList &branchIds,
                                               const RolloutProgress &progress,
                                               std::stop_token stop) const
{
    QStringList ids;
    QSet<QString> seen;
    for (const QString &id : branchIds) {
        const QString trimmed = id.trimmed();
        if (!trimmed.isEmpty() && !seen.contains(trimmed.toLower())) {
            seen.insert(trimmed.toLower());
            ids << trimmed;
        }
    }
    using Found = QPair<Actor, QHash<QString, RolloutStore::ActiveBranch>>;
    auto found = readWithGrants<Found>(
        m_context, actor, [&](QSqlDatabase &db, const Actor &current) -> Result<Found> {
            auto branches = RolloutStore::activeBranches(db, ids);
            if (!branches)
                return branches.error();
            return qMakePair(current, branches.value());
        });
    if (!found)
        return found.error();
    const auto &[current, branches] = found.value();
    RolloutPreview preview;
    preview.change = change;
    for (const QString &id : std::as_const(ids)) {
        if (stop.stop_requested()) {
            preview.cancelled = true;
            break;
        }
        const auto it = branches.constFind(id.toLower());
        preview.items << previewBranch(current, change, id,
                                       it == branches.constEnd() ? nullptr : &*it);
        if (progress)
            progress(int(preview.items.size()), int(ids.size()));
    }
    return preview;
}

Result<Rollout> RolloutService::apply(const Actor &actor, const RolloutChange &change,
                                      const QList<RolloutPreviewItem> &items, const QString &notes,
                                      const RolloutProgress &progress, std::stop_token stop) const
{
    if (notes.trimmed().isEmpty())
        return Error::usage(u"Say in the notes why this change is rolled out."_s);
    // Whatever the items say, only branches the actor may edit now are
    // touched or told about.
    QStringList ids;
    QSet<QString> unique;
    for (const RolloutPreviewItem &item : items) {
        ids << item.branch.id;
        unique.insert(item.branch.id.toLower());
    }
    const int total = int(unique.size());
    // Branch and company as the database has them (lower-case id -> branch).
    using Editable = QHash<QString, Branch>;
    auto editable = readWithGrants<Editable>(
        m_context, actor, [&](QSqlDatabase &db, const Actor &current) -> Result<Editable> {
            auto branches = RolloutStore::activeBranches(db, ids);
            if (!branches)
                return branches.error();
            Editable allowed;
            for (const RolloutStore::ActiveBranch &b : std::as_const(branches.value()))
                if (mayEdit(current, b.branch.companyId, b.branch.id))
                    allowed.insert(b.branch.id.toLower(), b.branch);
            return allowed;
        });
    if (!editable)
        return editable.error();

    const QDateTime now = m_context.clock().toUTC();
    Rollout rollout;
    auto created =
        Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) -> Result<void> {
            auto id = RolloutStore::insertRollout(db, actor, change, notes.trimmed(), now);
            if (!id)
                return id.error();
            rollout.id = id.value();
            return {};
        });
    if (!created)
        return created.error();
    rollout.createdBy = actor.user.id;
    rollout.createdByName = actor.user.name;
    rollout.createdAt = wholeSeconds(now);
    rollout.change = change;
    rollout.notes = notes.trimmed();

    const VersionService versions(m_context);
    QList<RolloutBranch> unwritten; // recorded together at the end
    bool serverLost = false;
    QSet<QString> done; // a branch given twice is rolled out once
    for (const RolloutPreviewItem &item : items) {
        if (done.contains(item.branch.id.toLower()))
            continue;
        done.insert(item.branch.id.toLower());
        RolloutBranch b = branchRecord(item);
        b.outcome = outcomeOf(item.outcome);
        const auto branch = editable->constFind(item.branch.id.toLower());
        if (branch == editable->constEnd()) {
            b = RolloutBranch{};
            b.branchId = item.branch.id;
            b.outcome = RolloutOutcome::Denied;
        } else {
            b.branchId = branch->id;
            b.branchName = branch->name;
            b.companyId = branch->companyId;
            b.companyName = branch->companyName;
        }
        if (b.outcome != RolloutOutcome::Denied && (serverLost || stop.stop_requested())) {
            b.outcome = RolloutOutcome::Skipped;
            rollout.cancelled = true;
        } else if (b.outcome == RolloutOutcome::Applied) {
            DeployRequest request;
            request.config = item.proposed;
            request.templateName = item.templateName;
            request.notes = rolloutNote(rollout.id, rollout.notes);
            // Checked under the branch lock: deployed meanwhile is Stale.
            request.baseVersion = item.baseVersion;
            request.alsoRecord = [&](QSqlDatabase &db, const PromptVersion &written) {
                RolloutBranch row = b;
                row.versionWritten = written.version;
                return RolloutStore::insertBranch(db, rollout.id, row, now);
            };
            auto deployed = versions.deploy(actor, item.branch.id, request);
            if (deployed) {
                b.versionWritten = deployed->version.version;
            } else {
                refusedDeploy(b, deployed.error());
                serverLost = isServerLost(deployed.error());
            }
        }
        if (b.outcome != RolloutOutcome::Applied)
            unwritten << b;
        rollout.branches << b;
        if (progress)
            progress(int(done.size()), total);
    }
    auto recorded =
        Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) -> Result<void> {
            for (const RolloutBranch &b : std::as_const(unwritten))
                if (auto r = RolloutStore::insertBranch(db, rollout.id, b, now); !r)
                    return r;
            return {};
        });
    if (!recorded)
        return recorded.error();
    return rollout;
}

Result<RolloutBranch> RolloutService::resolve(const Actor &actor, qint64 rolloutId,
                                              const QString &branchId, int baseVersion,
                                              const AgentConfig &resolved) const
{
    auto read = Database::retryOnce([&]() -> Result<Rollout> {
        auto conn = Database::connection(m_context.spec);
        if (!conn)
            return conn.error();
        return RolloutStore::read(conn.value(), rolloutId);
    });
    if (!read)
        return read.error();
    const auto it =
        std::find_if(read->branches.begin(), read->branches.end(), [&](const RolloutBranch &b) {
            return b.branchId.compare(branchId, Qt::CaseInsensitive) == 0;
        });
    if (it == read->branches.end())
        return Error::notFound(
            u"Rollout #%1 did not include the branch %2."_s.arg(rolloutId).arg(branchId));
    RolloutBranch b = *it;
    if (b.outcome != RolloutOutcome::Conflict && b.outcome != RolloutOutcome::Stale &&
        b.outcome != RolloutOutcome::Invalid)
        return Error::conflict(u"The branch %1 is %2 in rollout #%3; there is nothing to resolve."_s
                                   .arg(b.branchName.isEmpty() ? b.branchId : b.branchName,
                                        rolloutOutcomeName(b.outcome))
                                   .arg(rolloutId));
    const VersionService versions(m_context);
    DeployRequest request;
    request.config = resolved;
    request.notes = rolloutNote(rolloutId, read->notes);
    request.baseVersion = baseVersion;
    if (read->change.kind == RolloutChange::Kind::Template) {
        request.templateName = read->change.templateName;
    } else if (baseVersion > 0) {
        auto active = versions.version(actor, b.branchId, baseVersion);
        if (!active)
            return active.error();
        request.templateName = active->templateName;
    }
    const QDateTime now = m_context.clock().toUTC();
    request.alsoRecord = [&](QSqlDatabase &db, const PromptVersion &written) {
        RolloutBranch row = b;
        row.outcome = RolloutOutcome::Resolved;
        row.baseVersion = baseVersion;
        row.versionWritten = written.version;
        row.conflictCount = 0;
        return RolloutStore::updateOutcome(db, rolloutId, row, now);
    };
    auto deployed = versions.deploy(actor, b.branchId, request);
    if (!deployed)
        return deployed.error();
    b.outcome = RolloutOutcome::Resolved;
    b.baseVersion = baseVersion;
    b.versionWritten = deployed->version.version;
    b.conflictCount = 0;
    b.findings = deployed->validation.findings;
    return b;
}

Result<Rollout> RolloutService::undo(const Actor &actor, qint64 rolloutId) const
{
    auto read = readWithGrants<QPair<Actor, Rollout>>(
        m_context, actor,
        [&](QSqlDatabase &db, const Actor &current) -> Result<QPair<Actor, Rollout>> {
            auto rollout = RolloutStore::read(db, rolloutId);
            if (!rollout)
                return rollout.error();
            return qMakePair(current, rollout.value());
        });
    if (!read)
        return read.error();
    const Actor &current = read->first;
    auto visible = visibleTo(current, read->second);
    if (!visible)
        return visible.error();
    Rollout rollout = visible.value();
    const auto written = [](const RolloutBranch &b) {
        return b.outcome == RolloutOutcome::Applied || b.outcome == RolloutOutcome::Resolved;
    };
    const bool anyLeft =
        std::any_of(rollout.branches.begin(), rollout.branches.end(), [&](const RolloutBranch &b) {
            return written(b) && b.undo != RolloutUndoOutcome::Undone;
        });
    if (!anyLeft)
        return Error::conflict(
            std::any_of(rollout.branches.begin(), rollout.branches.end(), written)
                ? u"Rollout #%1 was undone already."_s.arg(rolloutId)
                : u"Rollout #%1 wrote no version; there is nothing to undo."_s.arg(rolloutId));

    const VersionService versions(m_context);
    const QDateTime now = m_context.clock().toUTC();
    QList<RolloutBranch> changed; // recorded together at the end
    for (RolloutBranch &b : rollout.branches) {
        if (!written(b) || b.undo == RolloutUndoOutcome::Undone)
            continue;
        if (!mayEdit(current, b.companyId, b.branchId)) {
            b.undo = RolloutUndoOutcome::Denied; // told, never recorded: not theirs to undo
            continue;
        }
        if (b.baseVersion <= 0) {
            b.undo = RolloutUndoOutcome::NothingBefore;
            changed << b;
            continue;
        }
        DeployRequest how;
        how.notes = u"undo of rollout #%1"_s.arg(rolloutId);
        // Only while the rollout's version is still active.
        how.baseVersion = b.versionWritten;
        RolloutBranch row = b;
        how.alsoRecord = [&](QSqlDatabase &db, const PromptVersion &rollbackVersion) {
            row.undo = RolloutUndoOutcome::Undone;
            row.undoVersion = rollbackVersion.version;
            return RolloutStore::updateUndo(db, rolloutId, row, now);
        };
        auto back = versions.rollback(actor, b.branchId, b.baseVersion, how);
        if (back) {
            b.undo = RolloutUndoOutcome::Undone;
            b.undoVersion = back->version.version;
            continue;
        }
        const Error &error = back.error();
        if ((error.kind == ErrorKind::Conflict || error.kind == ErrorKind::Unchanged) &&
            error.versionConflict) {
            b.undo = RolloutUndoOutcome::ChangedSince;
            b.activeVersion = error.versionConflict->current.version;
            changed << b;
        } else if (error.kind == ErrorKind::Permission || error.kind == ErrorKind::NotFound) {
            b.undo = RolloutUndoOutcome::Denied;
        } else {
            return error; // each branch done so far stays done; undo again to go on
        }
    }
    auto recorded =
        Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) -> Result<void> {
            for (const RolloutBranch &b : std::as_const(changed))
                if (auto r = RolloutStore::updateUndo(db, rolloutId, b, now); !r)
                    return r;
            return RolloutStore::markUndone(db, rolloutId, actor.user.id, now);
        });
    if (!recorded)
        return recorded.error();
    if (!rollout.undoneAt) {
        rollout.undoneAt = wholeSeconds(now);
        rollout.undoneByName = actor.user.name;
    }
    return rollout;
}

Result<QList<RolloutSummary>> RolloutService::rollouts(const Actor &actor, int limit) const
{
    limit = std::clamp(limit, 1, 1000);
    using Listed = QPair<Actor, QList<RolloutStore::Listed>>;
    auto listed = readWithGrants<Listed>(
        m_context, actor, [&](QSqlDatabase &db, const Actor &current) -> Result<Listed> {
            // Some rollouts may be wholly outside the actor's scope: look further back.
            auto rows = RolloutStore::list(db, limit * 4);
            if (!rows)
                return rows.error();
            return qMakePair(current, rows.value());
        });
    if (!listed)
        return listed.error();
    QList<RolloutSummary> result;
    for (const RolloutStore::Listed &l : std::as_const(listed->second)) {
        RolloutSummary s = l.summary;
        for (const RolloutBranch &b : l.branches) {
            if (!maySee(listed->first, b))
                continue;
            ++s.branchCount;
            if (b.outcome == RolloutOutcome::Applied || b.outcome == RolloutOutcome::Resolved)
                ++s.appliedCount;
        }
        if (s.branchCount > 0)
            result << s;
        if (result.size() >= limit)
            break;
    }
    return result;
}

Result<Rollout> RolloutService::rollout(const Actor &actor, qint64 rolloutId) const
{
    return readWithGrants<Rollout>(m_context, actor,
                                   [&](QSqlDatabase &db, const Actor &current) -> Result<Rollout> {
                                       auto rollout = RolloutStore::read(db, rolloutId);
                                       if (!rollout)
                                           return rollout.error();
                                       return visibleTo(current, rollout.value());
                                   });
}

} // namespace retell::core
