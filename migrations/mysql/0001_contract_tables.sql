-- contract
-- The web application's tables, created only on a database the web
-- application has not set up: minimal companies, branches, users and
-- retell_agent_prompts exactly as in the contract (Laravel's MySQL types).
CREATE TABLE IF NOT EXISTS companies (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    created_at TIMESTAMP NULL,
    updated_at TIMESTAMP NULL,
    deleted_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS branches (
    id CHAR(36) NOT NULL PRIMARY KEY,
    company_id BIGINT UNSIGNED NOT NULL,
    name VARCHAR(255) NOT NULL,
    created_at TIMESTAMP NULL,
    updated_at TIMESTAMP NULL,
    deleted_at TIMESTAMP NULL,
    CONSTRAINT branches_company_id_foreign FOREIGN KEY (company_id)
        REFERENCES companies (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS users (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    email VARCHAR(255) NOT NULL,
    email_verified_at TIMESTAMP NULL,
    password VARCHAR(255) NOT NULL,
    remember_token VARCHAR(100) NULL,
    created_at TIMESTAMP NULL,
    updated_at TIMESTAMP NULL,
    UNIQUE KEY users_email_unique (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS retell_agent_prompts (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    branch_id CHAR(36) NOT NULL,
    version INT UNSIGNED NOT NULL DEFAULT 1,
    prompt_content LONGTEXT NOT NULL,
    functions_config JSON NOT NULL,
    is_active TINYINT(1) NOT NULL DEFAULT 0,
    is_template TINYINT(1) NOT NULL DEFAULT 0,
    template_name VARCHAR(255) NULL,
    deployed_at TIMESTAMP NULL,
    deployed_by BIGINT UNSIGNED NULL,
    retell_agent_id VARCHAR(255) NULL,
    retell_version INT UNSIGNED NULL,
    validation_status ENUM('pending', 'valid', 'invalid') NOT NULL DEFAULT 'pending',
    validation_errors JSON NULL,
    deployment_notes TEXT NULL,
    created_at TIMESTAMP NULL,
    updated_at TIMESTAMP NULL,
    UNIQUE KEY retell_agent_prompts_branch_id_version_unique (branch_id, version),
    KEY retell_agent_prompts_branch_id_is_active_index (branch_id, is_active),
    KEY retell_agent_prompts_branch_id_version_index (branch_id, version),
    CONSTRAINT retell_agent_prompts_branch_id_foreign FOREIGN KEY (branch_id)
        REFERENCES branches (id) ON DELETE CASCADE,
    CONSTRAINT retell_agent_prompts_deployed_by_foreign FOREIGN KEY (deployed_by)
        REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
