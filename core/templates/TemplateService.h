#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"

#include <QMutex>

class QSqlDatabase;

#include <memory>

namespace retell::core {

// What a template edit changes; fields left unset stay as they are.
struct TemplateChange
{
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<AgentConfig> config;
    // Another owner (a company id, empty: every company); global admins only.
    std::optional<QString> companyId;
};

// Built-in templates (shipped as resources, seeded into retell_admin_templates),
// custom templates saved by admins, and template rows the web application keeps
// in retell_agent_prompts (is_template = true). Served from memory after the
// first load; every write refreshes the cache.
//
// Who sees and changes what (enforced here, for every caller):
// - built-ins: everyone logged in; read-only;
// - the web application's template rows: everyone who may deploy somewhere
//   (an editor or admin grant); read-only;
// - a custom template belongs to the company it was saved for, or to every
//   company when a global admin shares it. A company's templates are seen by
//   whoever holds a grant in that company (or a global grant) and apply only
//   to that company's branches;
// - saving needs the editor role in the company (a branch grant counts);
//   sharing with every company needs a global admin;
// - renaming, editing and deleting need an admin of the owning company (a
//   company-scope admin grant) or a global admin; whoever saved a template
//   may also change it while they are still an editor in that company.
class TemplateService final
{
public:
    explicit TemplateService(ServiceContext context);
    ~TemplateService();

    // Templates the actor may see, each marked changeable when the actor may
    // rename, edit and delete it.
    Result<QList<Template>> templates(const Actor &actor) const;
    // By name, case-insensitive, among the templates the actor sees.
    // "Company/Name" picks one company's template when names repeat (global
    // users see every company's).
    Result<Template> find(const Actor &actor, const QString &name) const;
    // A template the actor sees and that may go onto the branch.
    Result<Template> forBranch(const Actor &actor, const QString &name, const Branch &branch) const;

    // Saves content as a custom template of the company (empty companyId:
    // shared with every company, global admins only).
    Result<Template> save(const Actor &actor, const QString &companyId, const QString &name,
                          const QString &description, const AgentConfig &config) const;
    // Changes a template found by templates(), find() or forBranch(); what
    // is stored decides (a concurrent rename or delete is not overwritten).
    Result<Template> update(const Actor &actor, const Template &which,
                            const TemplateChange &change) const;
    // Deletes a custom template and returns it as it was stored (enough to
    // save it again); versions deployed from it keep their content and name.
    Result<Template> remove(const Actor &actor, const Template &which) const;
    void invalidate() const;
    // Advances the index of the web application's template rows (a write;
    // reading templates never writes). The CLI's migrate runs it.
    Result<void> refreshIndex() const;

    // The three built-in templates from resources (no database needed).
    static QList<Template> builtIns();
    // Shared templates go anywhere, a company's only onto its own branches.
    static bool appliesTo(const Template &tmpl, const Branch &branch);

    // company_id of custom templates saved before templates had owners whose
    // company could not be told: only global users see them.
    static constexpr const char *kUnassigned = "unassigned";

private:
    // Every template of every company, cached.
    Result<QList<Template>> all() const;
    Result<QList<Template>> all(QSqlDatabase &db) const;
    Result<void> scanForWebTemplates(QSqlDatabase &db) const;

    ServiceContext m_context;
    struct Cache;
    std::unique_ptr<Cache> m_cache;
};

} // namespace retell::core
