-- PostgreSQL twin of sqlite/V5__job_template_run_config.sql (docs/ARCHITECTURE.md, "Migrations for both databases").
-- A template's rollout, abort and retry configuration and maintenance windows, as JSON in the
-- form jobs.run_config uses (NULL when it has none); jobs made from the template inherit it.
ALTER TABLE job_templates ADD COLUMN run_config TEXT COLLATE "C";
