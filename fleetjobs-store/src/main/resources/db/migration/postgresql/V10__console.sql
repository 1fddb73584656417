-- PostgreSQL twin of sqlite/V10__console.sql (docs/ARCHITECTURE.md, "Migrations for both databases").
-- Issue 16: the web console's sessions, the overview's latest failures, jobs' progress over time.

-- One row per signed-in console session; only the SHA-256 of the cookie's token is stored.
CREATE TABLE console_sessions (
    token_hash     TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    access_key_id  TEXT COLLATE "C" NOT NULL,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL
);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);

-- The latest failed, timed-out and rejected executions of the whole fleet (partial index).
CREATE INDEX job_executions_failures ON job_executions (last_updated_at, seq)
    WHERE status IN ('FAILED', 'TIMED_OUT', 'REJECTED');

-- A job's executions by status, sampled while the job runs; one row per job and sampling instant.
CREATE TABLE job_progress_samples (
    job_id       TEXT COLLATE "C" NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    sampled_at   BIGINT NOT NULL,
    queued       BIGINT NOT NULL,
    in_progress  BIGINT NOT NULL,
    succeeded    BIGINT NOT NULL,
    failed       BIGINT NOT NULL,
    timed_out    BIGINT NOT NULL,
    rejected     BIGINT NOT NULL,
    canceled     BIGINT NOT NULL,
    removed      BIGINT NOT NULL,
    PRIMARY KEY (job_id, sampled_at)
);
