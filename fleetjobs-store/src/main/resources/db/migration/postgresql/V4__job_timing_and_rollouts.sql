-- PostgreSQL twin of sqlite/V4__job_timing_and_rollouts.sql (docs/ARCHITECTURE.md, "Migrations for both databases").
-- Issue 4: timers, retries, rollouts, abort criteria and schedules.

-- run_config is the job's rollout, abort, retry and scheduling configuration as JSON (NULL when
-- it has none); windowed marks jobs offered only inside maintenance windows, which the pending
-- list caps separately.
ALTER TABLE jobs ADD COLUMN run_config TEXT COLLATE "C";
ALTER TABLE jobs ADD COLUMN windowed BIGINT NOT NULL DEFAULT 0;

-- in_progress_deadline is fixed when an execution starts. timeout_at is the deadline the service
-- times an IN_PROGRESS execution out at (the earlier of step and in-progress deadlines) and NULL
-- otherwise, so that one partial index finds every due timer.
ALTER TABLE job_executions ADD COLUMN in_progress_deadline BIGINT;
ALTER TABLE job_executions ADD COLUMN timeout_at BIGINT;
UPDATE job_executions SET timeout_at = step_deadline WHERE status = 'IN_PROGRESS' AND step_deadline IS NOT NULL;
CREATE INDEX job_executions_timeouts ON job_executions (timeout_at, seq) WHERE timeout_at IS NOT NULL;

-- One row per job: how many things were notified (abort criteria measure against it) and, for a
-- job offered over time (a rollout rate or a schedule), where that stands. due_at is when the
-- job's rules must run next.
CREATE TABLE job_rollouts (
    job_id              TEXT COLLATE "C"    NOT NULL PRIMARY KEY REFERENCES jobs (job_id) ON DELETE CASCADE,
    notified            BIGINT NOT NULL,
    remaining           BIGINT NOT NULL,
    window_start        BIGINT,
    released_in_window  BIGINT NOT NULL,
    end_applied         BIGINT NOT NULL,
    due_at              BIGINT
);
CREATE INDEX job_rollouts_due ON job_rollouts (due_at) WHERE due_at IS NOT NULL;
INSERT INTO job_rollouts (job_id, notified, remaining, window_start, released_in_window, end_applied, due_at)
    SELECT j.job_id, (SELECT COUNT(DISTINCT e.thing_name) FROM job_executions e WHERE e.job_id = j.job_id), 0, NULL, 0, 0, NULL
    FROM jobs j;

-- The things not yet offered the job, in target order. A thing leaves this table in the same
-- transaction that creates its execution, so that none is offered twice.
CREATE TABLE rollout_targets (
    job_id      TEXT COLLATE "C"    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    position    BIGINT NOT NULL,
    thing_name  TEXT COLLATE "C"    NOT NULL,
    PRIMARY KEY (job_id, position)
);
