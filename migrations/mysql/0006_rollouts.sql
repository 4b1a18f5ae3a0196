-- Rollouts (issue 13): one change merged into many branches. A rollout row
-- holds the change and who made it; a branch row per branch says what
-- happened there and which version it wrote (written in the same
-- transaction as that version), and what its undo did.
CREATE TABLE retell_admin_rollouts (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    created_by BIGINT UNSIGNED NULL,
    created_at TIMESTAMP NULL,
    change_kind VARCHAR(16) NOT NULL,
    description TEXT NOT NULL,
    template_name VARCHAR(255) NULL,
    before_prompt LONGTEXT NOT NULL,
    before_tools LONGTEXT NOT NULL,
    after_prompt LONGTEXT NOT NULL,
    after_tools LONGTEXT NOT NULL,
    notes TEXT NOT NULL,
    undone_by BIGINT UNSIGNED NULL,
    undone_at TIMESTAMP NULL,
    CONSTRAINT retell_admin_rollouts_kind_check CHECK (change_kind IN ('template', 'difference'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE retell_admin_rollout_branches (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rollout_id BIGINT UNSIGNED NOT NULL,
    branch_id CHAR(36) NOT NULL,
    company_id VARCHAR(64) NOT NULL DEFAULT '',
    outcome VARCHAR(16) NOT NULL,
    base_version INT NULL,
    version_written INT NULL,
    conflicts INT NOT NULL DEFAULT 0,
    undo_outcome VARCHAR(16) NULL,
    undo_version INT NULL,
    updated_at TIMESTAMP NULL,
    UNIQUE KEY retell_admin_rollout_branches_unique (rollout_id, branch_id),
    KEY retell_admin_rollout_branches_branch (branch_id),
    CONSTRAINT retell_admin_rollout_branches_rollout_foreign FOREIGN KEY (rollout_id)
        REFERENCES retell_admin_rollouts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
