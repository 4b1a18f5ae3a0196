#pragma once

#include "audit/AuditLog.h"
#include "io/Export.h"

namespace retell::core {

// An audit entry as exported (CLI audit --format csv|json, the audit
// window's export): at (ISO 8601 UTC), kind, user (e-mail), user_name,
// company_id, company, branch_id, branch, version, template_name, notes,
// subject (whose grant), scope, scope_id, role, operation, detail, rollout_id;
// null where the entry has none.
ExportRecord auditRecord(const AuditEntry &entry);

} // namespace retell::core
