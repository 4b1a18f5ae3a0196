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

RolloutChange RolloutChange::wholeTemplate(const QString &name, const AgentConfig &content)
{
    RolloutChange c;
    c.kind = Kind::Template;
    c.after = content;
    c.templateName = name;
    c.description = u"template:"_s + name;
    return c;
}

RolloutChange RolloutChange::difference(const AgentConfig &before, const AgentConfig &after,
                                        const QString &description)
{
    RolloutChange c;
    c.kind = Kind::Difference;
    c.before = before;
    c.after = after;
    c.description = description;
    return c;
}

PerInput<DiffSide> mergeInputs(const RolloutChange &change, const RolloutPreviewItem &item)
{
    const auto side = [](const QString &title, const AgentConfig &config) {
        return DiffSide{title, config.prompt.toUtf8(), config.toolsJson.toUtf8()};
    };
    const QString description = change.description.isEmpty() ? u"the change"_s : change.description;
    return PerInput<DiffSide>{
        {side(u"%1 (before)"_s.arg(description), change.before),
         side(u"%1@%2"_s.arg(item.branch.name).arg(item.baseVersion), item.active),
         side(u"%1 (after)"_s.arg(description), change.after)}};
}

int RolloutPreview::count(RolloutPreviewOutcome outcome) const
{
    return int(std::count_if(items.begin(), items.end(),
                             [&](const RolloutPreviewItem &i) { return i.outcome == outcome; }));
}

int Rollout::count(RolloutOutcome outcome) const
{
    return int(std::count_if(branches.begin(), branches.end(),
                             [&](const RolloutBranch &b) { return b.outcome == outcome; }));
}

bool Rollout::needsAttention() const
{
    return count(RolloutOutcome::Conflict) > 0 || count(RolloutOutcome::Stale) > 0;
}

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
    auto found = Database::retryOnce(
        [&]() -> Result<QPair<Actor, QHash<QString, RolloutStore::ActiveBranch>>> {
            auto conn = Database::connection(m_context.spec);
            if (!conn)
                return conn.error();
            // Checked against the grants as they are now, as a deploy is.
            auto current = AccessService::refreshed(conn.value(), actor);
            if (!current)
                return current.error();
            auto branches = RolloutStore::activeBranches(conn.value(), ids);
            if (!branches)
                return branches.error();
            return qMakePair(current.value(), branches.value());
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
    auto editable = Database::retryOnce([&]() -> Result<QSet<QString>> {
        auto conn = Database::connection(m_context.spec);
        if (!conn)
            return conn.error();
        auto current = AccessService::refreshed(conn.value(), actor);
        if (!current)
            return current.error();
        auto branches = RolloutStore::activeBranches(conn.value(), ids);
        if (!branches)
            return branches.error();
        QSet<QString> allowed;
        for (const RolloutStore::ActiveBranch &b : std::as_const(branches.value()))
            if (mayEdit(current.value(), b.branch.companyId, b.branch.id))
                allowed.insert(b.branch.id.toLower());
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
        if (!editable->contains(item.branch.id.toLower())) {
            b = RolloutBranch{};
            b.branchId = item.branch.id;
            b.outcome = RolloutOutcome::Denied;
        } else if (serverLost || stop.stop_requested()) {
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
    auto read = Database::retryOnce([&]() -> Result<QPair<Actor, Rollout>> {
        auto conn = Database::connection(m_context.spec);
        if (!conn)
            return conn.error();
        auto current = AccessService::refreshed(conn.value(), actor);
        if (!current)
            return current.error();
        auto rollout = RolloutStore::read(conn.value(), rolloutId);
        if (!rollout)
            return rollout.error();
        return qMakePair(current.value(), rollout.value());
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
    auto listed = Database::retryOnce([&]() -> Result<QPair<Actor, QList<RolloutStore::Listed>>> {
        auto conn = Database::connection(m_context.spec);
        if (!conn)
            return conn.error();
        auto current = AccessService::refreshed(conn.value(), actor);
        if (!current)
            return current.error();
        // Some rollouts may be wholly outside the actor's scope: look further back.
        auto rows = RolloutStore::list(conn.value(), limit * 4);
        if (!rows)
            return rows.error();
        return qMakePair(current.value(), rows.value());
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
    auto read = Database::retryOnce([&]() -> Result<Rollout> {
        auto conn = Database::connection(m_context.spec);
        if (!conn)
            return conn.error();
        auto current = AccessService::refreshed(conn.value(), actor);
        if (!current)
            return current.error();
        auto rollout = RolloutStore::read(conn.value(), rolloutId);
        if (!rollout)
            return rollout.error();
        return visibleTo(current.value(), rollout.value());
    });
    return read;
}

QString rolloutPreviewOutcomeName(RolloutPreviewOutcome outcome)
{
    switch (outcome) {
    case RolloutPreviewOutcome::Clean:
        return u"clean"_s;
    case RolloutPreviewOutcome::AlreadyHas:
        return u"already_has"_s;
    case RolloutPreviewOutcome::Conflict:
        return u"conflict"_s;
    case RolloutPreviewOutcome::Invalid:
        return u"invalid"_s;
    case RolloutPreviewOutcome::Denied:
        return u"denied"_s;
    case RolloutPreviewOutcome::NoActiveVersion:
        return u"no_active_version"_s;
    }
    return {};
}

namespace {
constexpr std::array kOutcomes{RolloutOutcome::Applied,         RolloutOutcome::Unchanged,
                               RolloutOutcome::Conflict,        RolloutOutcome::Invalid,
                               RolloutOutcome::Denied,          RolloutOutcome::Stale,
                               RolloutOutcome::NoActiveVersion, RolloutOutcome::Skipped,
                               RolloutOutcome::Failed,          RolloutOutcome::Resolved};
} // namespace

QString rolloutOutcomeName(RolloutOutcome outcome)
{
    switch (outcome) {
    case RolloutOutcome::Applied:
        return u"applied"_s;
    case RolloutOutcome::Unchanged:
        return u"unchanged"_s;
    case RolloutOutcome::Conflict:
        return u"conflict"_s;
    case RolloutOutcome::Invalid:
        return u"invalid"_s;
    case RolloutOutcome::Denied:
        return u"denied"_s;
    case RolloutOutcome::Stale:
        return u"stale"_s;
    case RolloutOutcome::NoActiveVersion:
        return u"no_active_version"_s;
    case RolloutOutcome::Skipped:
        return u"skipped"_s;
    case RolloutOutcome::Failed:
        return u"failed"_s;
    case RolloutOutcome::Resolved:
        return u"resolved"_s;
    }
    return {};
}

std::optional<RolloutOutcome> rolloutOutcomeFromName(const QString &name)
{
    for (const RolloutOutcome outcome : kOutcomes)
        if (rolloutOutcomeName(outcome) == name)
            return outcome;
    return std::nullopt;
}

QString rolloutUndoOutcomeName(RolloutUndoOutcome outcome)
{
    switch (outcome) {
    case RolloutUndoOutcome::None:
        return {};
    case RolloutUndoOutcome::Undone:
        return u"undone"_s;
    case RolloutUndoOutcome::ChangedSince:
        return u"changed_since"_s;
    case RolloutUndoOutcome::Denied:
        return u"denied"_s;
    case RolloutUndoOutcome::NothingBefore:
        return u"nothing_before"_s;
    }
    return {};
}

} // namespace retell::core
