package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.store.OfferedExecution;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.StoreConflictException;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreUnavailableException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;

/** The queries, on one connection already inside a transaction; valid only while its unit of work runs. */
class SqlReader implements StoreReader {

    private final Handle handle;
    private final Dialect dialect;
    private volatile boolean active = true;

    SqlReader(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    /** Ends this view: a unit of work that kept it cannot reach the connection once it returned. */
    void deactivate() {
        active = false;
    }

    @Override
    public Optional<Thing> findThing(String thingName) {
        return run("findThing", h -> h.createQuery(Sql.FIND_THING).bind("thingName", thingName).map(Rows.THING).findOne());
    }

    @Override
    public Page<Thing> things(String cursor, int limit) {
        checkLimit(limit);
        String after = Cursors.thingName(cursor);
        List<Thing> rows = run("things", h -> {
            Query query = after == null
                    ? h.createQuery(Sql.THINGS_FIRST)
                    : h.createQuery(Sql.THINGS_AFTER).bind("after", after);
            return query.bind("limit", limit + 1).map(Rows.THING).list();
        });
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Thing> items = rows.subList(0, limit);
        return new Page<>(items, Cursors.ofThingName(items.get(limit - 1).thingName()));
    }

    @Override
    public Optional<Job> findJob(String jobId) {
        return run("findJob", h -> h.createQuery(Sql.FIND_JOB).bind("jobId", jobId).map(Rows.JOB).findOne());
    }

    @Override
    public Optional<JobExecution> findExecution(String jobId, String thingName, OptionalLong executionNumber) {
        return run("findExecution", h -> {
            Query query = executionNumber.isPresent()
                    ? h.createQuery(Sql.FIND_EXECUTION).bind("executionNumber", executionNumber.getAsLong())
                    : h.createQuery(Sql.FIND_LATEST_EXECUTION);
            return query.bind("jobId", jobId).bind("thingName", thingName)
                    .map(Rows.EXECUTION).findOne().map(Rows.SeqExecution::execution);
        });
    }

    @Override
    public List<JobExecution> pendingExecutions(String thingName, int limit) {
        checkLimit(limit);
        return run("pendingExecutions", h -> executions(h.createQuery(Sql.PENDING_EXECUTIONS)
                .bind("thingName", thingName).bind("limit", limit)));
    }

    @Override
    public Page<JobExecution> executionsForJob(String jobId, ExecutionStatus statusOrNull, String cursor, int limit) {
        return executionPage(statusOrNull == null ? Sql.EXECUTIONS_FOR_JOB : Sql.EXECUTIONS_FOR_JOB_WITH_STATUS,
                jobId, statusOrNull, cursor, limit);
    }

    @Override
    public Page<JobExecution> executionsForThing(String thingName, ExecutionStatus statusOrNull, String cursor, int limit) {
        return executionPage(statusOrNull == null ? Sql.EXECUTIONS_FOR_THING : Sql.EXECUTIONS_FOR_THING_WITH_STATUS,
                thingName, statusOrNull, cursor, limit);
    }

    @Override
    public boolean hasPrincipals(String thingName) {
        return run("hasPrincipals", h -> h.createQuery(Sql.HAS_PRINCIPALS).bind("thingName", thingName).mapTo(Long.class).one()) > 0;
    }

    @Override
    public JobProgress progress(String jobId) {
        Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
        run("progress", h -> h.createQuery(Sql.COUNTS).bind("jobId", jobId).reduceRows(counts, (map, row) -> {
            map.put(ExecutionStatus.valueOf(row.getColumn("status", String.class)), row.getColumn("count", Long.class));
            return map;
        }));
        return new JobProgress(counts);
    }

    @Override
    public List<OfferedExecution> offeredExecutions(String thingName, int limit) {
        checkLimit(limit);
        return run("offeredExecutions", h -> h.createQuery(Sql.OFFERED_EXECUTIONS)
                .bind("thingName", thingName).bind("limit", limit)
                .map((rs, ctx) -> new OfferedExecution(Rows.EXECUTION.map(rs, ctx).execution(), rs.getBoolean("job_windowed")))
                .list());
    }

    @Override
    public List<JobExecution> executionHistory(String jobId, String thingName) {
        return run("executionHistory", h -> executions(h.createQuery(Sql.EXECUTION_HISTORY)
                .bind("jobId", jobId).bind("thingName", thingName)));
    }

    @Override
    public List<JobExecution> expiredExecutions(long nowMillis, int limit) {
        checkLimit(limit);
        return run("expiredExecutions", h -> executions(h.createQuery(Sql.EXPIRED_EXECUTIONS)
                .bind("now", nowMillis).bind("limit", limit)));
    }

    @Override
    public Optional<RolloutState> findRollout(String jobId) {
        return run("findRollout", h -> h.createQuery(Sql.FIND_ROLLOUT).bind("jobId", jobId).map(Rows.ROLLOUT).findOne());
    }

    @Override
    public List<String> dueRollouts(long nowMillis, int limit) {
        checkLimit(limit);
        return run("dueRollouts", h -> h.createQuery(Sql.DUE_ROLLOUTS)
                .bind("now", nowMillis).bind("limit", limit).mapTo(String.class).list());
    }

    @Override
    public OptionalLong nextDueMillis() {
        Optional<Long> timeout = run("nextTimeout", h -> h.createQuery(Sql.NEXT_TIMEOUT).mapTo(Long.class).findOne());
        Optional<Long> rollout = run("nextRolloutDue", h -> h.createQuery(Sql.NEXT_ROLLOUT_DUE).mapTo(Long.class).findOne());
        Optional<Long> earliest = timeout.isEmpty() ? rollout
                : rollout.isEmpty() ? timeout : Optional.of(Math.min(timeout.get(), rollout.get()));
        return earliest.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static List<JobExecution> executions(Query query) {
        return query.map(Rows.EXECUTION).map(Rows.SeqExecution::execution).list();
    }

    private Page<JobExecution> executionPage(String sql, String key, ExecutionStatus statusOrNull, String cursor, int limit) {
        checkLimit(limit);
        long after = Cursors.seq(cursor);
        List<Rows.SeqExecution> rows = run("executions", h -> {
            Query query = h.createQuery(sql).bind("key", key).bind("after", after).bind("limit", limit + 1);
            if (statusOrNull != null) {
                query.bind("status", statusOrNull.name());
            }
            return query.map(Rows.EXECUTION).list();
        });
        boolean more = rows.size() > limit;
        List<JobExecution> items = new ArrayList<>(Math.min(rows.size(), limit));
        for (int i = 0; i < rows.size() && i < limit; i++) {
            items.add(rows.get(i).execution());
        }
        return new Page<>(items, more ? Cursors.ofSeq(rows.get(limit - 1).seq()) : null);
    }

    /** Runs one statement, turning database failures into the store's exceptions. */
    <T> T run(String operation, Function<Handle, T> statement) {
        if (!active) {
            throw new IllegalStateException("The unit of work this store view belonged to has ended");
        }
        try {
            return statement.apply(handle);
        } catch (JdbiException e) {
            SQLException cause = sqlCause(e);
            if (cause != null && dialect.isUniqueViolation(cause)) {
                throw new StoreConflictException(operation + ": the key already exists");
            }
            if (cause != null && dialect.isForeignKeyViolation(cause)) {
                throw new StoreConflictException(operation + ": a referenced row does not exist");
            }
            throw new StoreUnavailableException(operation + " failed in the database", e);
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return (SQLException) t;
            }
        }
        return null;
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
