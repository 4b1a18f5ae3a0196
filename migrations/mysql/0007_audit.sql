-- Audit log (issue 13 §6): what retell_agent_prompts does not record itself
-- (grants, revokes, refused logins and operations, which versions came from
-- an import), written in the same transaction as the change, or right after
-- a refusal. Entries outlive the users, companies and branches they name:
-- no foreign keys, and the e-mail kept as it was.
CREATE TABLE retell_admin_audit (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    created_at TIMESTAMP NULL,
    kind VARCHAR(32) NOT NULL,
    user_id BIGINT UNSIGNED NULL,
    user_email VARCHAR(255) NULL,
    company_id VARCHAR(64) NULL,
    branch_id CHAR(36) NULL,
    version INT UNSIGNED NULL,
    subject_email VARCHAR(255) NULL,
    scope VARCHAR(16) NULL,
    scope_id VARCHAR(64) NULL,
    role VARCHAR(16) NULL,
    operation VARCHAR(32) NULL,
    detail TEXT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX retell_admin_audit_created_at_index ON retell_admin_audit (created_at);
CREATE INDEX retell_admin_audit_branch_version_index ON retell_admin_audit (branch_id, version);
