package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.JobTemplate;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.core.model.ThingGroup;
import dev.fleetjobs.core.security.ConsoleSession;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.store.FeedEntry;
import dev.fleetjobs.core.saferollout.CanaryProgress;
import dev.fleetjobs.core.saferollout.GateDecision;
import dev.fleetjobs.core.saferollout.JobPause;
import dev.fleetjobs.core.saferollout.RollbackLink;
import dev.fleetjobs.store.JobQuery;
import dev.fleetjobs.store.JobTargetGroup;
import dev.fleetjobs.store.OfferedExecution;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.ProgressSample;
import dev.fleetjobs.store.StoreConflictException;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreUnavailableException;
import dev.fleetjobs.store.TargetReach;
import dev.fleetjobs.store.ThingGroupQuery;
import dev.fleetjobs.store.ThingQuery;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;

/**
 * The queries, on one connection already inside a transaction; valid only while its unit of work
 * runs. Things, jobs and executions are here; groups and the catalog (work, templates, tags) have
 * classes of their own.
 */
class SqlReader implements StoreReader {

    private final Handle handle;
    final Dialect dialect;
    private volatile boolean active = true;
    final SqlThingGroups groups = new SqlThingGroups(this);
    final SqlCatalog catalog = new SqlCatalog(this);
    final SqlConsole console = new SqlConsole(this);
    final SqlSafeRollouts safeRollouts = new SqlSafeRollouts(this);

    SqlReader(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    /** Ends this view: a unit of work that kept it cannot reach the connection once it returned. */
    void deactivate() {
        active = false;
    }

    // things

    @Override
    public Optional<Thing> findThing(String thingName) {
        return run("findThing", h -> h.createQuery(Sql.FIND_THING).bind("thingName", thingName).map(Rows.THING).findOne());
    }

    @Override
    public Page<Thing> things(ThingQuery filter, String cursor, int limit) {
        Paging.checkLimit(limit);
        String after = Cursors.thingName(cursor);
        List<Thing> rows = run("things", h -> {
            Query query;
            if (filter.attributeName() != null) {
                boolean prefix = filter.valueIsPrefix() && filter.attributeValue() != null && !filter.attributeValue().isEmpty();
                query = h.createQuery(Sql.THINGS_WITH_ATTRIBUTE).bind("after", after == null ? "" : after)
                        .bind("name", filter.attributeName())
                        .bind("value", prefix || !filter.valueIsPrefix() ? filter.attributeValue() : null)
                        .bind("valueEnd", prefix ? Paging.prefixEnd(filter.attributeValue()) : null);
            } else if (after == null) {
                query = h.createQuery(Sql.THINGS_FIRST);
            } else {
                query = h.createQuery(Sql.THINGS_AFTER).bind("after", after);
            }
            return query.bind("limit", limit + 1).map(Rows.THING).list();
        });
        return Paging.cut(rows, limit, t -> Cursors.ofThingName(t.thingName()));
    }

    // thing groups

    @Override
    public Optional<ThingGroup> findThingGroup(String groupName) {
        return groups.find(groupName);
    }

    @Override
    public Page<String> thingGroupNames(ThingGroupQuery query, String cursor, int limit) {
        return groups.names(query, cursor, limit);
    }

    @Override
    public long childGroupCount(String groupName) {
        return groups.childCount(groupName);
    }

    @Override
    public List<ThingGroup> groupsOfThing(String thingName) {
        return groups.groupsOfThing(thingName);
    }

    @Override
    public Page<String> groupNamesOfThing(String thingName, String cursor, int limit) {
        return groups.groupNamesOfThing(thingName, cursor, limit);
    }

    @Override
    public Page<String> thingsInGroup(String groupName, boolean recursive, long joinedUpTo, String cursor, int limit) {
        return groups.thingsInGroup(groupName, recursive, joinedUpTo, cursor, limit);
    }

    @Override
    public long lastMembershipSeq() {
        return groups.lastMembershipSeq();
    }

    // jobs

    @Override
    public Optional<Job> findJob(String jobId) {
        return run("findJob", h -> h.createQuery(Sql.FIND_JOB).bind("jobId", jobId).map(Rows.JOB).findOne());
    }

    @Override
    public Page<Job> jobs(JobQuery filter, String cursor, int limit) {
        Paging.checkLimit(limit);
        String after = Cursors.keyOrStart(Cursors.Kind.JOB, cursor);
        List<Job> rows = run("jobs", h -> h.createQuery(Sql.JOBS)
                .bind("after", after)
                .bind("status", filter.status() == null ? null : filter.status().name())
                .bind("targetSelection", filter.targetSelection() == null ? null : filter.targetSelection().name())
                .bind("groupName", filter.targetGroupName())
                .bind("groupId", filter.targetGroupId())
                .bind("limit", limit + 1)
                .map(Rows.JOB).list());
        return Paging.cut(rows, limit, j -> Cursors.of(Cursors.Kind.JOB, j.jobId()));
    }

    @Override
    public long countJobs(JobStatus status) {
        return run("countJobs", h -> h.createQuery(Sql.COUNT_JOBS_WITH_STATUS).bind("status", status.name()).mapTo(Long.class).one());
    }

    @Override
    public List<JobTargetGroup> jobTargetGroups(String jobId) {
        return run("jobTargetGroups", h -> h.createQuery(Sql.JOB_TARGET_GROUPS).bind("jobId", jobId)
                .map(Rows.JOB_TARGET_GROUP).list());
    }

    @Override
    public List<Job> continuousJobsTargeting(Collection<String> groupNames) {
        if (groupNames.isEmpty()) {
            return List.of();
        }
        return run("continuousJobsTargeting", h -> h.createQuery(Sql.CONTINUOUS_JOBS_TARGETING)
                .bindList("groupNames", List.copyOf(groupNames)).map(Rows.JOB).list());
    }

    // executions

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
    public Map<String, JobExecution> latestExecutions(String jobId, Collection<String> thingNames) {
        Map<String, JobExecution> latest = new HashMap<>();
        if (thingNames.isEmpty()) {
            return latest;
        }
        run("latestExecutions", h -> h.createQuery(Sql.EXECUTIONS_OF_THINGS).bind("jobId", jobId)
                .bindList("thingNames", List.copyOf(thingNames)).map(Rows.EXECUTION)
                .reduce(latest, (map, row) -> {
                    map.put(row.execution().thingName(), row.execution());
                    return map;
                }));
        return latest;
    }

    @Override
    public List<JobExecution> pendingExecutions(String thingName, int limit) {
        Paging.checkLimit(limit);
        return run("pendingExecutions", h -> executions(h.createQuery(Sql.PENDING_EXECUTIONS)
                .bind("thingName", thingName).bind("limit", limit)));
    }

    @Override
    public Page<JobExecution> executionsForJob(String jobId, ExecutionStatus statusOrNull, String cursor, int limit) {
        return executionPage(statusOrNull == null ? Sql.EXECUTIONS_FOR_JOB : Sql.EXECUTIONS_FOR_JOB_WITH_STATUS,
                jobId, statusOrNull, null, cursor, limit);
    }

    @Override
    public Page<JobExecution> executionsForThing(String thingName, ExecutionStatus statusOrNull, String jobIdOrNull, String cursor,
                                                 int limit) {
        if (jobIdOrNull != null) {
            return executionPage(Sql.EXECUTIONS_FOR_THING_AND_JOB, thingName, statusOrNull, jobIdOrNull, cursor, limit);
        }
        return executionPage(statusOrNull == null ? Sql.EXECUTIONS_FOR_THING : Sql.EXECUTIONS_FOR_THING_WITH_STATUS,
                thingName, statusOrNull, null, cursor, limit);
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
        Paging.checkLimit(limit);
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
        Paging.checkLimit(limit);
        return run("expiredExecutions", h -> executions(h.createQuery(Sql.EXPIRED_EXECUTIONS)
                .bind("now", nowMillis).bind("limit", limit)));
    }

    @Override
    public Optional<RolloutState> findRollout(String jobId) {
        return run("findRollout", h -> h.createQuery(Sql.FIND_ROLLOUT).bind("jobId", jobId).map(Rows.ROLLOUT).findOne());
    }

    @Override
    public List<String> dueRollouts(long nowMillis, int limit) {
        Paging.checkLimit(limit);
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

    private Page<JobExecution> executionPage(String sql, String key, ExecutionStatus statusOrNull, String jobIdOrNull, String cursor,
                                             int limit) {
        Paging.checkLimit(limit);
        long after = Cursors.seq(cursor);
        List<Rows.SeqExecution> rows = run("executions", h -> {
            Query query = h.createQuery(sql).bind("key", key).bind("after", after).bind("limit", limit + 1);
            if (jobIdOrNull != null) {
                query.bind("jobId", jobIdOrNull).bind("status", statusOrNull == null ? null : statusOrNull.name());
            } else if (statusOrNull != null) {
                query.bind("status", statusOrNull.name());
            }
            return query.map(Rows.EXECUTION).list();
        });
        Page<Rows.SeqExecution> page = Paging.cut(rows, limit, e -> Cursors.ofSeq(e.seq()));
        List<JobExecution> items = new ArrayList<>(page.items().size());
        page.items().forEach(e -> items.add(e.execution()));
        return new Page<>(items, page.nextCursor());
    }

    // background work, templates, tags

    @Override
    public List<JobWork> jobWork(String jobId) {
        return catalog.jobWork(jobId);
    }

    @Override
    public Optional<JobWork> nextJobWork() {
        return catalog.nextJobWork(false);
    }

    // safe rollouts

    @Override
    public Optional<JobPause> findJobPause(String jobId) {
        return safeRollouts.findPause(jobId);
    }

    @Override
    public Optional<CanaryProgress> findCanaryProgress(String jobId) {
        return safeRollouts.findProgress(jobId);
    }

    @Override
    public List<GateDecision> gateDecisions(String jobId) {
        return safeRollouts.decisions(jobId);
    }

    @Override
    public boolean isCanaryStageThing(String jobId, int stage, String thingName) {
        return safeRollouts.isStageThing(jobId, stage, thingName);
    }

    @Override
    public Map<ExecutionStatus, Long> canaryStageStatuses(String jobId, int stage) {
        return safeRollouts.stageStatuses(jobId, stage);
    }

    @Override
    public Optional<RollbackLink> findRollbackLink(String jobId) {
        return safeRollouts.findLink(jobId);
    }

    @Override
    public List<RollbackLink> rollbacksOf(String originalJobId) {
        return safeRollouts.linksOf(originalJobId);
    }

    @Override
    public Page<String> thingsWithLatestStatus(String jobId, Collection<ExecutionStatus> statuses, String cursor, int limit) {
        return safeRollouts.thingsWithLatestStatus(jobId, statuses, cursor, limit);
    }

    @Override
    public TargetReach targetReach(Collection<String> thingNames, Collection<String> groupNames, long joinedUpTo, String jobId,
                                   int sampleLimit) {
        return safeRollouts.targetReach(thingNames, groupNames, joinedUpTo, jobId, sampleLimit);
    }

    @Override
    public Optional<JobTemplate> findJobTemplate(String jobTemplateId) {
        return catalog.findJobTemplate(jobTemplateId);
    }

    @Override
    public Page<JobTemplate> jobTemplates(String cursor, int limit) {
        return catalog.jobTemplates(cursor, limit);
    }

    @Override
    public Page<Tag> tags(String resourceArn, String cursor, int limit) {
        return catalog.tags(resourceArn, cursor, limit);
    }

    @Override
    public long countTags(String resourceArn) {
        return catalog.countTags(resourceArn);
    }

    // the console and fleet-wide views

    @Override
    public Optional<ConsoleSession> findConsoleSession(String tokenHash) {
        return console.findConsoleSession(tokenHash);
    }

    @Override
    public Map<JobStatus, Long> jobCountsByStatus() {
        return console.jobCountsByStatus();
    }

    @Override
    public long rolloutWaitingTargets() {
        return console.rolloutWaitingTargets();
    }

    @Override
    public Map<ExecutionStatus, Long> executionCountsByStatus() {
        return console.executionCountsByStatus();
    }

    @Override
    public List<JobExecution> latestFailures(int limit) {
        return console.latestFailures(limit);
    }

    @Override
    public List<ProgressSample> progressSamples(String jobId, long fromMillis) {
        return console.progressSamples(jobId, fromMillis);
    }

    @Override
    public Optional<ProgressSample> latestProgressSample(String jobId) {
        return console.latestProgressSample(jobId);
    }

    @Override
    public List<String> jobsToSample(long sinceMillis) {
        return console.jobsToSample(sinceMillis);
    }

    @Override
    public Page<Job> jobsWithIdPrefix(JobQuery query, String idPrefix, String cursor, int limit) {
        return console.jobsWithIdPrefix(query, idPrefix, cursor, limit);
    }

    // what the nodes of a shared database agree on, and the change feed

    @Override
    public Optional<String> setting(String name) {
        return run("setting", h -> h.createQuery(Sql.FIND_SETTING).bind("name", name).mapTo(String.class).findOne());
    }

    @Override
    public List<FeedEntry> feedAfter(long afterSeq, int limit) {
        Paging.checkLimit(limit);
        return run("feedAfter", h -> h.createQuery(Sql.FEED_AFTER).bind("after", afterSeq).bind("limit", limit).map(Rows.FEED).list());
    }

    @Override
    public long feedEnd() {
        return run("feedEnd", h -> h.createQuery(Sql.FEED_END).mapTo(Long.class).one());
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
            if (cause != null && dialect.isTransient(cause)) {
                throw new LostRaceException(operation + " lost a race with another transaction", e);
            }
            throw new StoreUnavailableException(operation + " failed in the database", e);
        }
    }

    /**
     * Runs a statement whose failure the unit of work may catch (a key already taken) and go on:
     * where a failed statement spoils the whole transaction, it runs in a savepoint of its own.
     */
    <T> T guarded(String operation, Function<Handle, T> statement) {
        if (!dialect.failedStatementAbortsTransaction()) {
            return run(operation, statement);
        }
        run("savepoint", h -> h.execute(Sql.STATEMENT_SAVEPOINT));
        T result;
        try {
            result = run(operation, statement);
        } catch (RuntimeException e) {
            run("rollbackToSavepoint", h -> h.execute(Sql.ROLLBACK_TO_STATEMENT_SAVEPOINT));
            throw e;
        }
        run("releaseSavepoint", h -> h.execute(Sql.RELEASE_STATEMENT_SAVEPOINT));
        return result;
    }

    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return (SQLException) t;
            }
        }
        return null;
    }
}
