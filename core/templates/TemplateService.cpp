#include "templates/TemplateService.h"

#include "access/AccessService.h"
#include "db/Database.h"
#include "validation/Validator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

#include <optional>

namespace retell::core {

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
        for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(file));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
            if (o.isEmpty())
                continue;
            Template t;
            t.name = o.value(QStringLiteral("name")).toString();
            t.description = o.value(QStringLiteral("description")).toString();
            t.config.prompt = o.value(QStringLiteral("prompt")).toString();
            t.config.toolsJson = QString::fromUtf8(QJsonDocument(o.value(QStringLiteral("tools")).toArray()).toJson(QJsonDocument::Indented));
            t.source = TemplateSource::BuiltIn;
            result << t;
        }
        // Fixed order: the ticket lists them from richest to simplest.
        const QStringList order = {QStringLiteral("Dynamic Service Selection"), QStringLiteral("Basic Appointment Booking"),
                                   QStringLiteral("Information Only")};
        std::stable_sort(result.begin(), result.end(), [&](const Template &a, const Template &b) {
            auto rank = [&](const Template &t) { const auto i = order.indexOf(t.name); return i < 0 ? 99 : int(i); };
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
    auto last = Database::exec(db, QStringLiteral("SELECT value FROM retell_admin_meta WHERE name = 'template_scan_last_id'"));
    if (!last)
        return last.error();
    const qint64 scannedUpTo = last->next() ? last->value(0).toLongLong() : 0;
    auto max = Database::exec(db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM retell_agent_prompts"));
    if (!max)
        return max.error();
    const qint64 maxId = max->next() ? max->value(0).toLongLong() : 0;
    if (maxId <= scannedUpTo)
        return {};
    auto found = Database::exec(db, QStringLiteral("SELECT id FROM retell_agent_prompts WHERE id > ? AND id <= ? AND is_template = 1"),
                                {scannedUpTo, maxId});
    if (!found)
        return found.error();
    QList<qint64> ids;
    while (found->next())
        ids << found->value(0).toLongLong();
    return Database::writeTransaction(m_context.spec, [&](QSqlDatabase &w) -> Result<void> {
        for (qint64 id : std::as_const(ids)) {
            auto known = Database::exec(w, QStringLiteral("SELECT COUNT(*) FROM retell_admin_template_rows WHERE row_id = ?"), {id});
            if (!known)
                return known.error();
            if (known->next() && known->value(0).toInt() > 0)
                continue;
            if (auto ins = Database::exec(w, QStringLiteral("INSERT INTO retell_admin_template_rows (row_id) VALUES (?)"), {id}); !ins)
                return ins.error();
        }
        // Only move forward: a concurrent scan may have gone further.
        auto current = Database::exec(w, QStringLiteral("SELECT value FROM retell_admin_meta WHERE name = 'template_scan_last_id'")
                                             + Database::forUpdate(w));
        if (!current)
            return current.error();
        if (current->next()) {
            if (current->value(0).toLongLong() >= maxId)
                return {};
            auto up = Database::exec(w, QStringLiteral("UPDATE retell_admin_meta SET value = ? WHERE name = 'template_scan_last_id'"),
                                     {QString::number(maxId)});
            return up ? Result<void>() : Result<void>(up.error());
        }
        auto ins = Database::exec(w, QStringLiteral("INSERT INTO retell_admin_meta (name, value) VALUES ('template_scan_last_id', ?)"),
                                  {QString::number(maxId)});
        return ins ? Result<void>() : Result<void>(ins.error());
    });
}

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

Result<QList<Template>> TemplateService::templates() const
{
    {
        QMutexLocker lock(&m_cache->mutex);
        if (m_cache->templates)
            return *m_cache->templates;
    }
    auto conn = Database::connection(m_context.spec);
    if (!conn)
        return conn.error();
    QList<Template> result;
    QSet<QString> seen;
    auto add = [&](const Template &t) {
        const QString key = t.name.toLower();
        if (seen.contains(key))
            return;
        seen.insert(key);
        result << t;
    };
    auto own = Database::exec(conn.value(), QStringLiteral(
        "SELECT name, description, prompt_content, functions_config, is_builtin FROM retell_admin_templates "
        "ORDER BY is_builtin DESC, id"));
    if (!own)
        return own.error();
    QList<Template> custom;
    while (own->next()) {
        Template t;
        t.name = own->value(0).toString();
        t.description = own->value(1).toString();
        t.config.prompt = own->value(2).toString();
        t.config.toolsJson = own->value(3).toString();
        t.source = own->value(4).toInt() ? TemplateSource::BuiltIn : TemplateSource::Custom;
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
        conn.value(),
        QStringLiteral("SELECT value FROM retell_admin_meta WHERE name = 'template_scan_last_id'"));
    if (!last)
        return last.error();
    const qint64 indexedUpTo = last->next() ? last->value(0).toLongLong() : 0;
    auto web = Database::exec(
        conn.value(),
        QStringLiteral("SELECT template_name, prompt_content, functions_config, version FROM "
                       "retell_agent_prompts "
                       "WHERE id IN (SELECT row_id FROM retell_admin_template_rows) AND "
                       "is_template = 1 AND template_name IS NOT NULL "
                       "UNION ALL "
                       "SELECT template_name, prompt_content, functions_config, version FROM "
                       "retell_agent_prompts "
                       "WHERE id > ? AND is_template = 1 AND template_name IS NOT NULL "
                       "ORDER BY 4 DESC"),
        {indexedUpTo});
    if (!web)
        return web.error();
    while (web->next()) {
        Template t;
        t.name = web->value(0).toString();
        t.description = QStringLiteral("Template from the web admin");
        t.config.prompt = web->value(1).toString();
        t.config.toolsJson = web->value(2).toString();
        t.source = TemplateSource::WebApp;
        add(t);
    }
    for (const Template &t : std::as_const(custom))
        add(t);
    QMutexLocker lock(&m_cache->mutex);
    m_cache->templates = result;
    return result;
}

Result<Template> TemplateService::find(const QString &name) const
{
    auto all = templates();
    if (!all)
        return all.error();
    for (const Template &t : std::as_const(*all))
        if (t.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return t;
    return Error::notFound(QStringLiteral("No template named \"%1\".").arg(name));
}

Result<Template> TemplateService::save(const Actor &actor, const QString &name, const QString &description,
                                       const AgentConfig &config) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 255)
        return Error::usage(QStringLiteral("A template name needs 1 to 255 characters."));
    bool mayEdit = false;
    for (const Grant &g : actor.grants)
        mayEdit = mayEdit || int(g.role) >= int(Role::Editor);
    if (!mayEdit)
        return Error::permission(QStringLiteral("%1 needs the editor role somewhere to save templates.").arg(actor.user.email));
    const ValidationResult validation = Validator::validate(config);
    if (validation.hasErrors()) {
        Error e{ErrorKind::Validation, QStringLiteral("The content has %1 error(s); fix them before saving it as a template.")
                                           .arg(validation.errorCount()), {}};
        e.findings = validation.findings;
        return e;
    }
    if (auto existing = find(trimmed); existing)
        return Error::conflict(QStringLiteral("A template named \"%1\" already exists.").arg(existing->name));
    const QString now = toSqlTimestamp(m_context.clock());
    auto r = Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto dup = Database::exec(db, QStringLiteral("SELECT COUNT(*) FROM retell_admin_templates WHERE LOWER(name) = LOWER(?)"), {trimmed});
        if (!dup)
            return dup.error();
        if (dup->next() && dup->value(0).toInt() > 0)
            return Error::conflict(QStringLiteral("A template named \"%1\" already exists.").arg(trimmed));
        auto ins = Database::exec(db, QStringLiteral(
            "INSERT INTO retell_admin_templates (name, description, prompt_content, functions_config, is_builtin, created_by, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, 0, ?, ?, ?)"), {trimmed, description, config.prompt, config.toolsJson, actor.user.id, now, now});
        if (!ins)
            return ins.error();
        return {};
    });
    invalidate();
    if (!r)
        return r.error();
    return Template{trimmed, description, config, TemplateSource::Custom};
}

} // namespace retell::core
