package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.security.ConsoleSession;
import dev.fleetjobs.store.JobQuery;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.TimelineEvents;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    List<TimelineEvents> timeline(String jobId, long fromMillis, long stepMillis) {
        if (stepMillis < 1) {
            throw new IllegalArgumentException("stepMillis must be at least 1, was " + stepMillis);
        }
        return db.run("timeline", h -> h.createQuery(ConsoleSql.TIMELINE)
                .bind("jobId", jobId).bind("from", fromMillis).bind("step", stepMillis)
                .map((rs, ctx) -> {
                    String endStatus = rs.getString("end_status");
                    return new TimelineEvents(TimelineEvents.Kind.valueOf(rs.getString("kind")),
                            endStatus == null || endStatus.isEmpty() ? null : ExecutionStatus.valueOf(endStatus),
                            rs.getLong("bucket"), rs.getLong("n"));
                }).list());
    }

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
