-- The app's own tables: templates it manages and access grants.
CREATE TABLE retell_admin_templates (
    id bigserial NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    description text NOT NULL,
    prompt_content text NOT NULL,
    functions_config json NOT NULL,
    is_builtin boolean NOT NULL DEFAULT false,
    created_by bigint NULL,
    created_at timestamp(0) without time zone NULL,
    updated_at timestamp(0) without time zone NULL,
    CONSTRAINT retell_admin_templates_name_unique UNIQUE (name),
    CONSTRAINT retell_admin_templates_created_by_foreign FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE retell_admin_grants (
    id bigserial NOT NULL PRIMARY KEY,
    user_id bigint NOT NULL,
    scope varchar(16) CHECK (scope IN ('global', 'company', 'branch')) NOT NULL,
    scope_id varchar(64) NOT NULL DEFAULT '',
    role varchar(16) CHECK (role IN ('viewer', 'editor', 'admin')) NOT NULL,
    granted_by bigint NULL,
    created_at timestamp(0) without time zone NULL,
    CONSTRAINT retell_admin_grants_user_scope_unique UNIQUE (user_id, scope, scope_id),
    CONSTRAINT retell_admin_grants_user_id_foreign FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT retell_admin_grants_granted_by_foreign FOREIGN KEY (granted_by)
        REFERENCES users (id) ON DELETE SET NULL
);
