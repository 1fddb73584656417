-- PostgreSQL twin of sqlite/V7__safe_rollouts.sql (docs/ARCHITECTURE.md, "Migrations for both databases").
-- Issue 17: safe rollouts, Fleetjobs' own additions to AWS IoT Jobs: pause and resume, canary
-- gates, rollback jobs. Times are epoch milliseconds (BIGINT), flags 0 or 1 (BIGINT).

-- A job is paused while paused_at is set: it releases no more rollout targets and devices are
-- offered none of its QUEUED executions. pause_cause is OPERATOR or CANARY_GATE. Kept here rather
-- than in a table of its own because the query of what devices are offered already reads jobs.
ALTER TABLE jobs ADD COLUMN paused_at BIGINT;
ALTER TABLE jobs ADD COLUMN pause_reason TEXT COLLATE "C";
ALTER TABLE jobs ADD COLUMN pause_cause TEXT COLLATE "C";

-- Where a job's canary stages stand: the stage under way (its index; the number of stages once
-- every gate passed), how many things it releases (NULL until it starts), how many it released,
-- and whether its gate failed and paused the job.
CREATE TABLE canary_progress (
    job_id       TEXT COLLATE "C"    NOT NULL PRIMARY KEY REFERENCES jobs (job_id) ON DELETE CASCADE,
    stage        BIGINT NOT NULL,
    stage_size   BIGINT,
    released     BIGINT  NOT NULL,
    gate_failed  BIGINT NOT NULL
);

-- The things each canary stage released: its gate counts the latest executions of exactly these.
CREATE TABLE canary_stage_things (
    job_id      TEXT COLLATE "C"    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    stage       BIGINT NOT NULL,
    thing_name  TEXT COLLATE "C"    NOT NULL,
    PRIMARY KEY (job_id, stage, thing_name)
);

-- What each gate decided, with the numbers it decided on; action is NULL when the gate passed,
-- else PAUSE or ABORT.
CREATE TABLE canary_gate_decisions (
    job_id                  TEXT COLLATE "C"    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    stage                   BIGINT NOT NULL,
    decided_at              BIGINT  NOT NULL,
    passed                  BIGINT NOT NULL,
    action                  TEXT COLLATE "C",
    released                BIGINT  NOT NULL,
    finished                BIGINT  NOT NULL,
    succeeded               BIGINT  NOT NULL,
    min_finished_things     BIGINT  NOT NULL,
    min_success_percentage  DOUBLE PRECISION    NOT NULL,
    PRIMARY KEY (job_id, stage)
);

-- A rollback job and the job it undoes; statuses is a JSON list. The original may be deleted
-- later: its id stays here as it was.
CREATE TABLE job_rollbacks (
    job_id             TEXT COLLATE "C"    NOT NULL PRIMARY KEY REFERENCES jobs (job_id) ON DELETE CASCADE,
    original_job_id    TEXT COLLATE "C"    NOT NULL,
    statuses           TEXT COLLATE "C"    NOT NULL,
    thing_count        BIGINT  NOT NULL,
    original_canceled  BIGINT NOT NULL,
    created_at         BIGINT  NOT NULL
);
CREATE INDEX job_rollbacks_by_original ON job_rollbacks (original_job_id, created_at, job_id);
