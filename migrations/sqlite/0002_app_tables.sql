-- The app's own tables: templates it manages and access grants.
CREATE TABLE retell_admin_templates (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    name VARCHAR(255) NOT NULL COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    prompt_content TEXT NOT NULL,
    functions_config TEXT NOT NULL CHECK (json_valid(functions_config)),
    is_builtin TINYINT(1) NOT NULL DEFAULT 0,
    created_by INTEGER NULL REFERENCES users(id) ON DELETE SET NULL,
    created_at DATETIME NULL,
    updated_at DATETIME NULL
);
CREATE UNIQUE INDEX retell_admin_templates_name_unique ON retell_admin_templates (name);

CREATE TABLE retell_admin_grants (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    scope VARCHAR(16) NOT NULL CHECK (scope IN ('global', 'company', 'branch')),
    scope_id VARCHAR(64) NOT NULL DEFAULT '',
    role VARCHAR(16) NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    granted_by INTEGER NULL REFERENCES users(id) ON DELETE SET NULL,
    created_at DATETIME NULL
);
CREATE UNIQUE INDEX retell_admin_grants_user_scope_unique ON retell_admin_grants (user_id, scope, scope_id);
