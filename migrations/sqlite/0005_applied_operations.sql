-- Offline work (issue 12): every operation pushed from an outbox records its
-- id here in the same transaction as the version it wrote, so a replay (the
-- answer was lost after COMMIT) is recognised and never applied twice.
CREATE TABLE retell_admin_applied_operations (
    operation_id VARCHAR(36) PRIMARY KEY NOT NULL,
    branch_id VARCHAR(36) NOT NULL,
    version INTEGER NOT NULL,
    applied_by INTEGER NULL,
    applied_at DATETIME NULL
);

-- The outbox of a local replica: operations made offline, in push order,
-- until the shared database has applied them (then they are removed) or the
-- admin drops them. The id is the operation's idempotency key.
CREATE TABLE retell_offline_outbox (
    id VARCHAR(36) PRIMARY KEY NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    branch_id VARCHAR(36) NOT NULL,
    kind VARCHAR(16) NOT NULL CHECK (kind IN ('deploy', 'rollback', 'import', 'apply-template')),
    base_version INTEGER NULL,
    payload TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    created_at DATETIME NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    state VARCHAR(16) NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'conflict', 'refused')),
    last_error TEXT NULL
);
