-- Custom templates belong to a company (issue 9 §4): company_id is the
-- owning company's id, '' for built-ins and for templates a global admin
-- shares with every company. Names are unique per owner.
-- One statement, so a failure leaves the table as it was.
ALTER TABLE retell_admin_templates
    ADD COLUMN company_id VARCHAR(64) NOT NULL DEFAULT '' AFTER is_builtin,
    DROP INDEX retell_admin_templates_name_unique,
    ADD UNIQUE KEY retell_admin_templates_company_name_unique (company_id, name);

-- Custom templates saved before: they go to the one company their creator
-- works in; a global admin's stay shared; those that cannot be attributed
-- (creator deleted, or grants in several companies) are 'unassigned',
-- which only global users see until a global admin edits or deletes them.
UPDATE retell_admin_templates SET company_id = COALESCE(
    (SELECT MIN(g.scope_id) FROM retell_admin_grants g
      WHERE g.user_id = retell_admin_templates.created_by AND g.scope = 'company'),
    (SELECT MIN(CAST(b.company_id AS CHAR)) FROM retell_admin_grants g JOIN branches b ON b.id = g.scope_id
      WHERE g.user_id = retell_admin_templates.created_by AND g.scope = 'branch'),
    'unassigned')
WHERE is_builtin = 0 AND NOT EXISTS (SELECT 1 FROM retell_admin_grants g
      WHERE g.user_id = retell_admin_templates.created_by AND g.scope = 'global');
UPDATE retell_admin_templates SET company_id = 'unassigned'
WHERE is_builtin = 0 AND company_id <> '' AND (
    EXISTS (SELECT 1 FROM retell_admin_grants g
             WHERE g.user_id = retell_admin_templates.created_by AND g.scope = 'company'
               AND g.scope_id <> retell_admin_templates.company_id)
    OR EXISTS (SELECT 1 FROM retell_admin_grants g JOIN branches b ON b.id = g.scope_id
                WHERE g.user_id = retell_admin_templates.created_by AND g.scope = 'branch'
                  AND CAST(b.company_id AS CHAR) <> retell_admin_templates.company_id));
