#pragma once

#include "db/ConnectionSpec.h"

#include <QDateTime>

#include <functional>

namespace retell::core {

using Clock = std::function<QDateTime()>; // returns UTC

inline Clock systemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}

// What every service needs: where the data is and what time it is. Time is
// injected so history and audit are testable without sleeping.
struct ServiceContext
{
    ConnectionSpec spec;
    Clock clock = systemClock();
};

} // namespace retell::core
