-- Rollouts (issue 13): one change merged into many branches. A rollout row
-- holds the change and who made it; a branch row per branch says what
-- happened there and which version it wrote (written in the same
-- transaction as that version), and what its undo did.
CREATE TABLE retell_admin_rollouts (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    created_by INTEGER NULL,
    created_at DATETIME NULL,
    change_kind VARCHAR(16) NOT NULL CHECK (change_kind IN ('template', 'difference')),
    description TEXT NOT NULL,
    template_name VARCHAR(255) NULL,
    before_prompt TEXT NOT NULL,
    before_tools TEXT NOT NULL,
    after_prompt TEXT NOT NULL,
    after_tools TEXT NOT NULL,
    notes TEXT NOT NULL,
    undone_by INTEGER NULL,
    undone_at DATETIME NULL
);

CREATE TABLE retell_admin_rollout_branches (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    rollout_id INTEGER NOT NULL REFERENCES retell_admin_rollouts(id) ON DELETE CASCADE,
    branch_id VARCHAR(36) NOT NULL,
    company_id VARCHAR(64) NOT NULL DEFAULT '',
    outcome VARCHAR(16) NOT NULL,
    base_version INTEGER NULL,
    version_written INTEGER NULL,
    conflicts INTEGER NOT NULL DEFAULT 0,
    undo_outcome VARCHAR(16) NULL,
    undo_version INTEGER NULL,
    updated_at DATETIME NULL
);
CREATE UNIQUE INDEX retell_admin_rollout_branches_unique
    ON retell_admin_rollout_branches (rollout_id, branch_id);
CREATE INDEX retell_admin_rollout_branches_branch ON retell_admin_rollout_branches (branch_id);
