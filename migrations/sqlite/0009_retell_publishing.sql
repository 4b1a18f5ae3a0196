-- Publishing to Retell (issue 15). A linked branch publishes each version it
-- writes to its Retell agent and LLM. The publication queue lives here, in
-- the shared database, not in a local outbox: every admin's app must see a
-- version that is not live yet and may retry it. A version's publication row
-- is written in the same transaction as the version (pending), claimed with
-- a lease before a publish, and made live together with the contract columns
-- retell_agent_prompts.retell_agent_id/retell_version. prompt_id is the
-- version's row id: its identity, also in the marker of the Retell version.
-- No foreign keys to the web application's tables (they are not ours).
CREATE TABLE retell_admin_retell_links (
    branch_id VARCHAR(36) PRIMARY KEY NOT NULL,
    agent_id VARCHAR(255) NOT NULL UNIQUE,
    llm_id VARCHAR(255) NOT NULL,
    linked_by INTEGER NULL,
    linked_at DATETIME NOT NULL
);

CREATE TABLE retell_admin_publications (
    prompt_id INTEGER PRIMARY KEY NOT NULL,
    branch_id VARCHAR(36) NOT NULL,
    version INTEGER NOT NULL,
    agent_id VARCHAR(255) NOT NULL,
    llm_id VARCHAR(255) NOT NULL,
    state VARCHAR(16) NOT NULL CHECK (state IN ('pending', 'publishing', 'live', 'rejected',
                                                'held', 'superseded')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at DATETIME NULL,
    lease_until DATETIME NULL,
    last_error_code VARCHAR(64) NULL,
    last_error_message TEXT NULL,
    retell_version INTEGER NULL,
    forced BOOLEAN NOT NULL DEFAULT FALSE,
    enqueued_at DATETIME NOT NULL,
    published_at DATETIME NULL
);
CREATE INDEX retell_admin_publications_branch_version
    ON retell_admin_publications (branch_id, version);
CREATE INDEX retell_admin_publications_state ON retell_admin_publications (state);
