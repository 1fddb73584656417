package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.JobTemplate;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.core.model.ThingGroup;
import dev.fleetjobs.store.FeedEntry;
import dev.fleetjobs.store.FeedMessage;
import dev.fleetjobs.store.JobTargetGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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
            Json.readRunConfig(rs.getString("run_config")),
            rs.getString("job_template_arn"),
            nullableMap(rs, "document_parameters"),
            rs.getString("document_before_substitution"));

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

    /** A thing group row; its root-to-parent list is read separately. */
    static final RowMapper<ThingGroup> GROUP_WITHOUT_LINEAGE = (rs, ctx) -> new ThingGroup(
            rs.getString("group_name"),
            rs.getString("group_id"),
            List.of(),
            rs.getString("description"),
            Json.readMap(rs.getString("attributes")),
            rs.getLong("version"),
            rs.getLong("created_at"));

    static final RowMapper<JobWork> WORK = (rs, ctx) -> new JobWork(
            rs.getLong("seq"),
            rs.getString("job_id"),
            JobWork.Kind.valueOf(rs.getString("kind")),
            rs.getString("target_arn"),
            rs.getString("group_name"),
            rs.getLong("membership_cut"),
            rs.getString("cursor"),
            rs.getBoolean("force"));

    static final RowMapper<JobTemplate> TEMPLATE = (rs, ctx) -> new JobTemplate(
            rs.getString("job_template_id"),
            rs.getString("description"),
            rs.getString("document"),
            nullableLong(rs, "in_progress_timeout_minutes"),
            Json.readRunConfig(rs.getString("run_config")),
            rs.getLong("created_at"));

    static final RowMapper<Tag> TAG = (rs, ctx) -> new Tag(rs.getString("tag_key"), rs.getString("tag_value"));

    static final RowMapper<FeedEntry> FEED = (rs, ctx) -> new FeedEntry(rs.getLong("seq"),
            new FeedMessage(rs.getString("origin"), rs.getString("topic"), rs.getBytes("payload")));

    static final RowMapper<JobTargetGroup> JOB_TARGET_GROUP = (rs, ctx) ->
            new JobTargetGroup(rs.getString("group_name"), rs.getString("group_id"));

    /** An execution with its creation-order key, which pages are cut by. */
    record SeqExecution(long seq, JobExecution execution) {
    }

    /** Flags are stored as integers 0 and 1 on every database (SQLite has no other kind), and read back with getBoolean. */
    static int flag(boolean value) {
        return value ? 1 : 0;
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

    private static Map<String, String> nullableMap(ResultSet rs, String column) throws SQLException {
        String json = rs.getString(column);
        return json == null ? Map.of() : Json.readMap(json);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
