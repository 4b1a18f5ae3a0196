-- Custom templates belong to a company (issue 9 §4): company_id is the
-- owning company's id, '' for built-ins and for templates a global admin
-- shares with every company. Names are unique per owner.
ALTER TABLE retell_admin_templates ADD COLUMN company_id varchar(64) NOT NULL DEFAULT '';
ALTER TABLE retell_admin_templates DROP CONSTRAINT retell_admin_templates_name_unique;
ALTER TABLE retell_admin_templates
    ADD CONSTRAINT retell_admin_templates_company_name_unique UNIQUE (company_id, name);

-- Custom templates saved before: they go to the one company their creator
-- works in; a global admin's stay shared; those that cannot be attributed
-- (creator deleted, or grants in several companies) are 'unassigned',
-- which only global users see until a global admin edits or deletes them.
-- (branches.id is a uuid here: compared as text with the grants' scope_id.)
UPDATE retell_admin_templates SET company_id = COALESCE(
    (SELECT MIN(g.scope_id) FROM retell_admin_grants g
      WHERE g.user_id = retell_admin_templates.created_by AND g.scope = 'company'),
    (SELECT MIN(CAST(b.company_id AS text)) FROM retell_admin_grants g
       JOIN branches b ON CAST(b.id AS text) = g.scope_id
      WHERE g.user_id = retell_admin_templates.created_by AND g.scope = 'branch'),
    'unassigned')
WHERE is_builtin = FALSE AND NOT EXISTS (SELECT 1 FROM retell_admin_grants g
      WHERE g.user_id = retell_admin_templates.created_by AND g.scope = 'global');
UPDATE retell_admin_templates SET company_id = 'unassigned'
WHERE is_builtin = FALSE AND company_id <> '' AND (
    EXISTS (SELECT 1 FROM retell_admin_grants g
             WHERE g.user_id = retell_admin_templates.created_by AND g.scope = 'company'
               AND g.scope_id <> retell_admin_templates.company_id)
    OR EXISTS (SELECT 1 FROM retell_admin_grants g JOIN branches b ON CAST(b.id AS text) = g.scope_id
                WHERE g.user_id = retell_admin_templates.created_by AND g.scope = 'branch'
                  AND CAST(b.company_id AS text) <> retell_admin_templates.company_id));
