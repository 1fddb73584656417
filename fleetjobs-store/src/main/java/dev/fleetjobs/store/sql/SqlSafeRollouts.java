package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.GateAction;
import dev.fleetjobs.core.saferollout.CanaryProgress;
import dev.fleetjobs.core.saferollout.GateDecision;
import dev.fleetjobs.core.saferollout.JobPause;
import dev.fleetjobs.core.saferollout.PauseCause;
import dev.fleetjobs.core.saferollout.RollbackLink;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.StoreConflictException;
import dev.fleetjobs.store.TargetReach;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** Pauses, canary gates and rollback links, on the connection of one unit of work. */
final class SqlSafeRollouts {

    private static final RowMapper<JobPause> PAUSE = (rs, ctx) -> new JobPause(rs.getString("job_id"), rs.getLong("paused_at"),
            rs.getString("pause_reason"), PauseCause.valueOf(rs.getString("pause_cause")));

    private static final RowMapper<CanaryProgress> PROGRESS = (rs, ctx) -> new CanaryProgress(rs.getString("job_id"),
            rs.getInt("stage"), nullableInt(rs, "stage_size"), rs.getLong("released"), rs.getBoolean("gate_failed"));

    private static final RowMapper<GateDecision> DECISION = (rs, ctx) -> new GateDecision(rs.getString("job_id"), rs.getInt("stage"),
            rs.getLong("decided_at"), rs.getBoolean("passed"), rs.getString("action") == null ? null : GateAction.valueOf(rs.getString("action")),
            rs.getLong("released"), rs.getLong("finished"), rs.getLong("succeeded"), rs.getLong("min_finished_things"),
            rs.getDouble("min_success_percentage"));

    private static final RowMapper<RollbackLink> LINK = (rs, ctx) -> new RollbackLink(rs.getString("job_id"),
            rs.getString("original_job_id"), Json.readList(rs.getString("statuses")).stream().map(ExecutionStatus::valueOf).toList(),
            rs.getLong("thing_count"), rs.getBoolean("original_canceled"), rs.getLong("created_at"));

    private final SqlReader db;

    SqlSafeRollouts(SqlReader db) {
        this.db = db;
    }

    // pause

    Optional<JobPause> findPause(String jobId) {
        return db.run("findJobPause", h -> h.createQuery(SafeRolloutSql.FIND_PAUSE).bind("jobId", jobId).map(PAUSE).findOne());
    }

    void setPause(String jobId, JobPause pause) {
        int rows = db.run("setJobPause " + jobId, h -> h.createUpdate(SafeRolloutSql.SET_PAUSE)
                .bind("jobId", jobId)
                .bind("pausedAt", pause == null ? null : pause.pausedAtMillis())
                .bind("reason", pause == null ? null : pause.reason())
                .bind("cause", pause == null ? null : pause.cause().name())
                .execute());
        if (rows == 0) {
            throw new StoreConflictException("setJobPause: no job " + jobId);
        }
    }

    // canary gates

    Optional<CanaryProgress> findProgress(String jobId) {
        return db.run("findCanaryProgress", h -> h.createQuery(SafeRolloutSql.FIND_PROGRESS).bind("jobId", jobId).map(PROGRESS).findOne());
    }

    void putProgress(CanaryProgress progress) {
        db.run("putCanaryProgress " + progress.jobId(), h -> h.createUpdate(SafeRolloutSql.PUT_PROGRESS)
                .bind("jobId", progress.jobId())
                .bind("stage", progress.stage())
                .bind("stageSize", progress.stageSize())
                .bind("released", progress.released())
                .bind("gateFailed", Rows.flag(progress.gateFailed()))
                .execute());
    }

    void addStageThings(String jobId, int stage, List<String> thingNames) {
        if (thingNames.isEmpty()) {
            return;
        }
        db.run("addCanaryStageThings " + jobId, h -> {
            PreparedBatch batch = h.prepareBatch(SafeRolloutSql.INSERT_STAGE_THING);
            for (String thingName : thingNames) {
                batch.bind("jobId", jobId).bind("stage", stage).bind("thingName", thingName).add();
            }
            return batch.execute();
        });
    }

    boolean isStageThing(String jobId, int stage, String thingName) {
        return db.run("isCanaryStageThing", h -> h.createQuery(SafeRolloutSql.IS_STAGE_THING).bind("jobId", jobId).bind("stage", stage)
                .bind("thingName", thingName).mapTo(Long.class).one()) > 0;
    }

    Map<ExecutionStatus, Long> stageStatuses(String jobId, int stage) {
        Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
        db.run("canaryStageStatuses", h -> h.createQuery(SafeRolloutSql.STAGE_STATUSES).bind("jobId", jobId).bind("stage", stage)
                .reduceRows(counts, (map, row) -> {
                    map.put(ExecutionStatus.valueOf(row.getColumn("status", String.class)), row.getColumn("n", Long.class));
                    return map;
                }));
        return counts;
    }

    List<GateDecision> decisions(String jobId) {
        return db.run("gateDecisions", h -> h.createQuery(SafeRolloutSql.DECISIONS).bind("jobId", jobId).map(DECISION).list());
    }

    void insertDecision(GateDecision decision) {
        db.run("insertGateDecision " + decision.jobId(), h -> h.createUpdate(SafeRolloutSql.INSERT_DECISION)
                .bind("jobId", decision.jobId())
                .bind("stage", decision.stage())
                .bind("decidedAt", decision.decidedAtMillis())
                .bind("passed", Rows.flag(decision.passed()))
                .bind("action", decision.action() == null ? null : decision.action().name())
                .bind("released", decision.released())
                .bind("finished", decision.finished())
                .bind("succeeded", decision.succeeded())
                .bind("minFinishedThings", decision.minFinishedThings())
                .bind("minSuccessPercentage", decision.minSuccessPercentage())
                .execute());
    }

    // rollback links

    Optional<RollbackLink> findLink(String jobId) {
        return db.run("findRollbackLink", h -> h.createQuery(SafeRolloutSql.FIND_LINK).bind("jobId", jobId).map(LINK).findOne());
    }

    List<RollbackLink> linksOf(String originalJobId) {
        return db.run("rollbacksOf", h -> h.createQuery(SafeRolloutSql.LINKS_OF_ORIGINAL).bind("originalJobId", originalJobId)
                .map(LINK).list());
    }

    void insertLink(RollbackLink link) {
        db.run("insertRollbackLink " + link.jobId(), h -> h.createUpdate(SafeRolloutSql.INSERT_LINK)
                .bind("jobId", link.jobId())
                .bind("originalJobId", link.originalJobId())
                .bind("statuses", Json.write(link.statuses().stream().map(Enum::name).toList()))
                .bind("thingCount", link.thingCount())
                .bind("originalCanceled", Rows.flag(link.originalCanceled()))
                .bind("createdAt", link.createdAtMillis())
                .execute());
    }

    Page<String> thingsWithLatestStatus(String jobId, Collection<ExecutionStatus> statuses, String cursor, int limit) {
        Paging.checkLimit(limit);
        String after = Cursors.thingName(cursor);
        if (statuses.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        List<String> rows = db.run("thingsWithLatestStatus", h -> h.createQuery(SafeRolloutSql.THINGS_WITH_LATEST_STATUS)
                .bind("jobId", jobId).bindList("statuses", statuses.stream().map(Enum::name).toList())
                .bind("after", after == null ? "" : after).bind("limit", limit + 1).mapTo(String.class).list());
        return Paging.cut(rows, limit, Cursors::ofThingName);
    }

    TargetReach targetReach(Collection<String> thingNames, Collection<String> groupNames, long joinedUpTo, String jobId, int sampleLimit) {
        List<String> parts = new ArrayList<>();
        if (!groupNames.isEmpty()) {
            parts.add(SafeRolloutSql.REACHED_THROUGH_GROUPS);
        }
        if (!thingNames.isEmpty()) {
            parts.add(SafeRolloutSql.REACHED_BY_NAME);
        }
        if (parts.isEmpty()) {
            return new TargetReach(0, 0, List.of());
        }
        String reached = String.join(" UNION ", parts);
        long count = db.run("countReached", h -> bindReach(h.createQuery(String.format(SafeRolloutSql.COUNT_REACHED, reached)),
                thingNames, groupNames, joinedUpTo).mapTo(Long.class).one());
        long pending = db.run("countReachedPending", h -> bindReach(h.createQuery(String.format(SafeRolloutSql.COUNT_REACHED_PENDING,
                reached)), thingNames, groupNames, joinedUpTo).bind("jobId", jobId).mapTo(Long.class).one());
        List<String> sample = pending == 0 || sampleLimit < 1 ? List.of() : db.run("reachedPendingSample", h -> bindReach(
                h.createQuery(String.format(SafeRolloutSql.REACHED_PENDING_SAMPLE, reached)), thingNames, groupNames, joinedUpTo)
                .bind("jobId", jobId).bind("limit", sampleLimit).mapTo(String.class).list());
        return new TargetReach(count, pending, sample);
    }

    private static Query bindReach(Query query, Collection<String> thingNames, Collection<String> groupNames, long joinedUpTo) {
        if (!groupNames.isEmpty()) {
            query.bindList("groupNames", List.copyOf(groupNames)).bind("joinedUpTo", joinedUpTo);
        }
        if (!thingNames.isEmpty()) {
            query.bindList("thingNames", List.copyOf(thingNames));
        }
        return query;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
