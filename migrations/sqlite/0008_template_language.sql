-- A template carries its language (issue 14 §3): an ISO 639-1 code such as
-- 'en' or 'de'; '' when nobody said (custom templates saved before, and
-- templates of the web application). The built-ins seeded before were English.
ALTER TABLE retell_admin_templates ADD COLUMN language VARCHAR(8) NOT NULL DEFAULT '';
UPDATE retell_admin_templates SET language = 'en' WHERE is_builtin = TRUE;
