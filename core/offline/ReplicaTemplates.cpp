#include "ReplicaTemplates.h"

#include "db/Database.h"
#include "templates/TemplateService.h"

namespace retell::core {

Result<int> ReplicaTemplates::refresh(const Actor &actor) const
{
    auto seen = TemplateService(m_server).templates(actor);
    if (!seen)
        return seen.error();
    int kept = 0;
    auto written =
        Database::writeTransaction(m_replica.spec, [&](QSqlDatabase &db) -> Result<void> {
            kept = 0;
            auto clear = Database::exec(
                db, QStringLiteral("DELETE FROM retell_admin_templates WHERE is_builtin = FALSE"));
            if (!clear)
                return clear.error();
            // Custom ones first, with their server ids; web-app ones after.
            for (const bool custom : {true, false}) {
                for (const Template &t : std::as_const(*seen)) {
                    if (t.source == TemplateSource::BuiltIn ||
                        (t.source == TemplateSource::Custom) != custom)
                        continue;
                    bool numeric = false;
                    t.companyId.toLongLong(&numeric);
                    if (custom && numeric) {
                        auto company = Database::exec(
                            db,
                            QStringLiteral("INSERT INTO companies (id, name) VALUES (?, ?) ON "
                                           "CONFLICT (id) DO UPDATE SET name = excluded.name"),
                            {t.companyId, t.companyName});
                        if (!company)
                            return company.error();
                    }
                    const QVariant createdBy = t.createdBy && *t.createdBy == actor.user.id
                                                   ? QVariant(actor.user.id)
                                                   : QVariant(QMetaType(QMetaType::LongLong));
                    auto row = Database::exec(
                        db,
                        QStringLiteral(
                            "INSERT INTO retell_admin_templates (id, name, description, "
                            "prompt_content, functions_config, is_builtin, company_id, "
                            "created_by, language) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, ?)"),
                        {custom ? QVariant(t.id) : QVariant(QMetaType(QMetaType::LongLong)), t.name,
                         t.description, t.config.prompt, t.config.toolsJson,
                         custom ? t.companyId : QString(), createdBy, t.language});
                    if (!row)
                        return row.error();
                    ++kept;
                }
            }
            return {};
        });
    if (!written)
        return written.error();
    return kept;
}

} // namespace retell::core
