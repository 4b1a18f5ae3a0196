#include "rollout/RolloutTexts.h"

#include "panels/StatusIcons.h"

#include <QStringList>

namespace retell::ui {

using Preview = core::RolloutPreviewOutcome;
using Outcome = core::RolloutOutcome;

namespace {
QString firstFinding(const QList<core::Finding> &findings)
{
    for (const core::Finding &f : findings) {
        if (f.isError())
            return core::findingMessage(f);
    }
    return findings.isEmpty() ? QString() : core::findingMessage(findings.constFirst());
}

// "a, b and c" parts joined; empty parts left out.
QString sentence(const QStringList &parts)
{
    QStringList kept;
    for (const QString &p : parts) {
        if (!p.isEmpty())
            kept << p;
    }
    return kept.join(QStringLiteral("; "));
}
} // namespace

QString RolloutTexts::previewOutcome(const core::RolloutPreviewItem &item)
{
    switch (item.outcome) {
    case Preview::Clean:
        return tr("would change cleanly");
    case Preview::AlreadyHas:
        return tr("already has it");
    case Preview::Conflict:
        return tr("%n conflict(s)", nullptr, item.conflictCount);
    case Preview::Invalid:
        return tr("would fail validation");
    case Preview::Denied:
        return tr("not allowed");
    case Preview::NoActiveVersion:
        return tr("nothing deployed");
    }
    return {};
}

QString RolloutTexts::previewDetail(const core::RolloutPreviewItem &item)
{
    switch (item.outcome) {
    case Preview::Clean:
        return tr("v%1 → new version").arg(item.baseVersion);
    case Preview::Conflict:
        return tr("on v%1; resolve in the merge window after applying").arg(item.baseVersion);
    case Preview::Invalid:
        return firstFinding(item.findings);
    case Preview::Denied:
        return tr("You need the editor role on this branch.");
    case Preview::AlreadyHas:
    case Preview::NoActiveVersion:
        break;
    }
    return {};
}

QIcon RolloutTexts::previewIcon(core::RolloutPreviewOutcome outcome)
{
    switch (outcome) {
    case Preview::Clean:
    case Preview::AlreadyHas:
        return statusIcon(core::ValidationStatus::Valid);
    case Preview::Conflict:
    case Preview::Invalid:
    case Preview::Denied:
        return statusIcon(core::ValidationStatus::Invalid);
    case Preview::NoActiveVersion:
        break;
    }
    return statusIcon(core::ValidationStatus::Pending);
}

QString RolloutTexts::outcome(const core::RolloutBranch &branch)
{
    switch (branch.outcome) {
    case Outcome::Applied:
        return tr("applied");
    case Outcome::Unchanged:
        return tr("already had it");
    case Outcome::Conflict:
        return tr("%n conflict(s) to resolve", nullptr, branch.conflictCount);
    case Outcome::Invalid:
        return tr("not applied: invalid");
    case Outcome::Denied:
        return tr("not allowed");
    case Outcome::Stale:
        return tr("deployed meanwhile");
    case Outcome::NoActiveVersion:
        return tr("nothing deployed");
    case Outcome::Skipped:
        return tr("skipped (cancelled)");
    case Outcome::Failed:
        return tr("failed");
    case Outcome::Resolved:
        return tr("resolved");
    }
    return {};
}

QString RolloutTexts::detail(const core::RolloutBranch &branch)
{
    switch (branch.outcome) {
    case Outcome::Applied:
    case Outcome::Resolved:
        return branch.versionWritten
                   ? tr("v%1 → v%2").arg(branch.baseVersion).arg(*branch.versionWritten)
                   : QString();
    case Outcome::Stale:
        return tr("v%1 is active now, not overwritten").arg(branch.currentVersion);
    case Outcome::Invalid:
        return firstFinding(branch.findings);
    case Outcome::Failed:
        return branch.message;
    default:
        return {};
    }
}

QIcon RolloutTexts::icon(core::RolloutOutcome outcome)
{
    switch (outcome) {
    case Outcome::Applied:
    case Outcome::Unchanged:
    case Outcome::Resolved:
        return statusIcon(core::ValidationStatus::Valid);
    case Outcome::Skipped:
    case Outcome::NoActiveVersion:
        return statusIcon(core::ValidationStatus::Pending);
    default:
        return statusIcon(core::ValidationStatus::Invalid);
    }
}

QString RolloutTexts::undo(const core::RolloutBranch &branch)
{
    switch (branch.undo) {
    case core::RolloutUndoOutcome::None:
        return {};
    case core::RolloutUndoOutcome::Undone:
        return branch.undoVersion ? tr("undone: back to v%1 as v%2")
                                        .arg(branch.baseVersion)
                                        .arg(*branch.undoVersion)
                                  : tr("undone");
    case core::RolloutUndoOutcome::ChangedSince:
        return tr("changed since (v%1 active): left as it is").arg(branch.activeVersion);
    case core::RolloutUndoOutcome::Denied:
        return tr("not allowed to undo");
    case core::RolloutUndoOutcome::NothingBefore:
        return tr("nothing to go back to");
    }
    return {};
}

QString RolloutTexts::previewSummary(const core::RolloutPreview &preview)
{
    const QString text = sentence(
        {tr("%n would change cleanly", nullptr, preview.count(Preview::Clean)),
         preview.count(Preview::AlreadyHas) > 0
             ? tr("%n already up to date", nullptr, preview.count(Preview::AlreadyHas))
             : QString(),
         preview.count(Preview::Conflict) > 0
             ? tr("%n conflict(s)", nullptr, preview.count(Preview::Conflict))
             : QString(),
         preview.count(Preview::Invalid) > 0
             ? tr("%n would fail validation", nullptr, preview.count(Preview::Invalid))
             : QString(),
         preview.count(Preview::Denied) > 0
             ? tr("%n not allowed", nullptr, preview.count(Preview::Denied))
             : QString(),
         preview.count(Preview::NoActiveVersion) > 0
             ? tr("%n with nothing deployed", nullptr, preview.count(Preview::NoActiveVersion))
             : QString()});
    return preview.cancelled ? tr("Preview stopped: %1.").arg(text) : tr("Preview: %1.").arg(text);
}

QString RolloutTexts::summary(const core::Rollout &rollout)
{
    const auto part = [&rollout](Outcome outcome, const char *text) {
        const int n = rollout.count(outcome);
        return n > 0 ? tr(text, nullptr, n) : QString();
    };
    const QString text = sentence({
        tr("applied to %n branch(es)", nullptr,
           rollout.count(Outcome::Applied) + rollout.count(Outcome::Resolved)),
        part(Outcome::Unchanged, QT_TR_NOOP("%n already had it")),
        part(Outcome::Conflict, QT_TR_NOOP("%n conflict(s) left to resolve")),
        part(Outcome::Stale, QT_TR_NOOP("%n deployed meanwhile and not overwritten")),
        part(Outcome::Invalid, QT_TR_NOOP("%n invalid")),
        part(Outcome::Denied, QT_TR_NOOP("%n not allowed")),
        part(Outcome::Failed, QT_TR_NOOP("%n failed")),
        part(Outcome::Skipped, QT_TR_NOOP("%n skipped")),
    });
    return (rollout.cancelled ? tr("Rollout #%1 stopped: %2.") : tr("Rollout #%1: %2."))
        .arg(rollout.id)
        .arg(text);
}

QString RolloutTexts::undoSummary(const core::Rollout &rollout)
{
    int undone = 0;
    QStringList changed;
    for (const core::RolloutBranch &b : rollout.branches) {
        if (b.undo == core::RolloutUndoOutcome::Undone)
            ++undone;
        else if (b.undo == core::RolloutUndoOutcome::ChangedSince)
            changed << b.branchName;
    }
    QString text = tr("Rollout #%1 undone on %n branch(es).", nullptr, undone).arg(rollout.id);
    if (!changed.isEmpty())
        text +=
            QLatin1Char(' ') +
            tr("Changed since and left as they are: %1.").arg(changed.join(QStringLiteral(", ")));
    return text;
}

} // namespace retell::ui
