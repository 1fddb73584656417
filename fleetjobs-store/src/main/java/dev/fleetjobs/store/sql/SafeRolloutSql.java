package dev.fleetjobs.store.sql;

/** Every statement on the tables of safe rollouts (pause, canary gates, rollback links), in one place. Parameters are always bound. */
final class SafeRolloutSql {

    private SafeRolloutSql() {
    }

    // pause: columns of jobs that UPDATE_JOB leaves alone

    static final String SET_PAUSE = "UPDATE jobs SET paused_at = :pausedAt, pause_reason = :reason, pause_cause = :cause"
            + " WHERE job_id = :jobId";

    static final String FIND_PAUSE = "SELECT job_id, paused_at, pause_reason, pause_cause FROM jobs"
            + " WHERE job_id = :jobId AND paused_at IS NOT NULL";

    // canary gates

    static final String PUT_PROGRESS = "INSERT INTO canary_progress (job_id, stage, stage_size, released, gate_failed)"
            + " VALUES (:jobId, :stage, :stageSize, :released, :gateFailed)"
            + " ON CONFLICT (job_id) DO UPDATE SET stage = excluded.stage, stage_size = excluded.stage_size,"
            + " released = excluded.released, gate_failed = excluded.gate_failed";

    static final String FIND_PROGRESS = "SELECT job_id, stage, stage_size, released, gate_failed FROM canary_progress WHERE job_id = :jobId";

    static final String INSERT_STAGE_THING = "INSERT INTO canary_stage_things (job_id, stage, thing_name) VALUES (:jobId, :stage, :thingName)";

    static final String IS_STAGE_THING = "SELECT COUNT(*) FROM canary_stage_things"
            + " WHERE job_id = :jobId AND stage = :stage AND thing_name = :thingName";

    /**
     * Each of the stage's things once, by the status of its execution with the highest number. The
     * stage's few things drive the query (a subquery per thing), never the job's many executions.
     */
    static final String STAGE_STATUSES = "SELECT s.status AS status, COUNT(*) AS n FROM (SELECT (SELECT e.status FROM job_executions e"
            + " WHERE e.job_id = c.job_id AND e.thing_name = c.thing_name ORDER BY e.execution_number DESC LIMIT 1) AS status"
            + " FROM canary_stage_things c WHERE c.job_id = :jobId AND c.stage = :stage) s"
            + " WHERE s.status IS NOT NULL GROUP BY s.status";

    static final String DECISION_COLUMNS = "job_id, stage, decided_at, passed, action, released, finished, succeeded,"
            + " min_finished_things, min_success_percentage";

    static final String INSERT_DECISION = "INSERT INTO canary_gate_decisions (" + DECISION_COLUMNS + ")"
            + " VALUES (:jobId, :stage, :decidedAt, :passed, :action, :released, :finished, :succeeded, :minFinishedThings,"
            + " :minSuccessPercentage)";

    static final String DECISIONS = "SELECT " + DECISION_COLUMNS + " FROM canary_gate_decisions WHERE job_id = :jobId ORDER BY stage";

    // rollback links

    static final String LINK_COLUMNS = "job_id, original_job_id, statuses, thing_count, original_canceled, created_at";

    static final String INSERT_LINK = "INSERT INTO job_rollbacks (" + LINK_COLUMNS + ")"
            + " VALUES (:jobId, :originalJobId, :statuses, :thingCount, :originalCanceled, :createdAt)";

    static final String FIND_LINK = "SELECT " + LINK_COLUMNS + " FROM job_rollbacks WHERE job_id = :jobId";

    static final String LINKS_OF_ORIGINAL = "SELECT " + LINK_COLUMNS + " FROM job_rollbacks"
            + " WHERE original_job_id = :originalJobId ORDER BY created_at, job_id";

    /** The things whose highest-numbered execution of the job has one of the statuses, by name. */
    static final String THINGS_WITH_LATEST_STATUS = "SELECT e.thing_name FROM job_executions e"
            + " WHERE e.job_id = :jobId AND e.status IN (<statuses>) AND e.thing_name > :after"
            + " AND e.execution_number = (SELECT MAX(x.execution_number) FROM job_executions x"
            + " WHERE x.job_id = e.job_id AND x.thing_name = e.thing_name)"
            + " ORDER BY e.thing_name LIMIT :limit";

    // what targets reach: members of the groups' subtrees and named things that exist, each once

    static final String REACHED_THROUGH_GROUPS = "SELECT m.thing_name FROM thing_group_members m"
            + " JOIN thing_group_ancestors a ON a.group_name = m.group_name"
            + " WHERE a.ancestor_name IN (<groupNames>) AND m.seq <= :joinedUpTo";

    static final String REACHED_BY_NAME = "SELECT t.thing_name FROM things t WHERE t.thing_name IN (<thingNames>)";

    /** {@code %s} is the union of the reaching queries above that apply. */
    static final String COUNT_REACHED = "SELECT COUNT(*) FROM (%s) reached";

    static final String COUNT_REACHED_PENDING = "SELECT COUNT(DISTINCT e.thing_name) FROM job_executions e"
            + " WHERE e.job_id = :jobId AND e.pending_rank IS NOT NULL AND e.thing_name IN (%s)";

    static final String REACHED_PENDING_SAMPLE = "SELECT DISTINCT e.thing_name FROM job_executions e"
            + " WHERE e.job_id = :jobId AND e.pending_rank IS NOT NULL AND e.thing_name IN (%s)"
            + " ORDER BY e.thing_name LIMIT :limit";
}
