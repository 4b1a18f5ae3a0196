#include "templates/TemplateService.h"

#include "access/AccessService.h"
#include "db/Database.h"
#include "db/Dialect.h"
#include "db/RowReader.h"
#include "io/AgentConfigCodec.h"
#include "templates/TemplateAccess.h"
#include "templates/TemplateRules.h"
#include "validation/Validator.h"
#include "versions/BranchService.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QSqlQuery>

#include <optional>

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

namespace {
// The number a retell_admin_meta row holds in its text column "value".
qint64 metaNumber(const QSqlQuery &q)
{
    return RowReader(q).integer("value"_L1);
}
} // namespace

struct TemplateService::Cache
{
    QMutex mutex;
    std::optional<QList<Template>> templates;
};

TemplateService::TemplateService(ServiceContext context)
    : m_context(std::move(context)), m_cache(std::make_unique<Cache>())
{
}

TemplateService::~TemplateService() = default;

QList<Template> TemplateService::builtIns()
{
    static const QList<Template> list = [] {
        QList<Template> result;
        const QDir dir(QStringLiteral(":/resources/templates"));
        for (const QString &file :
             dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(file));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            // A built-in is our native shape with a name and a description.
            const QByteArray bytes = f.readAll();
            auto content = AgentConfigCodec::decode(bytes);
            if (!content)
                continue;
            const QJsonObject o = QJsonDocument::fromJson(bytes).object();
            Template t;
            t.name = o.value(QStringLiteral("name")).toString();
            t.description = o.value(QStringLiteral("description")).toString();
            t.language = o.value(QStringLiteral("language")).toString();
            t.config = content->config;
            t.source = TemplateSource::BuiltIn;
            result << t;
        }
        // Fixed order: the ticket lists them from richest to simplest; the
        // English ones first, then the German ones in the same order (the
        // picker puts the user's language first).
        const QStringList order = {QStringLiteral("Dynamic Service Selection"),
                                   QStringLiteral("Basic Appointment Booking"),
                                   QStringLiteral("Information Only"),
                                   QStringLiteral("Dynamische Leistungsauswahl"),
                                   QStringLiteral("Einfache Terminbuchung"),
                                   QStringLiteral("Nur Auskunft")};
        std::stable_sort(result.begin(), result.end(), [&](const Template &a, const Template &b) {
            auto rank = [&](const Template &t) {
                const auto i = order.indexOf(t.name);
                return i < 0 ? 99 : int(i);
            };
            return rank(a) < rank(b);
        });
        return result;
    }();
    return list;
}

// retell_agent_prompts has no index on is_template, so a plain query would
// read every version of every branch. Rows are scanned once, by id range,
// and the ids of template rows kept in retell_admin_template_rows.
Result<void> TemplateService::scanForWebTemplates(QSqlDatabase &db) const
{
    auto last = Database::exec(
        db,
        QStringLiteral("SELECT value FROM retell_admin_meta WHERE name = 'template_scan_last_id'"));
    if (!last)
        return last.error();
    const qint64 scannedUpTo = last->next() ? metaNumber(last.value()) : 0;
    auto max = Database::exec(
        db, QStringLiteral("SELECT COALESCE(MAX(id), 0) AS max_id FROM retell_agent_prompts"));
    if (!max)
        return max.error();
    const qint64 maxId = max->next() ? RowReader(max.value()).integer("max_id"_L1) : 0;
    if (maxId <= scannedUpTo)
        return {};
    auto found = Database::exec(
        db,
        QStringLiteral(
            "SELECT id FROM retell_agent_prompts WHERE id > ? AND id <= ? AND is_template = TRUE"),
        {scannedUpTo, maxId});
    if (!found)
        return found.error();
    QList<qint64> ids;
    const RowReader foundRow(found.value());
    while (found->next())
        ids << foundRow.integer("id"_L1);
    return Database::writeTransaction(m_context.spec, [&](QSqlDatabase &w) -> Result<void> {
        for (qint64 id : std::as_const(ids)) {
            auto known = Database::exec(
                w,
                QStringLiteral(
                    "SELECT COUNT(*) AS n FROM retell_admin_template_rows WHERE row_id = ?"),
                {id});
            if (!known)
                return known.error();
            if (known->next() && RowReader(known.value()).integer("n"_L1) > 0)
                continue;
            if (auto ins = Database::exec(
                    w, QStringLiteral("INSERT INTO retell_admin_template_rows (row_id) VALUES (?)"),
                    {id});
                !ins)
                return ins.error();
        }
        // Only move forward: a concurrent scan may have gone further.
        auto current = Database::exec(
            w, QStringLiteral(
                   "SELECT value FROM retell_admin_meta WHERE name = 'template_scan_last_id'") +
                   rowLock(w));
        if (!current)
            return current.error();
        if (current->next()) {
            if (metaNumber(current.value()) >= maxId)
                return {};
            auto up = Database::exec(
                w,
                QStringLiteral(
                    "UPDATE retell_admin_meta SET value = ? WHERE name = 'template_scan_last_id'"),
                {QString::number(maxId)});
            return up ? Result<void>() : Result<void>(up.error());
        }
        auto ins = Database::exec(
            w,
            QStringLiteral(
                "INSERT INTO retell_admin_meta (name, value) VALUES ('template_scan_last_id', ?)"),
            {QString::number(maxId)});
        return ins ? Result<void>() : Result<void>(ins.error());
    });
}

using namespace template_rules;

Result<void> TemplateService::refreshIndex() const
{
    auto conn = Database::connection(m_context.spec);
    if (!conn)
        return conn.error();
    auto scanned = scanForWebTemplates(conn.value());
    Database::finishStatements(conn.value());
    return scanned;
}

void TemplateService::invalidate() const
{
    QMutexLocker lock(&m_cache->mutex);
    m_cache->templates.reset();
}

bool TemplateService::appliesTo(const Template &tmpl, const Branch &branch)
{
    return tmpl.source != TemplateSource::Custom || tmpl.companyId.isEmpty() ||
           tmpl.companyId == branch.companyId;
}

Result<QList<Template>> TemplateService::all(QSqlDatabase &db) const
{
    {
        QMutexLocker lock(&m_cache->mutex);
        if (m_cache->templates)
            return *m_cache->templates;
    }
    QList<Template> result;
    QSet<QString> seen;
    auto add = [&](const Template &t) {
        const QString key = t.name.toLower();
        if (seen.contains(key))
            return;
        seen.insert(key);
        result << t;
    };
    auto own = Database::exec(
        db, QStringLiteral("SELECT %1 FROM retell_admin_templates ORDER BY is_builtin DESC, id")
                .arg(kTemplateColumns));
    if (!own)
        return own.error();
    QList<Template> custom;
    const RowReader ownRow(own.value());
    while (own->next()) {
        const Template t = templateFromRow(ownRow);
        if (t.source == TemplateSource::BuiltIn)
            add(t);
        else
            custom << t;
    }
    for (const Template &t : builtIns())
        add(t);
    // Template rows the web application keeps in its own table: those the
    // index knows, plus the rows written since it was last advanced (a range
    // of the primary key). Reading never writes the index: see refreshIndex().
    auto last = Database::exec(
        db,
        QStringLiteral("SELECT value FROM retell_admin_meta WHERE name = 'template_scan_last_id'"));
    if (!last)
        return last.error();
    const qint64 indexedUpTo = last->next() ? metaNumber(last.value()) : 0;
    auto web = Database::exec(
        db,
        QStringLiteral("SELECT template_name, prompt_content, functions_config, version FROM "
                       "retell_agent_prompts "
                       "WHERE id IN (SELECT row_id FROM retell_admin_template_rows) AND "
                       "is_template = TRUE AND template_name IS NOT NULL "
                       "UNION ALL "
                       "SELECT template_name, prompt_content, functions_config, version FROM "
                       "retell_agent_prompts "
                       "WHERE id > ? AND is_template = TRUE AND template_name IS NOT NULL "
                       "ORDER BY version DESC"),
        {indexedUpTo});
    if (!web)
        return web.error();
    const RowReader webRow(web.value());
    while (web->next()) {
        Template t;
        t.name = webRow.text("template_name"_L1);
        t.description = QStringLiteral("Template from the web admin");
        t.config = configFrom(webRow);
        t.source = TemplateSource::WebApp;
        add(t);
    }
    if (!custom.isEmpty()) {
        QHash<QString, QString> companies;
        auto names = Database::exec(db, QStringLiteral("SELECT id, name FROM companies"));
        if (!names)
            return names.error();
        const RowReader company(names.value());
        while (names->next())
            companies.insert(company.text("id"_L1), company.text("name"_L1));
        // Custom names repeat across companies, never over a built-in or web-app name.
        const QSet<QString> fixed = seen;
        for (Template &t : custom) {
            if (fixed.contains(t.name.toLower()))
                continue;
            t.companyName = companies.value(t.companyId);
            result << t;
        }
    }
    QMutexLocker lock(&m_cache->mutex);
    m_cache->templates = result;
    return result;
}

Result<QList<Template>> TemplateService::all() const
{
    auto conn = Database::connection(m_context.spec);
    if (!conn)
        return conn.error();
    return all(conn.value());
}

Result<QList<Template>> TemplateService::templates(const Actor &actor) const
{
    auto conn = Database::connection(m_context.spec);
    if (!conn)
        return conn.error();
    auto list = all(conn.value());
    if (!list)
        return list.error();
    auto reach = TemplateReach::of(conn.value(), actor, &m_context.clock);
    if (!reach)
        return reach.error();
    QList<Template> visible;
    for (const Template &t : std::as_const(*list)) {
        if (!reach->sees(t))
            continue;
        visible << t;
        visible.last().changeable = reach->mayChange(t);
    }
    return visible;
}

Result<Template> TemplateService::find(const Actor &actor, const QString &name) const
{
    auto list = templates(actor);
    if (!list)
        return list.error();
    return pick(list.value(), name, nullptr);
}

Result<Template> TemplateService::forBranch(const Actor &actor, const QString &name,
                                            const Branch &branch) const
{
    auto list = templates(actor);
    if (!list)
        return list.error();
    return pick(list.value(), name, &branch);
}

Result<Template> TemplateService::save(const Actor &actor, const QString &companyId,
                                       const QString &name, const QString &description,
                                       const AgentConfig &config) const
{
    auto trimmed = checkedName(name);
    if (!trimmed)
        return trimmed.error();
    if (auto d = checkDescription(description); !d)
        return d.error();
    if (auto c = checkContent(config); !c)
        return c.error();
    auto known = all();
    if (!known)
        return known.error();
    Template saved;
    saved.name = trimmed.value();
    saved.description = description;
    saved.config = config;
    saved.source = TemplateSource::Custom;
    saved.companyId = companyId;
    saved.createdBy = actor.user.id;
    saved.changeable = true;
    const QString now = toSqlTimestamp(m_context.clock());
    auto r = Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto current = AccessService::refreshed(db, actor);
        if (!current)
            return current.error();
        auto reach = TemplateReach::of(db, current.value(), nullptr);
        if (!reach)
            return reach.error();
        if (!reach->maySaveFor(companyId))
            return Error::permission(
                companyId.isEmpty()
                    ? QStringLiteral("Only a global admin may share a template with every company.")
                    : QStringLiteral("%1 needs the editor role in this company to save templates.")
                          .arg(actor.user.email));
        if (!companyId.isEmpty()) {
            auto company = companyName(db, companyId);
            if (!company)
                return company.error();
            saved.companyName = company.value();
        }
        if (auto free = checkNameFree(db, known.value(), companyId, saved.name, 0); !free)
            return free;
        auto ins = Database::exec(
            db,
            QStringLiteral(
                "INSERT INTO retell_admin_templates (name, description, prompt_content, "
                "functions_config, is_builtin, company_id, "
                "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, FALSE, ?, ?, ?, ?)"),
            {saved.name, description, config.prompt, config.toolsJson, companyId, actor.user.id,
             now, now});
        if (!ins)
            return ins.error();
        auto id = Database::exec(
            db,
            QStringLiteral(
                "SELECT id FROM retell_admin_templates WHERE company_id = ? AND name = ?"),
            {companyId, saved.name});
        if (!id)
            return id.error();
        saved.id = id->next() ? RowReader(id.value()).integer("id"_L1) : 0;
        return {};
    });
    invalidate();
    if (!r)
        return r.error();
    return saved;
}

Result<Template> TemplateService::update(const Actor &actor, const Template &which,
                                         const TemplateChange &change) const
{
    std::optional<QString> newName;
    if (change.name) {
        auto trimmed = checkedName(*change.name);
        if (!trimmed)
            return trimmed.error();
        newName = trimmed.value();
    }
    if (change.description) {
        if (auto d = checkDescription(*change.description); !d)
            return d.error();
    }
    if (change.config) {
        if (auto c = checkContent(*change.config); !c)
            return c.error();
    }
    auto known = all();
    if (!known)
        return known.error();
    Template updated;
    const QString now = toSqlTimestamp(m_context.clock());
    auto r = Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto row = changeableRow(db, actor, which);
        if (!row)
            return row.error();
        updated = row.value();
        const qint64 templateId = updated.id;
        for (const Template &t : std::as_const(*known))
            if (t.id == templateId)
                updated.companyName = t.companyName;
        if (change.companyId && *change.companyId != updated.companyId) {
            auto current = AccessService::refreshed(db, actor);
            if (!current)
                return current.error();
            if (!current->isGlobalAdmin())
                return Error::permission(
                    QStringLiteral("Only a global admin may give a template to another company."));
            updated.companyName.clear();
            if (!change.companyId->isEmpty()) {
                auto company = companyName(db, *change.companyId);
                if (!company)
                    return company.error();
                updated.companyName = company.value();
            }
            updated.companyId = *change.companyId;
        }
        if ((newName && *newName != updated.name) || updated.companyId != row->companyId) {
            const QString name = newName.value_or(updated.name);
            if (auto free = checkNameFree(db, known.value(), updated.companyId, name, templateId);
                !free)
                return free;
            updated.name = name;
        }
        if (change.description)
            updated.description = *change.description;
        if (change.config)
            updated.config = *change.config;
        auto up = Database::exec(
            db,
            QStringLiteral(
                "UPDATE retell_admin_templates SET name = ?, description = ?, prompt_content = ?, "
                "functions_config = ?, company_id = ?, updated_at = ? WHERE id = ?"),
            {updated.name, updated.description, updated.config.prompt, updated.config.toolsJson,
             updated.companyId, now, templateId});
        return up ? Result<void>() : Result<void>(up.error());
    });
    invalidate();
    if (!r)
        return r.error();
    updated.changeable = true;
    return updated;
}

Result<Template> TemplateService::remove(const Actor &actor, const Template &which) const
{
    Template removed;
    auto r = Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto row = changeableRow(db, actor, which);
        if (!row)
            return row.error();
        removed = row.value();
        removed.companyName = which.companyName;
        // Versions keep their content and template_name: no key points here.
        auto del = Database::exec(
            db, QStringLiteral("DELETE FROM retell_admin_templates WHERE id = ?"), {row->id});
        return del ? Result<void>() : Result<void>(del.error());
    });
    invalidate();
    if (!r)
        return r.error();
    return removed;
}

} // namespace retell::core
