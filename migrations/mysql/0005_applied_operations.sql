-- Offline work (issue 12): every operation pushed from an outbox records its
-- id here in the same transaction as the version it wrote, so a replay (the
-- answer was lost after COMMIT) is recognised and never applied twice.
CREATE TABLE retell_admin_applied_operations (
    operation_id CHAR(36) NOT NULL PRIMARY KEY,
    branch_id CHAR(36) NOT NULL,
    version INT NOT NULL,
    applied_by BIGINT UNSIGNED NULL,
    applied_at TIMESTAMP NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
