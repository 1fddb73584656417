package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.core.security.ConsoleSession;
import dev.fleetjobs.store.JobQuery;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.ProgressSample;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Console sessions and the fleet-wide views, on the connection of one unit of work. */
final class SqlConsole {

    private final SqlReader db;

    SqlConsole(SqlReader db) {
        this.db = db;
    }

    Optional<ConsoleSession> findConsoleSession(String tokenHash) {
        return db.run("findConsoleSession", h -> h.createQuery(ConsoleSql.FIND_SESSION).bind("tokenHash", tokenHash)
                .map((rs, ctx) -> new ConsoleSession(rs.getString("token_hash"), rs.getString("access_key_id"),
                        rs.getLong("created_at"), rs.getLong("expires_at")))
                .findOne());
    }

    void insertConsoleSession(ConsoleSession session) {
        db.run("insertConsoleSession", h -> h.createUpdate(ConsoleSql.INSERT_SESSION)
                .bind("tokenHash", session.tokenHash())
                .bind("accessKeyId", session.accessKeyId())
                .bind("createdAt", session.createdAtMillis())
                .bind("expiresAt", session.expiresAtMillis())
                .execute());
    }

    boolean deleteConsoleSession(String tokenHash) {
        return db.run("deleteConsoleSession", h -> h.createUpdate(ConsoleSql.DELETE_SESSION).bind("tokenHash", tokenHash).execute()) > 0;
    }

    int deleteExpiredConsoleSessions(long nowMillis) {
        return db.run("deleteExpiredConsoleSessions", h -> h.createUpdate(ConsoleSql.DELETE_EXPIRED_SESSIONS).bind("now", nowMillis)
                .execute());
    }

    Map<JobStatus, Long> jobCountsByStatus() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        return db.run("jobCountsByStatus", h -> h.createQuery(ConsoleSql.JOB_COUNTS).reduceRows(counts, (map, row) -> {
            map.put(JobStatus.valueOf(row.getColumn("status", String.class)), row.getColumn("n", Long.class));
            return map;
        }));
    }

    long rolloutWaitingTargets() {
        Long waiting = db.run("rolloutWaitingTargets", h -> h.createQuery(ConsoleSql.ROLLOUT_WAITING).mapTo(Long.class).one());
        return waiting == null ? 0 : waiting;
    }

    Map<ExecutionStatus, Long> executionCountsByStatus() {
        Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
        return db.run("executionCountsByStatus", h -> h.createQuery(ConsoleSql.EXECUTION_COUNTS).reduceRows(counts, (map, row) -> {
            Long n = row.getColumn("n", Long.class);
            if (n != null && n > 0) {
                map.put(ExecutionStatus.valueOf(row.getColumn("status", String.class)), n);
            }
            return map;
        }));
    }

    List<JobExecution> latestFailures(int limit) {
        Paging.checkLimit(limit);
        return db.run("latestFailures", h -> h.createQuery(ConsoleSql.LATEST_FAILURES).bind("limit", limit)
                .map(Rows.EXECUTION).list()).stream().map(Rows.SeqExecution::execution).toList();
    }

    void insertProgressSample(ProgressSample sample) {
        JobProgress p = sample.progress();
        db.run("insertProgressSample", h -> h.createUpdate(ConsoleSql.INSERT_SAMPLE)
                .bind("jobId", sample.jobId())
                .bind("sampledAt", sample.sampledAtMillis())
                .bind("queued", p.count(ExecutionStatus.QUEUED))
                .bind("inProgress", p.count(ExecutionStatus.IN_PROGRESS))
                .bind("succeeded", p.count(ExecutionStatus.SUCCEEDED))
                .bind("failed", p.count(ExecutionStatus.FAILED))
                .bind("timedOut", p.count(ExecutionStatus.TIMED_OUT))
                .bind("rejected", p.count(ExecutionStatus.REJECTED))
                .bind("canceled", p.count(ExecutionStatus.CANCELED))
                .bind("removed", p.count(ExecutionStatus.REMOVED))
                .execute());
    }

    List<ProgressSample> progressSamples(String jobId, long fromMillis) {
        return db.run("progressSamples", h -> h.createQuery(ConsoleSql.SAMPLES).bind("jobId", jobId).bind("from", fromMillis)
                .map(SAMPLE).list());
    }

    Optional<ProgressSample> latestProgressSample(String jobId) {
        return db.run("latestProgressSample", h -> h.createQuery(ConsoleSql.LATEST_SAMPLE).bind("jobId", jobId).map(SAMPLE).findOne());
    }

    List<String> jobsToSample(long sinceMillis) {
        return db.run("jobsToSample", h -> h.createQuery(ConsoleSql.JOBS_TO_SAMPLE).bind("since", sinceMillis).mapTo(String.class).list());
    }

    private static final RowMapper<ProgressSample> SAMPLE = (rs, ctx) -> {
        Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
        counts.put(ExecutionStatus.QUEUED, rs.getLong("queued"));
        counts.put(ExecutionStatus.IN_PROGRESS, rs.getLong("in_progress"));
        counts.put(ExecutionStatus.SUCCEEDED, rs.getLong("succeeded"));
        counts.put(ExecutionStatus.FAILED, rs.getLong("failed"));
        counts.put(ExecutionStatus.TIMED_OUT, rs.getLong("timed_out"));
        counts.put(ExecutionStatus.REJECTED, rs.getLong("rejected"));
        counts.put(ExecutionStatus.CANCELED, rs.getLong("canceled"));
        counts.put(ExecutionStatus.REMOVED, rs.getLong("removed"));
        return new ProgressSample(rs.getString("job_id"), rs.getLong("sampled_at"), new JobProgress(counts));
    };

    Page<Job> jobsWithIdPrefix(JobQuery filter, String idPrefix, String cursor, int limit) {
        Paging.checkLimit(limit);
        String after = Cursors.keyOrStart(Cursors.Kind.JOB, cursor);
        List<Job> rows = db.run("jobsWithIdPrefix", h -> h.createQuery(ConsoleSql.JOBS_WITH_PREFIX)
                .bind("after", after)
                .bind("prefix", idPrefix)
                .bind("status", filter.status() == null ? null : filter.status().name())
                .bind("targetSelection", filter.targetSelection() == null ? null : filter.targetSelection().name())
                .bind("groupName", filter.targetGroupName())
                .bind("limit", limit + 1)
                .map(Rows.JOB).list());
        return Paging.cut(rows, limit, j -> Cursors.of(Cursors.Kind.JOB, j.jobId()));
    }
}
