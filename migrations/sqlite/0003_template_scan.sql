-- Where the web application's template rows are: retell_agent_prompts has no
-- index on is_template, so rows are scanned once, incrementally by id, and
-- the template row ids kept here.
CREATE TABLE retell_admin_template_rows (
    row_id INTEGER PRIMARY KEY NOT NULL
);

CREATE TABLE retell_admin_meta (
    name VARCHAR(64) PRIMARY KEY NOT NULL,
    value VARCHAR(255) NOT NULL
);
