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
            + " completed_at";

    static final String INSERT_JOB = "INSERT INTO jobs (" + JOB_COLUMNS + ")"
            + " VALUES (:jobId, :targetSelection, :status, :document, :description, :targets,"
            + " :inProgressTimeoutMinutes, :forceCanceled, :reasonCode, :comment, :createdAt, :lastUpdatedAt,"
            + " :completedAt)";

    static final String UPDATE_JOB = "UPDATE jobs SET target_selection = :targetSelection, status = :status,"
            + " document = :document, description = :description, targets = :targets,"
            + " in_progress_timeout_minutes = :inProgressTimeoutMinutes, force_canceled = :forceCanceled,"
            + " reason_code = :reasonCode, comment = :comment, created_at = :createdAt,"
            + " last_updated_at = :lastUpdatedAt, completed_at = :completedAt"
            + " WHERE job_id = :jobId";

    static final String FIND_JOB = "SELECT " + JOB_COLUMNS + " FROM jobs WHERE job_id = :jobId";

    // executions

    static final String EXECUTION_COLUMNS = "seq, job_id, thing_name, execution_number, status, status_details,"
            + " queued_at, started_at, last_updated_at, version_number, step_timeout_minutes, step_deadline,"
            + " force_canceled, retry_attempt";

    static final String INSERT_EXECUTION = "INSERT INTO job_executions (job_id, thing_name, execution_number,"
            + " status, pending_rank, status_details, queued_at, started_at, last_updated_at, version_number,"
            + " step_timeout_minutes, step_deadline, force_canceled, retry_attempt)"
            + " VALUES (:jobId, :thingName, :executionNumber, :status, :pendingRank, :statusDetails, :queuedAt,"
            + " :startedAt, :lastUpdatedAt, :versionNumber, :stepTimeoutMinutes, :stepDeadline, :forceCanceled,"
            + " :retryAttempt)";

    static final String UPDATE_EXECUTION = "UPDATE job_executions SET status = :status, pending_rank = :pendingRank,"
            + " status_details = :statusDetails, queued_at = :queuedAt, started_at = :startedAt,"
            + " last_updated_at = :lastUpdatedAt, version_number = :versionNumber,"
            + " step_timeout_minutes = :stepTimeoutMinutes, step_deadline = :stepDeadline,"
            + " force_canceled = :forceCanceled, retry_attempt = :retryAttempt"
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

    static final String HAS_PRINCIPALS = "SELECT COUNT(*) FROM thing_principals WHERE thing_name = :thingName";

    // progress counts

    static final String ADD_TO_COUNT = "INSERT INTO job_execution_counts (job_id, status, count)"
            + " VALUES (:jobId, :status, :delta)"
            + " ON CONFLICT (job_id, status) DO UPDATE SET count = job_execution_counts.count + excluded.count";

    static final String COUNTS = "SELECT status, count FROM job_execution_counts WHERE job_id = :jobId";
}
