#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "common/ServiceContext.h"

#include <QMutex>

class QSqlDatabase;

#include <memory>

namespace retell::core {

// Built-in templates (shipped as resources, seeded into retell_admin_templates),
// custom templates saved by admins, and template rows the web application keeps
// in retell_agent_prompts (is_template = true). Served from memory after the
// first load; saving a template refreshes the cache.
class TemplateService final
{
public:
    explicit TemplateService(ServiceContext context);
    ~TemplateService();

    Result<QList<Template>> templates() const;
    Result<Template> find(const QString &name) const; // case-insensitive
    Result<Template> save(const Actor &actor, const QString &name, const QString &description,
                          const AgentConfig &config) const;
    void invalidate() const;
    // Advances the index of the web application's template rows (a write;
    // reading templates never writes). The CLI's migrate runs it.
    Result<void> refreshIndex() const;

    // The three built-in templates from resources (no database needed).
    static QList<Template> builtIns();

private:
    Result<void> scanForWebTemplates(QSqlDatabase &db) const;

    ServiceContext m_context;
    struct Cache;
    std::unique_ptr<Cache> m_cache;
};

} // namespace retell::core
