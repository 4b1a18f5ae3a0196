-- contract
-- The web application's tables, created only on a database the web
-- application has not set up: minimal companies, branches, users and
-- retell_agent_prompts exactly as Laravel's pgsql grammar creates them
-- (bigserial ids, uuid branch ids, boolean flags, json, an enum as varchar
-- with a CHECK, timestamp(0) without time zone).
CREATE TABLE IF NOT EXISTS companies (
    id bigserial NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    created_at timestamp(0) without time zone NULL,
    updated_at timestamp(0) without time zone NULL,
    deleted_at timestamp(0) without time zone NULL
);

CREATE TABLE IF NOT EXISTS branches (
    id uuid NOT NULL PRIMARY KEY,
    company_id bigint NOT NULL,
    name varchar(255) NOT NULL,
    created_at timestamp(0) without time zone NULL,
    updated_at timestamp(0) without time zone NULL,
    deleted_at timestamp(0) without time zone NULL,
    CONSTRAINT branches_company_id_foreign FOREIGN KEY (company_id)
        REFERENCES companies (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS users (
    id bigserial NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    email varchar(255) NOT NULL,
    email_verified_at timestamp(0) without time zone NULL,
    password varchar(255) NOT NULL,
    remember_token varchar(100) NULL,
    created_at timestamp(0) without time zone NULL,
    updated_at timestamp(0) without time zone NULL,
    CONSTRAINT users_email_unique UNIQUE (email)
);

CREATE TABLE IF NOT EXISTS retell_agent_prompts (
    id bigserial NOT NULL PRIMARY KEY,
    branch_id uuid NOT NULL,
    version integer NOT NULL DEFAULT 1,
    prompt_content text NOT NULL,
    functions_config json NOT NULL,
    is_active boolean NOT NULL DEFAULT false,
    is_template boolean NOT NULL DEFAULT false,
    template_name varchar(255) NULL,
    deployed_at timestamp(0) without time zone NULL,
    deployed_by bigint NULL,
    retell_agent_id varchar(255) NULL,
    retell_version integer NULL,
    validation_status varchar(255) CHECK (validation_status IN ('pending', 'valid', 'invalid'))
        NOT NULL DEFAULT 'pending',
    validation_errors json NULL,
    deployment_notes text NULL,
    created_at timestamp(0) without time zone NULL,
    updated_at timestamp(0) without time zone NULL,
    CONSTRAINT retell_agent_prompts_branch_id_version_unique UNIQUE (branch_id, version),
    CONSTRAINT retell_agent_prompts_branch_id_foreign FOREIGN KEY (branch_id)
        REFERENCES branches (id) ON DELETE CASCADE,
    CONSTRAINT retell_agent_prompts_deployed_by_foreign FOREIGN KEY (deployed_by)
        REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX IF NOT EXISTS retell_agent_prompts_branch_id_is_active_index
    ON retell_agent_prompts (branch_id, is_active);

CREATE INDEX IF NOT EXISTS retell_agent_prompts_branch_id_version_index
    ON retell_agent_prompts (branch_id, version);
