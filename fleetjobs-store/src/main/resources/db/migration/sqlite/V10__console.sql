-- Issue 16: the web console's sessions, the overview's latest failures, jobs' progress over time.

-- One row per signed-in console session. The cookie holds a random token; only its SHA-256 is
-- stored, so a copy of the database does not let anyone in. Sign-out deletes the row, so a copied
-- cookie ends with it. The key's role and revocation are checked on every request as well.
CREATE TABLE console_sessions (
    token_hash     TEXT    NOT NULL PRIMARY KEY,
    access_key_id  TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL
);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);

-- The overview lists the latest failed, timed-out and rejected executions of the whole fleet.
-- Partial, so that the many updates of executions that do not fail never touch it.
CREATE INDEX job_executions_failures ON job_executions (last_updated_at, seq)
    WHERE status IN ('FAILED', 'TIMED_OUT', 'REJECTED');

-- A job's executions by status, sampled every few seconds while the job runs and only when they
-- changed: the console's progress chart reads these rows instead of the job's executions. Several
-- nodes may sample the same job; the key keeps one row per job and sampling instant.
CREATE TABLE job_progress_samples (
    job_id       TEXT    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    sampled_at   INTEGER NOT NULL,
    queued       INTEGER NOT NULL,
    in_progress  INTEGER NOT NULL,
    succeeded    INTEGER NOT NULL,
    failed       INTEGER NOT NULL,
    timed_out    INTEGER NOT NULL,
    rejected     INTEGER NOT NULL,
    canceled     INTEGER NOT NULL,
    removed      INTEGER NOT NULL,
    PRIMARY KEY (job_id, sampled_at)
);
