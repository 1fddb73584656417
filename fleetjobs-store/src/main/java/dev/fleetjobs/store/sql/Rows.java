package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.model.Thing;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;

/** Row mappers of the store's tables, and the execution row's paging key. */
final class Rows {

    private Rows() {
    }

    static final RowMapper<Thing> THING = (rs, ctx) -> new Thing(
            rs.getString("thing_name"),
            rs.getString("thing_id"),
            Json.readMap(rs.getString("attributes")),
            rs.getLong("version"),
            rs.getLong("created_at"));

    static final RowMapper<Job> JOB = (rs, ctx) -> new Job(
            rs.getString("job_id"),
            TargetSelection.valueOf(rs.getString("target_selection")),
            JobStatus.valueOf(rs.getString("status")),
            rs.getString("document"),
            rs.getString("description"),
            Json.readList(rs.getString("targets")),
            nullableLong(rs, "in_progress_timeout_minutes"),
            rs.getBoolean("force_canceled"),
            rs.getString("reason_code"),
            rs.getString("comment"),
            rs.getLong("created_at"),
            rs.getLong("last_updated_at"),
            nullableLong(rs, "completed_at"),
            Json.readRunConfig(rs.getString("run_config")));

    static final RowMapper<SeqExecution> EXECUTION = (rs, ctx) -> new SeqExecution(rs.getLong("seq"), new JobExecution(
            rs.getString("job_id"),
            rs.getString("thing_name"),
            rs.getLong("execution_number"),
            ExecutionStatus.valueOf(rs.getString("status")),
            Json.readMap(rs.getString("status_details")),
            rs.getLong("queued_at"),
            nullableLong(rs, "started_at"),
            rs.getLong("last_updated_at"),
            rs.getLong("version_number"),
            nullableLong(rs, "step_timeout_minutes"),
            nullableLong(rs, "step_deadline"),
            rs.getBoolean("force_canceled"),
            rs.getInt("retry_attempt"),
            nullableLong(rs, "in_progress_deadline")));

    static final RowMapper<RolloutState> ROLLOUT = (rs, ctx) -> new RolloutState(
            rs.getString("job_id"),
            rs.getLong("notified"),
            rs.getLong("remaining"),
            nullableLong(rs, "window_start"),
            rs.getLong("released_in_window"),
            rs.getBoolean("end_applied"),
            nullableLong(rs, "due_at"));

    /** An execution with its creation-order key, which pages are cut by. */
    record SeqExecution(long seq, JobExecution execution) {
    }

    /** IN_PROGRESS before QUEUED; null keeps non-pending rows out of the pending index. */
    static Integer pendingRank(ExecutionStatus status) {
        switch (status) {
            case IN_PROGRESS:
                return 0;
            case QUEUED:
                return 1;
            default:
                return null;
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
