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
    branch_id uuid NOT NULL PRIMARY KEY,
    agent_id varchar(255) NOT NULL,
    llm_id varchar(255) NOT NULL,
    linked_by bigint NULL,
    linked_at timestamp(0) without time zone NOT NULL,
    CONSTRAINT retell_admin_retell_links_agent_unique UNIQUE (agent_id)
);

CREATE TABLE retell_admin_publications (
    prompt_id bigint NOT NULL PRIMARY KEY,
    branch_id uuid NOT NULL,
    version integer NOT NULL,
    agent_id varchar(255) NOT NULL,
    llm_id varchar(255) NOT NULL,
    state varchar(16) CHECK (state IN ('pending', 'publishing', 'live', 'rejected', 'held',
                                       'superseded')) NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamp(0) without time zone NULL,
    lease_until timestamp(0) without time zone NULL,
    last_error_code varchar(64) NULL,
    last_error_message text NULL,
    retell_version integer NULL,
    forced boolean NOT NULL DEFAULT false,
    enqueued_at timestamp(0) without time zone NOT NULL,
    published_at timestamp(0) without time zone NULL
);
CREATE INDEX retell_admin_publications_branch_version
    ON retell_admin_publications (branch_id, version);
CREATE INDEX retell_admin_publications_state ON retell_admin_publications (state);
