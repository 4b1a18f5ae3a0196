-- Offline work (issue 12): every operation pushed from an outbox records its
-- id here in the same transaction as the version it wrote, so a replay (the
-- answer was lost after COMMIT) is recognised and never applied twice.
CREATE TABLE retell_admin_applied_operations (
    operation_id uuid NOT NULL PRIMARY KEY,
    branch_id uuid NOT NULL,
    version integer NOT NULL,
    applied_by bigint NULL,
    applied_at timestamp(0) without time zone NULL
);
