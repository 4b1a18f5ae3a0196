-- Publishing to Retell (issue 15). A linked branch publishes each version it
-- writes to its Retell agent and LLM. The publication queue lives here, in
-- the shared database, not in a local outbox: every admin's app must see a
-- version that is not live yet and may retry it. A version's publication row
-- is written in the same transaction as the version (pending), claimed with
-- a lease before a publish, and made live together with the contract columns
-- retell_agent_prompts.retell_agent_id/retell_version. prompt_id is the
-- version's row id: its identity, also in the marker of the Retell version.
-- No foreign keys to the web application's tables (they are not ours).
-- TIMESTAMP NOT NULL columns carry an explicit default: without one MariaDB
-- would add ON UPDATE CURRENT_TIMESTAMP to the first of them.
CREATE TABLE retell_admin_retell_links (
    branch_id CHAR(36) NOT NULL PRIMARY KEY,
    agent_id VARCHAR(255) NOT NULL,
    llm_id VARCHAR(255) NOT NULL,
    linked_by BIGINT UNSIGNED NULL,
    linked_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE KEY retell_admin_retell_links_agent_unique (agent_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE retell_admin_publications (
    prompt_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
    branch_id CHAR(36) NOT NULL,
    version INT NOT NULL,
    agent_id VARCHAR(255) NOT NULL,
    llm_id VARCHAR(255) NOT NULL,
    state VARCHAR(16) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NULL,
    lease_until TIMESTAMP NULL,
    last_error_code VARCHAR(64) NULL,
    last_error_message TEXT NULL,
    retell_version INT NULL,
    forced BOOLEAN NOT NULL DEFAULT FALSE,
    enqueued_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    published_at TIMESTAMP NULL,
    KEY retell_admin_publications_branch_version (branch_id, version),
    KEY retell_admin_publications_state (state),
    CONSTRAINT retell_admin_publications_state_check CHECK (state IN ('pending', 'publishing',
        'live', 'rejected', 'held', 'superseded'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
