package dev.fleetjobs.store.sql;

/** The statements of the console's sessions and of the fleet-wide views (overview, job timelines, job search). */
final class ConsoleSql {

    private ConsoleSql() {
    }

    // sessions

    static final String INSERT_SESSION = "INSERT INTO console_sessions (token_hash, access_key_id, created_at, expires_at)"
            + " VALUES (:tokenHash, :accessKeyId, :createdAt, :expiresAt)";

    static final String FIND_SESSION = "SELECT token_hash, access_key_id, created_at, expires_at FROM console_sessions"
            + " WHERE token_hash = :tokenHash";

    static final String DELETE_SESSION = "DELETE FROM console_sessions WHERE token_hash = :tokenHash";

    static final String DELETE_EXPIRED_SESSIONS = "DELETE FROM console_sessions WHERE expires_at <= :now";

    // the fleet

    static final String JOB_COUNTS = "SELECT status, COUNT(*) AS n FROM jobs GROUP BY status";

    /** One row per job with a rollout; only jobs still in progress release targets. */
    static final String ROLLOUT_WAITING = "SELECT COALESCE(SUM(r.remaining), 0) FROM job_rollouts r"
            + " JOIN jobs j ON j.job_id = r.job_id WHERE j.status = 'IN_PROGRESS' AND r.remaining > 0";

    /** From the per-job counters, so that the fleet's executions are never counted one by one. */
    static final String EXECUTION_COUNTS = "SELECT status, SUM(count) AS n FROM job_execution_counts GROUP BY status";

    /** Served by the partial index job_executions_failures: the same status list, in the same order. */
    static final String LATEST_FAILURES = "SELECT " + Sql.EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE status IN ('FAILED', 'TIMED_OUT', 'REJECTED')"
            + " ORDER BY last_updated_at DESC, seq DESC LIMIT :limit";

    // progress samples

    private static final String SAMPLE_COLUMNS = "job_id, sampled_at, queued, in_progress, succeeded, failed, timed_out, rejected,"
            + " canceled, removed";

    static final String INSERT_SAMPLE = "INSERT INTO job_progress_samples (" + SAMPLE_COLUMNS + ")"
            + " VALUES (:jobId, :sampledAt, :queued, :inProgress, :succeeded, :failed, :timedOut, :rejected, :canceled, :removed)"
            + " ON CONFLICT (job_id, sampled_at) DO NOTHING";

    static final String SAMPLES = "SELECT " + SAMPLE_COLUMNS + " FROM job_progress_samples"
            + " WHERE job_id = :jobId AND sampled_at >= :from ORDER BY sampled_at";

    static final String LATEST_SAMPLE = "SELECT " + SAMPLE_COLUMNS + " FROM job_progress_samples"
            + " WHERE job_id = :jobId ORDER BY sampled_at DESC LIMIT 1";

    /** Running jobs, and those changed since (a job that just ended gets its last counts sampled). */
    static final String JOBS_TO_SAMPLE = "SELECT job_id FROM jobs WHERE status IN ('IN_PROGRESS', 'SCHEDULED')"
            + " OR last_updated_at >= :since ORDER BY job_id";

    /** ListJobs' filters plus an id prefix; the prefix bounds where the scan of the id index starts. */
    static final String JOBS_WITH_PREFIX = "SELECT " + Sql.JOB_COLUMNS + " FROM jobs"
            + " WHERE job_id > :after AND job_id >= :prefix AND substr(job_id, 1, length(:prefix)) = :prefix"
            + " AND (:status IS NULL OR status = :status)"
            + " AND (:targetSelection IS NULL OR target_selection = :targetSelection)"
            + " AND (:groupName IS NULL OR job_id IN (SELECT job_id FROM job_target_groups WHERE group_name = :groupName))"
            + " ORDER BY job_id LIMIT :limit";
}
