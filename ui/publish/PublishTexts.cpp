#include "publish/PublishTexts.h"

#include "services/DisplayText.h"

namespace retell::ui {

namespace {
using State = core::Publication::State;
using Kind = core::LiveStatus::Kind;

core::Error errorOf(const core::Publication &p)
{
    core::Error error{core::ErrorKind::Remote, p.errorMessage, {}};
    error.code = p.errorCode;
    // The stored message is Retell's own for a refusal (the code's second argument).
    if (p.errorCode == QLatin1String("retell.rejected"))
        error.args = QStringList{QString(), p.errorMessage};
    return error;
}
// The Retell version the active one is live as: its publication's, else the live LLM's.
int liveVersion(const core::LiveStatus &status)
{
    if (status.publication && status.publication->retellVersion)
        return *status.publication->retellVersion;
    return status.liveLlm ? status.liveLlm->version : 0;
}
} // namespace

QString PublishTexts::reason(const core::Publication &p)
{
    switch (p.state) {
    case State::Live:
        return tr("Live in Retell as version %1.").arg(p.retellVersion.value_or(0));
    case State::Superseded:
        return tr("A newer version was published instead.");
    case State::Held:
        return tr("Retell has a newer edit made in its dashboard; import it or overwrite it.");
    case State::Rejected:
        return p.errorMessage.isEmpty() ? tr("Retell refused it.")
                                        : tr("Retell refused it: %1").arg(p.errorMessage);
    case State::Publishing:
        return tr("Publishing now.");
    case State::Pending:
        break;
    }
    if (p.errorCode.isEmpty())
        return tr("Waiting to be published.");
    return retellErrorText(errorOf(p));
}

RetellMark PublishTexts::versionMark(const core::Publication &p)
{
    switch (p.state) {
    case State::Live:
        return {tr("live v%1").arg(p.retellVersion.value_or(0)), reason(p)};
    case State::Pending:
    case State::Publishing:
        return {tr("pending"), reason(p)};
    case State::Rejected:
        return {tr("rejected"), reason(p)};
    case State::Held:
        return {tr("held"), reason(p)};
    case State::Superseded:
        break;
    }
    return {tr("superseded"), reason(p)};
}

LiveView PublishTexts::notLinked()
{
    return {LiveBadge::Kind::NotLinked, tr("Not linked to a Retell agent.")};
}

LiveView PublishTexts::liveView(const core::Publication &p)
{
    if (p.isLive())
        return {LiveBadge::Kind::Live,
                tr("Live in Retell as version %1.").arg(p.retellVersion.value_or(0))};
    if (p.state == State::Held)
        return {LiveBadge::Kind::DashboardEdit,
                tr("Retell has a newer edit made in its dashboard.")};
    return {LiveBadge::Kind::NotLiveYet, tr("Not live yet: %1").arg(reason(p))};
}

LiveView PublishTexts::liveView(const core::LiveStatus &status)
{
    switch (status.kind) {
    case Kind::NotLinked:
        return notLinked();
    case Kind::Live:
        return {LiveBadge::Kind::Live,
                tr("Live in Retell as version %1.").arg(liveVersion(status))};
    case Kind::DashboardEdit:
        return {LiveBadge::Kind::DashboardEdit,
                tr("Retell has a newer edit made in its dashboard.")};
    case Kind::Behind:
        if (!status.activeVersion)
            return {LiveBadge::Kind::NotLiveYet, tr("Not live yet: nothing is deployed.")};
        if (status.publication)
            return liveView(*status.publication);
        return {LiveBadge::Kind::NotLiveYet,
                tr("Not live yet: v%1 was deployed before the link.").arg(*status.activeVersion)};
    case Kind::Unknown:
        break;
    }
    // Retell could not be asked: what the app itself knows still holds.
    const QString why = status.error ? errorText(*status.error) : QString();
    if (status.publication && status.publication->state != State::Held) {
        LiveView known = liveView(*status.publication);
        // The same reason twice (a refused key) is said once.
        if (!status.error || status.error->code != status.publication->errorCode)
            known.text += QLatin1Char(' ') + tr("(Retell could not be checked: %1)").arg(why);
        return known;
    }
    return {LiveBadge::Kind::Unknown, tr("Retell could not be checked: %1").arg(why)};
}

RetellMark PublishTexts::treeMark(const core::LiveStatus &status)
{
    const LiveView view = liveView(status);
    switch (view.kind) {
    case LiveBadge::Kind::DashboardEdit:
        return {tr("drift"), view.text};
    case LiveBadge::Kind::NotLiveYet:
        return {tr("not live"), view.text};
    default:
        return {};
    }
}

RetellMark PublishTexts::fleetMark(const core::LiveStatus &status)
{
    const LiveView view = liveView(status);
    switch (view.kind) {
    case LiveBadge::Kind::Live:
        return {tr("live v%1").arg(liveVersion(status)), view.text};
    case LiveBadge::Kind::DashboardEdit:
        return {tr("dashboard edit"), view.text};
    case LiveBadge::Kind::NotLiveYet:
        return {tr("not live yet"), view.text};
    case LiveBadge::Kind::NotLinked:
        return {tr("not linked"), view.text};
    case LiveBadge::Kind::Unknown:
        return {tr("unknown"), view.text};
    case LiveBadge::Kind::Checking:
    case LiveBadge::Kind::Hidden:
        break;
    }
    return {};
}

QString PublishTexts::failure(const core::Publication &p, const QString &branchName)
{
    if (p.isLive() || p.state == State::Superseded || p.state == State::Publishing ||
        (p.state == State::Pending && p.errorCode.isEmpty()))
        return {};
    return tr("v%1 of %2 is not live in Retell yet: %3").arg(p.version).arg(branchName, reason(p));
}

} // namespace retell::ui
