-- Thing groups and membership, job templates, tags, and the work on jobs that runs in the background.

-- An index of things.attributes (which stays the source of truth) for ListThings' attribute filters.
CREATE TABLE thing_attributes (
    thing_name  TEXT NOT NULL REFERENCES things (thing_name) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (thing_name, name)
);
CREATE INDEX thing_attributes_by_value ON thing_attributes (name, value, thing_name);
INSERT INTO thing_attributes (thing_name, name, value)
    SELECT t.thing_name, a.key, a.value FROM things t, json_each(t.attributes) a;

-- A group never changes parent, so its place in the hierarchy is written once: parent_name and
-- root_name here, and one thing_group_ancestors row per ancestor (and one for itself, distance 0)
-- so that a subtree and a lineage are each one indexed lookup.
CREATE TABLE thing_groups (
    group_name   TEXT    NOT NULL PRIMARY KEY,
    group_id     TEXT    NOT NULL,
    parent_name  TEXT    REFERENCES thing_groups (group_name),
    root_name    TEXT    NOT NULL,
    description  TEXT,
    attributes   TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX thing_groups_by_parent ON thing_groups (parent_name, group_name);

CREATE TABLE thing_group_ancestors (
    group_name     TEXT    NOT NULL REFERENCES thing_groups (group_name) ON DELETE CASCADE,
    ancestor_name  TEXT    NOT NULL,
    distance       INTEGER NOT NULL,
    PRIMARY KEY (group_name, ancestor_name)
);
CREATE INDEX thing_group_descendants ON thing_group_ancestors (ancestor_name, group_name);

-- seq orders joins: a SNAPSHOT job's rollout leaves out things that joined after the job was
-- created. AUTOINCREMENT so that a number is never handed out twice.
CREATE TABLE thing_group_members (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    group_name  TEXT NOT NULL REFERENCES thing_groups (group_name) ON DELETE CASCADE,
    thing_name  TEXT NOT NULL REFERENCES things (thing_name) ON DELETE CASCADE,
    UNIQUE (group_name, thing_name)
);
CREATE INDEX thing_group_members_by_thing ON thing_group_members (thing_name, group_name);

ALTER TABLE jobs ADD COLUMN job_template_arn TEXT;
ALTER TABLE jobs ADD COLUMN document_parameters TEXT;
ALTER TABLE jobs ADD COLUMN document_before_substitution TEXT;
CREATE INDEX jobs_by_status ON jobs (status, job_id);

-- The thing groups a job targets, by name: what continuous jobs and ListJobs' group filters look up.
CREATE TABLE job_target_groups (
    job_id      TEXT NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    group_name  TEXT NOT NULL,
    group_id    TEXT NOT NULL,
    PRIMARY KEY (job_id, group_name)
);
CREATE INDEX job_target_groups_by_group ON job_target_groups (group_name, job_id);
CREATE INDEX job_target_groups_by_group_id ON job_target_groups (group_id, job_id);

-- Background work on jobs (rollout of group targets, cancel, delete), one batch at a time; a row
-- lives until its work is done, so work resumes after a restart. turn rotates the rows so that
-- every job advances.
CREATE TABLE job_work (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id          TEXT    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    target_arn      TEXT,
    group_name      TEXT,
    membership_cut  INTEGER NOT NULL,
    cursor          TEXT,
    force           INTEGER NOT NULL,
    turn            INTEGER NOT NULL
);
CREATE INDEX job_work_by_job ON job_work (job_id, seq);
CREATE INDEX job_work_by_turn ON job_work (turn, seq);

CREATE TABLE job_templates (
    job_template_id              TEXT    NOT NULL PRIMARY KEY,
    description                  TEXT    NOT NULL,
    document                     TEXT    NOT NULL,
    in_progress_timeout_minutes  INTEGER,
    created_at                   INTEGER NOT NULL
);

CREATE TABLE tags (
    resource_arn  TEXT NOT NULL,
    tag_key       TEXT NOT NULL,
    tag_value     TEXT NOT NULL,
    PRIMARY KEY (resource_arn, tag_key)
);
