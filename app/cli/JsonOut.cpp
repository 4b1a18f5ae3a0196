#include "Cli.h"

#include "io/AgentConfigCodec.h"
#include "validation/Validator.h"

#include <QJsonDocument>

namespace retell::cli {

using namespace retell::core;

namespace {
QJsonValue timestamp(const QDateTime &utc)
{
    return utc.isValid() ? QJsonValue(utc.toString(Qt::ISODate)) : QJsonValue();
}
QString sourceName(TemplateSource s)
{
    switch (s) {
    case TemplateSource::BuiltIn:
        return QStringLiteral("built-in");
    case TemplateSource::Custom:
        return QStringLiteral("custom");
    case TemplateSource::WebApp:
        return QStringLiteral("web-app");
    }
    return {};
}
} // namespace

QJsonObject toJson(const Branch &b)
{
    return {{QStringLiteral("id"), b.id},
            {QStringLiteral("name"), b.name},
            {QStringLiteral("company_id"), b.companyId},
            {QStringLiteral("company"), b.companyName},
            {QStringLiteral("active_version"),
             b.activeVersion ? QJsonValue(*b.activeVersion) : QJsonValue()},
            {QStringLiteral("validation_status"),
             b.activeVersion ? QJsonValue(validationStatusName(b.activeStatus)) : QJsonValue()}};
}

QJsonObject toJson(const VersionSummary &s)
{
    return {{QStringLiteral("version"), s.version},
            {QStringLiteral("active"), s.isActive},
            {QStringLiteral("template_name"),
             s.templateName.isEmpty() ? QJsonValue() : QJsonValue(s.templateName)},
            {QStringLiteral("deployed_at"), timestamp(s.deployedAt)},
            {QStringLiteral("deployed_by"), s.deployedByName},
            {QStringLiteral("validation_status"), validationStatusName(s.validationStatus)},
            {QStringLiteral("notes"), s.notes}};
}

QJsonObject toJson(const PromptVersion &v, bool withContent)
{
    QJsonObject o{{QStringLiteral("branch_id"), v.branchId},
                  {QStringLiteral("version"), v.version},
                  {QStringLiteral("active"), v.isActive},
                  {QStringLiteral("template_name"),
                   v.templateName.isEmpty() ? QJsonValue() : QJsonValue(v.templateName)},
                  {QStringLiteral("deployed_at"), timestamp(v.deployedAt)},
                  {QStringLiteral("deployed_by"), v.deployedByName},
                  {QStringLiteral("validation_status"), validationStatusName(v.validationStatus)},
                  {QStringLiteral("notes"), v.notes}};
    if (withContent) {
        o.insert(QStringLiteral("prompt"), v.config.prompt);
        o.insert(QStringLiteral("tools"), AgentConfigCodec::toolsArray(v.config.toolsJson));
        o.insert(QStringLiteral("validation_errors"),
                 QJsonDocument::fromJson(v.validationErrorsJson.toUtf8()).array());
    }
    return o;
}

QJsonObject toJson(const Template &t, bool withContent)
{
    QJsonObject o{
        {QStringLiteral("name"), t.name},
        {QStringLiteral("description"), t.description},
        {QStringLiteral("source"), sourceName(t.source)},
        // null: the template does not say which language it speaks
        {QStringLiteral("language"), t.language.isEmpty() ? QJsonValue() : QJsonValue(t.language)},
        {QStringLiteral("tools"),
         QJsonArray::fromStringList(Validator::toolNames(t.config.toolsJson))}};
    if (t.source == TemplateSource::Custom) {
        // null: shared with every company
        o.insert(QStringLiteral("company_id"),
                 t.companyId.isEmpty() ? QJsonValue() : QJsonValue(t.companyId));
        o.insert(QStringLiteral("company"),
                 t.companyName.isEmpty() ? QJsonValue() : QJsonValue(t.companyName));
        o.insert(QStringLiteral("changeable"), t.changeable);
    }
    if (withContent) {
        o.insert(QStringLiteral("prompt"), t.config.prompt);
        o.insert(QStringLiteral("tools_config"), AgentConfigCodec::toolsArray(t.config.toolsJson));
    }
    return o;
}

QJsonObject toJson(const Grant &g)
{
    return {
        {QStringLiteral("user"), g.userEmail},
        {QStringLiteral("role"), roleName(g.role)},
        {QStringLiteral("scope"), scopeName(g.scope)},
        {QStringLiteral("scope_id"), g.scopeId.isEmpty() ? QJsonValue() : QJsonValue(g.scopeId)}};
}

QJsonArray findingsToJson(const QList<Finding> &findings)
{
    ValidationResult r;
    r.findings = findings;
    return QJsonDocument::fromJson(r.findingsJson()).array();
}

QString formatFinding(const Finding &f)
{
    const QString where =
        f.target == FindingTarget::Notes ? QStringLiteral("notes")
        : f.target == FindingTarget::Prompt
            ? (f.line > 0 ? QStringLiteral("prompt:%1:%2").arg(f.line).arg(f.column)
                          : QStringLiteral("prompt"))
            : QStringLiteral("tools %1")
                  .arg(f.jsonPath.isEmpty() ? QStringLiteral("$") : f.jsonPath);
    return QStringLiteral("%1 %2 [%3] %4")
        .arg(f.isError() ? QStringLiteral("error  ") : QStringLiteral("warning"), where, f.code,
             f.message);
}

} // namespace retell::cli
