-- The app's own tables: templates it manages and access grants.
CREATE TABLE retell_admin_templates (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    description TEXT NOT NULL,
    prompt_content LONGTEXT NOT NULL,
    functions_config JSON NOT NULL,
    is_builtin TINYINT(1) NOT NULL DEFAULT 0,
    created_by BIGINT UNSIGNED NULL,
    created_at TIMESTAMP NULL,
    updated_at TIMESTAMP NULL,
    UNIQUE KEY retell_admin_templates_name_unique (name),
    CONSTRAINT retell_admin_templates_created_by_foreign FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE retell_admin_grants (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT UNSIGNED NOT NULL,
    scope ENUM('global', 'company', 'branch') NOT NULL,
    scope_id VARCHAR(64) NOT NULL DEFAULT '',
    role ENUM('viewer', 'editor', 'admin') NOT NULL,
    granted_by BIGINT UNSIGNED NULL,
    created_at TIMESTAMP NULL,
    UNIQUE KEY retell_admin_grants_user_scope_unique (user_id, scope, scope_id),
    CONSTRAINT retell_admin_grants_user_id_foreign FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT retell_admin_grants_granted_by_foreign FOREIGN KEY (granted_by)
        REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
