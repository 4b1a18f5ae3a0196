#include "publish/Publishing.h"

#include <array>
#include <utility>

namespace retell::core {

namespace {

constexpr std::array<std::pair<Publication::State, const char *>, 6> kStates{{
    {Publication::State::Pending, "pending"},
    {Publication::State::Publishing, "publishing"},
    {Publication::State::Live, "live"},
    {Publication::State::Rejected, "rejected"},
    {Publication::State::Held, "held"},
    {Publication::State::Superseded, "superseded"},
}};

constexpr std::array<std::pair<LiveStatus::Kind, const char *>, 5> kKinds{{
    {LiveStatus::Kind::Live, "live"},
    {LiveStatus::Kind::DashboardEdit, "dashboard_edit"},
    {LiveStatus::Kind::Behind, "behind"},
    {LiveStatus::Kind::NotLinked, "not_linked"},
    {LiveStatus::Kind::Unknown, "unknown"},
}};

} // namespace

QString Publication::stateName(State state)
{
    for (const auto &[s, name] : kStates)
        if (s == state)
            return QString::fromLatin1(name);
    return {};
}

std::optional<Publication::State> Publication::stateFromName(const QString &name)
{
    for (const auto &[s, n] : kStates)
        if (name == QLatin1String(n))
            return s;
    return std::nullopt;
}

QString LiveStatus::kindName(Kind kind)
{
    for (const auto &[k, name] : kKinds)
        if (k == kind)
            return QString::fromLatin1(name);
    return {};
}

} // namespace retell::core
