-- contract
-- The web application's tables, created only on a database the web
-- application has not set up: minimal companies, branches, users and
-- retell_agent_prompts exactly as in the contract (Laravel's SQLite types).
CREATE TABLE IF NOT EXISTS companies (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    name VARCHAR(255) NOT NULL,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    deleted_at DATETIME NULL
);

CREATE TABLE IF NOT EXISTS branches (
    id VARCHAR(36) PRIMARY KEY NOT NULL,
    company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    name VARCHAR(255) NOT NULL,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    deleted_at DATETIME NULL
);

CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    name VARCHAR(255) NOT NULL,
    email VARCHAR(255) NOT NULL,
    email_verified_at DATETIME NULL,
    password VARCHAR(255) NOT NULL,
    remember_token VARCHAR(100) NULL,
    created_at DATETIME NULL,
    updated_at DATETIME NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS users_email_unique ON users (email);

CREATE TABLE IF NOT EXISTS retell_agent_prompts (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    branch_id VARCHAR(36) NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 0),
    prompt_content TEXT NOT NULL,
    functions_config TEXT NOT NULL CHECK (json_valid(functions_config)),
    is_active TINYINT(1) NOT NULL DEFAULT 0,
    is_template TINYINT(1) NOT NULL DEFAULT 0,
    template_name VARCHAR(255) NULL,
    deployed_at DATETIME NULL,
    deployed_by INTEGER NULL REFERENCES users(id) ON DELETE SET NULL,
    retell_agent_id VARCHAR(255) NULL,
    retell_version INTEGER NULL CHECK (retell_version IS NULL OR retell_version >= 0),
    validation_status VARCHAR(255) NOT NULL DEFAULT 'pending'
        CHECK (validation_status IN ('pending', 'valid', 'invalid')),
    validation_errors TEXT NULL CHECK (validation_errors IS NULL OR json_valid(validation_errors)),
    deployment_notes TEXT NULL,
    created_at DATETIME NULL,
    updated_at DATETIME NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS retell_agent_prompts_branch_id_version_unique
    ON retell_agent_prompts (branch_id, version);
CREATE INDEX IF NOT EXISTS retell_agent_prompts_branch_id_is_active_index
    ON retell_agent_prompts (branch_id, is_active);
CREATE INDEX IF NOT EXISTS retell_agent_prompts_branch_id_version_index
    ON retell_agent_prompts (branch_id, version);
