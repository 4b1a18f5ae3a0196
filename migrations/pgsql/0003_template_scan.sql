-- Where the web application's template rows are: retell_agent_prompts has no
-- index on is_template, so rows are scanned once, incrementally by id, and
-- the template row ids kept here.
CREATE TABLE retell_admin_template_rows (
    row_id bigint NOT NULL PRIMARY KEY
);

CREATE TABLE retell_admin_meta (
    name varchar(64) NOT NULL PRIMARY KEY,
    value varchar(255) NOT NULL
);
