-- Times are INTEGER epoch milliseconds; maps and lists are JSON text.

CREATE TABLE things (
    thing_name  TEXT    NOT NULL PRIMARY KEY,
    thing_id    TEXT    NOT NULL,
    attributes  TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE jobs (
    job_id                       TEXT    NOT NULL PRIMARY KEY,
    target_selection             TEXT    NOT NULL,
    status                       TEXT    NOT NULL,
    document                     TEXT    NOT NULL,
    description                  TEXT,
    targets                      TEXT    NOT NULL,
    in_progress_timeout_minutes  INTEGER,
    force_canceled               INTEGER NOT NULL,
    reason_code                  TEXT,
    comment                      TEXT,
    created_at                   INTEGER NOT NULL,
    last_updated_at              INTEGER NOT NULL,
    completed_at                 INTEGER
);

-- seq is the creation order and the paging key; AUTOINCREMENT so that a deleted last row's
-- number is never handed out again (a cursor holding it must not see a new row as old).
-- pending_rank is 0 for IN_PROGRESS, 1 for QUEUED and NULL otherwise: it lets one partial
-- index serve the order devices are offered executions in.
-- No foreign key to things: a deleted thing's executions stay, naming it by thing_name.
CREATE TABLE job_executions (
    seq                   INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id                TEXT    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    thing_name            TEXT    NOT NULL,
    execution_number      INTEGER NOT NULL,
    status                TEXT    NOT NULL,
    pending_rank          INTEGER,
    status_details        TEXT    NOT NULL,
    queued_at             INTEGER NOT NULL,
    started_at            INTEGER,
    last_updated_at       INTEGER NOT NULL,
    version_number        INTEGER NOT NULL,
    step_timeout_minutes  INTEGER,
    step_deadline         INTEGER,
    force_canceled        INTEGER NOT NULL,
    retry_attempt         INTEGER NOT NULL,
    UNIQUE (job_id, thing_name, execution_number)
);

CREATE INDEX job_executions_pending
    ON job_executions (thing_name, pending_rank, queued_at, seq)
    WHERE pending_rank IS NOT NULL;
CREATE INDEX job_executions_by_job ON job_executions (job_id, seq);
CREATE INDEX job_executions_by_job_status ON job_executions (job_id, status, seq);
CREATE INDEX job_executions_by_thing ON job_executions (thing_name, seq);
CREATE INDEX job_executions_by_thing_status ON job_executions (thing_name, status, seq);

-- Maintained in the same transaction as every execution insert, update and delete so that a
-- job's progress is read from a handful of rows instead of counting its executions.
CREATE TABLE job_execution_counts (
    job_id  TEXT    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    status  TEXT    NOT NULL,
    count   INTEGER NOT NULL,
    PRIMARY KEY (job_id, status)
);
