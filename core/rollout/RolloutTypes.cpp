#include "rollout/Rollout.h"

#include <algorithm>
#include <array>

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

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
