#pragma once

#include "domain/Types.h"

#include <QString>

namespace retell::ui {

// A role as people read it, in the UI's language (the core's roleName is
// the stored, English word).
QString roleDisplayName(core::Role role);

} // namespace retell::ui
