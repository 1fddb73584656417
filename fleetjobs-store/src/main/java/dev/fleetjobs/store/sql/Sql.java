package dev.fleetjobs.store.sql;

/** Every statement the store runs, in one place. Parameters are always bound, never spliced. */
final class Sql {

    private Sql() {
    }

    static final String SAVEPOINT = "SAVEPOINT unit_of_work";
    static final String ROLLBACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT unit_of_work";
    static final String RELEASE_SAVEPOINT = "RELEASE SAVEPOINT unit_of_work";

    // things

    static final String THING_COLUMNS = "thing_name, thing_id, attributes, version, created_at";

    static final String INSERT_THING = "INSERT INTO things (" + THING_COLUMNS + ")"
            + " VALUES (:thingName, :thingId, :attributes, :version, :createdAt)";

    static final String DELETE_THING = "DELETE FROM things WHERE thing_name = :thingName";

    static final String FIND_THING = "SELECT " + THING_COLUMNS + " FROM things WHERE thing_name = :thingName";

    static final String THINGS_AFTER = "SELECT " + THING_COLUMNS + " FROM things"
            + " WHERE thing_name > :after ORDER BY thing_name LIMIT :limit";

    static final String THINGS_FIRST = "SELECT " + THING_COLUMNS + " FROM things"
            + " ORDER BY thing_name LIMIT :limit";

    // jobs

    static final String JOB_COLUMNS = "job_id, target_selection, status, document, description, targets,"
            + " in_progress_timeout_minutes, force_canceled, reason_code, comment, created_at, last_updated_at,"
            + " completed_at, run_config";

    static final String INSERT_JOB = "INSERT INTO jobs (" + JOB_COLUMNS + ", windowed)"
            + " VALUES (:jobId, :targetSelection, :status, :document, :description, :targets,"
            + " :inProgressTimeoutMinutes, :forceCanceled, :reasonCode, :comment, :createdAt, :lastUpdatedAt,"
            + " :completedAt, :runConfig, :windowed)";

    static final String UPDATE_JOB = "UPDATE jobs SET target_selection = :targetSelection, status = :status,"
            + " document = :document, description = :description, targets = :targets,"
            + " in_progress_timeout_minutes = :inProgressTimeoutMinutes, force_canceled = :forceCanceled,"
            + " reason_code = :reasonCode, comment = :comment, created_at = :createdAt,"
            + " last_updated_at = :lastUpdatedAt, completed_at = :completedAt, run_config = :runConfig, windowed = :windowed"
            + " WHERE job_id = :jobId";

    static final String FIND_JOB = "SELECT " + JOB_COLUMNS + " FROM jobs WHERE job_id = :jobId";

    // executions

    static final String EXECUTION_COLUMNS = "seq, job_id, thing_name, execution_number, status, status_details,"
            + " queued_at, started_at, last_updated_at, version_number, step_timeout_minutes, step_deadline,"
            + " force_canceled, retry_attempt, in_progress_deadline";

    static final String INSERT_EXECUTION = "INSERT INTO job_executions (job_id, thing_name, execution_number,"
            + " status, pending_rank, status_details, queued_at, started_at, last_updated_at, version_number,"
            + " step_timeout_minutes, step_deadline, force_canceled, retry_attempt, in_progress_deadline, timeout_at)"
            + " VALUES (:jobId, :thingName, :executionNumber, :status, :pendingRank, :statusDetails, :queuedAt,"
            + " :startedAt, :lastUpdatedAt, :versionNumber, :stepTimeoutMinutes, :stepDeadline, :forceCanceled,"
            + " :retryAttempt, :inProgressDeadline, :timeoutAt)";

    static final String UPDATE_EXECUTION = "UPDATE job_executions SET status = :status, pending_rank = :pendingRank,"
            + " status_details = :statusDetails, queued_at = :queuedAt, started_at = :startedAt,"
            + " last_updated_at = :lastUpdatedAt, version_number = :versionNumber,"
            + " step_timeout_minutes = :stepTimeoutMinutes, step_deadline = :stepDeadline,"
            + " force_canceled = :forceCanceled, retry_attempt = :retryAttempt,"
            + " in_progress_deadline = :inProgressDeadline, timeout_at = :timeoutAt"
            + " WHERE job_id = :jobId AND thing_name = :thingName AND execution_number = :executionNumber"
            + " AND version_number = :expectedVersion";

    static final String EXECUTION_STATUS = "SELECT status FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name = :thingName AND execution_number = :executionNumber";

    static final String DELETE_EXECUTION = "DELETE FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name = :thingName AND execution_number = :executionNumber";

    static final String FIND_EXECUTION = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name = :thingName AND execution_number = :executionNumber";

    static final String FIND_LATEST_EXECUTION = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name = :thingName ORDER BY execution_number DESC LIMIT 1";

    static final String NEXT_EXECUTION_NUMBER = "SELECT COALESCE(MAX(execution_number), 0) + 1 FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name = :thingName";

    static final String PENDING_EXECUTIONS = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE thing_name = :thingName AND pending_rank IS NOT NULL"
            + " ORDER BY pending_rank, queued_at, seq LIMIT :limit";

    static final String EXECUTIONS_FOR_JOB = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE job_id = :key AND seq > :after ORDER BY seq LIMIT :limit";

    static final String EXECUTIONS_FOR_JOB_WITH_STATUS = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE job_id = :key AND status = :status AND seq > :after ORDER BY seq LIMIT :limit";

    static final String EXECUTIONS_FOR_THING = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE thing_name = :key AND seq > :after ORDER BY seq LIMIT :limit";

    static final String EXECUTIONS_FOR_THING_WITH_STATUS = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE thing_name = :key AND status = :status AND seq > :after ORDER BY seq LIMIT :limit";

    // what devices are offered: IN_PROGRESS executions always, QUEUED ones unless their job is
    // SCHEDULED (before its start, or between maintenance windows)

    static final String OFFERED_EXECUTIONS = "SELECT " + prefixed("e.", EXECUTION_COLUMNS) + ", j.windowed AS job_windowed"
            + " FROM job_executions e JOIN jobs j ON j.job_id = e.job_id"
            + " WHERE e.thing_name = :thingName AND e.pending_rank IS NOT NULL"
            + " AND (e.pending_rank = 0 OR j.status <> 'SCHEDULED')"
            + " ORDER BY e.pending_rank, e.queued_at, e.seq LIMIT :limit";

    static final String EXECUTION_HISTORY = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE job_id = :jobId AND thing_name = :thingName ORDER BY execution_number";

    // timers and rollouts

    static final String EXPIRED_EXECUTIONS = "SELECT " + EXECUTION_COLUMNS + " FROM job_executions"
            + " WHERE timeout_at IS NOT NULL AND timeout_at <= :now ORDER BY timeout_at, seq LIMIT :limit";

    static final String NEXT_TIMEOUT = "SELECT MIN(timeout_at) FROM job_executions WHERE timeout_at IS NOT NULL";

    static final String ROLLOUT_COLUMNS = "job_id, notified, remaining, window_start, released_in_window, end_applied, due_at";

    static final String INSERT_ROLLOUT = "INSERT INTO job_rollouts (" + ROLLOUT_COLUMNS + ")"
            + " VALUES (:jobId, :notified, :remaining, :windowStart, :releasedInWindow, :endApplied, :dueAt)";

    static final String UPDATE_ROLLOUT = "UPDATE job_rollouts SET notified = :notified, remaining = :remaining,"
            + " window_start = :windowStart, released_in_window = :releasedInWindow, end_applied = :endApplied, due_at = :dueAt"
            + " WHERE job_id = :jobId";

    static final String FIND_ROLLOUT = "SELECT " + ROLLOUT_COLUMNS + " FROM job_rollouts WHERE job_id = :jobId";

    static final String DUE_ROLLOUTS = "SELECT job_id FROM job_rollouts"
            + " WHERE due_at IS NOT NULL AND due_at <= :now ORDER BY due_at LIMIT :limit";

    static final String NEXT_ROLLOUT_DUE = "SELECT MIN(due_at) FROM job_rollouts WHERE due_at IS NOT NULL";

    static final String INSERT_ROLLOUT_TARGET = "INSERT INTO rollout_targets (job_id, position, thing_name)"
            + " VALUES (:jobId, :position, :thingName)";

    static final String NEXT_ROLLOUT_TARGETS = "SELECT position, thing_name FROM rollout_targets"
            + " WHERE job_id = :jobId ORDER BY position LIMIT :limit";

    static final String DELETE_ROLLOUT_TARGETS_THROUGH = "DELETE FROM rollout_targets WHERE job_id = :jobId AND position <= :position";

    static final String DELETE_ROLLOUT_TARGETS = "DELETE FROM rollout_targets WHERE job_id = :jobId";
    static final String HAS_PRINCIPALS = "SELECT COUNT(*) FROM thing_principals WHERE thing_name = :thingName";

    // progress counts

    static final String ADD_TO_COUNT = "INSERT INTO job_execution_counts (job_id, status, count)"
            + " VALUES (:jobId, :status, :delta)"
            + " ON CONFLICT (job_id, status) DO UPDATE SET count = job_execution_counts.count + excluded.count";

    static final String COUNTS = "SELECT status, count FROM job_execution_counts WHERE job_id = :jobId";

    /** A column list with every column qualified by a table alias such as {@code e.}. */
    private static String prefixed(String alias, String columns) {
        return alias + String.join(", " + alias, columns.split(",\\s*"));
    }
}
