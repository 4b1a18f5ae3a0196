-- Rollouts (issue 13): one change merged into many branches. A rollout row
-- holds the change and who made it; a branch row per branch says what
-- happened there and which version it wrote (written in the same
-- transaction as that version), and what its undo did.
CREATE TABLE retell_admin_rollouts (
    id bigserial NOT NULL PRIMARY KEY,
    created_by bigint NULL,
    created_at timestamp(0) without time zone NULL,
    change_kind varchar(16) CHECK (change_kind IN ('template', 'difference')) NOT NULL,
    description text NOT NULL,
    template_name varchar(255) NULL,
    before_prompt text NOT NULL,
    before_tools text NOT NULL,
    after_prompt text NOT NULL,
    after_tools text NOT NULL,
    notes text NOT NULL,
    undone_by bigint NULL,
    undone_at timestamp(0) without time zone NULL
);

CREATE TABLE retell_admin_rollout_branches (
    id bigserial NOT NULL PRIMARY KEY,
    rollout_id bigint NOT NULL,
    branch_id uuid NOT NULL,
    company_id varchar(64) NOT NULL DEFAULT '',
    outcome varchar(16) NOT NULL,
    base_version integer NULL,
    version_written integer NULL,
    conflicts integer NOT NULL DEFAULT 0,
    undo_outcome varchar(16) NULL,
    undo_version integer NULL,
    updated_at timestamp(0) without time zone NULL,
    CONSTRAINT retell_admin_rollout_branches_unique UNIQUE (rollout_id, branch_id),
    CONSTRAINT retell_admin_rollout_branches_rollout_foreign FOREIGN KEY (rollout_id)
        REFERENCES retell_admin_rollouts (id) ON DELETE CASCADE
);
CREATE INDEX retell_admin_rollout_branches_branch ON retell_admin_rollout_branches (branch_id);
