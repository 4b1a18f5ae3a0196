-- Where the web application's template rows are: retell_agent_prompts has no
-- index on is_template, so rows are scanned once, incrementally by id, and
-- the template row ids kept here.
CREATE TABLE retell_admin_template_rows (
    row_id BIGINT UNSIGNED NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE retell_admin_meta (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    value VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
