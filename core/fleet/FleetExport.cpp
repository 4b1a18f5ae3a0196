#include "fleet/FleetExport.h"

namespace retell::core {

ExportRecord fleetRecord(const FleetRow &r)
{
    const bool active = r.hasActive();
    const bool drift = r.drift.computed;
    auto orNull = [](bool present, const QJsonValue &v) { return present ? v : QJsonValue(); };
    return {
        {QStringLiteral("company_id"), r.branch.companyId},
        {QStringLiteral("company"), r.branch.companyName},
        {QStringLiteral("branch_id"), r.branch.id},
        {QStringLiteral("branch"), r.branch.name},
        {QStringLiteral("role"), roleName(r.role)},
        {QStringLiteral("active_version"), orNull(active, r.branch.activeVersion.value_or(0))},
        {QStringLiteral("template_name"), orNull(!r.templateName.isEmpty(), r.templateName)},
        {QStringLiteral("deployed_at"),
         orNull(r.deployedAt.isValid(), r.deployedAt.toUTC().toString(Qt::ISODate))},
        {QStringLiteral("deployed_by"), orNull(!r.deployedByName.isEmpty(), r.deployedByName)},
        {QStringLiteral("validation_status"),
         orNull(active, validationStatusName(r.branch.activeStatus))},
        {QStringLiteral("estimated_tokens"), orNull(active, r.estimatedTokens)},
        {QStringLiteral("reference"), orNull(r.referenceConfig.has_value(), r.referenceLabel)},
        {QStringLiteral("drift_lines_added"), orNull(drift, r.drift.linesAdded)},
        {QStringLiteral("drift_lines_removed"), orNull(drift, r.drift.linesRemoved)},
        {QStringLiteral("drift_tools_changed"), orNull(drift, r.drift.toolsChanged)},
    };
}

} // namespace retell::core
