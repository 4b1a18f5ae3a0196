#include "audit/AuditExport.h"

namespace retell::core {

ExportRecord auditRecord(const AuditEntry &e)
{
    auto text = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {
        {QStringLiteral("at"),
         text(e.at.isValid() ? e.at.toUTC().toString(Qt::ISODate) : QString())},
        {QStringLiteral("kind"), auditKindName(e.kind)},
        {QStringLiteral("user"), text(e.userEmail)},
        {QStringLiteral("user_name"), text(e.userName)},
        {QStringLiteral("company_id"), text(e.companyId)},
        {QStringLiteral("company"), text(e.companyName)},
        {QStringLiteral("branch_id"), text(e.branchId)},
        {QStringLiteral("branch"), text(e.branchName)},
        {QStringLiteral("version"), e.version > 0 ? QJsonValue(e.version) : QJsonValue()},
        {QStringLiteral("template_name"), text(e.templateName)},
        {QStringLiteral("notes"), text(e.notes)},
        {QStringLiteral("subject"), text(e.subjectEmail)},
        {QStringLiteral("scope"), e.scope ? QJsonValue(scopeName(*e.scope)) : QJsonValue()},
        {QStringLiteral("scope_id"), text(e.scopeId)},
        {QStringLiteral("role"), e.role ? QJsonValue(roleName(*e.role)) : QJsonValue()},
        {QStringLiteral("operation"), text(e.operation)},
        {QStringLiteral("detail"), text(e.detail)},
        {QStringLiteral("rollout_id"), e.rolloutId > 0 ? QJsonValue(e.rolloutId) : QJsonValue()},
    };
}

} // namespace retell::core
