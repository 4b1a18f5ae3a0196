#pragma once

#include "fleet/FleetService.h"
#include "io/Export.h"

namespace retell::core {

// A fleet row as exported (CLI --csv/--json, the fleet window's CSV): ids,
// names, role, active version, template, deployed at (ISO 8601 UTC) and by,
// status, tokens, reference and drift (null where none was computed).
ExportRecord fleetRecord(const FleetRow &row);

} // namespace retell::core
