package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobTemplate;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.core.model.ThingGroup;
import dev.fleetjobs.core.security.ConsoleSession;
import dev.fleetjobs.core.saferollout.CanaryProgress;
import dev.fleetjobs.core.saferollout.GateDecision;
import dev.fleetjobs.core.saferollout.JobPause;
import dev.fleetjobs.core.saferollout.RollbackLink;
import dev.fleetjobs.store.JobTargetGroup;
import dev.fleetjobs.store.ProgressSample;
import dev.fleetjobs.store.StoreConflictException;
import dev.fleetjobs.store.StoreTransaction;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.store.FeedMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/** The writes, on the writer connection inside the current batch's transaction and savepoint. */
final class SqlTransaction extends SqlReader implements StoreTransaction {

    private static final int THING_LOCKS = 1;
    private static final int JOB_LOCKS = 2;
    private static final int FEED_LOCK = 3;

    private final Map<Class<?>, Object> attachments = new HashMap<>();
    // Count changes wait for the end of the unit and are then written in key order: the counters
    // of a busy job are hot rows, held this way only briefly and never in an order that deadlocks.
    private final Map<CountKey, Long> countChanges = new TreeMap<>();
    private final List<FeedMessage> feed = new ArrayList<>();
    private final Set<String> locked = new HashSet<>();
    /**
     * Jobs read in this unit of work: a device's update reads its job up to three times (timeout,
     * retry and abort rules, completion). Every write of a job goes through this class and forgets
     * the entry first, so a read after a write sees the write.
     */
    private final Map<String, Optional<Job>> jobs = new HashMap<>();

    SqlTransaction(Handle handle, Dialect dialect) {
        super(handle, dialect);
    }

    @Override
    public void insertThing(Thing thing) {
        guarded("insertThing " + thing.thingName(), h -> h.createUpdate(Sql.INSERT_THING)
                .bind("thingName", thing.thingName())
                .bind("thingId", thing.thingId())
                .bind("attributes", Json.write(thing.attributes()))
                .bind("version", thing.version())
                .bind("createdAt", thing.createdAtMillis())
                .execute());
        insertAttributes(thing);
    }

    @Override
    public void updateThing(Thing updated) {
        int rows = run("updateThing " + updated.thingName(), h -> h.createUpdate(Sql.UPDATE_THING)
                .bind("thingName", updated.thingName())
                .bind("attributes", Json.write(updated.attributes()))
                .bind("version", updated.version())
                .bind("expectedVersion", updated.version() - 1)
                .execute());
        if (rows == 0) {
            throw new StoreConflictException("updateThing: thing " + updated.thingName() + " is not at version " + (updated.version() - 1));
        }
        run("deleteThingAttributes", h -> h.createUpdate(Sql.DELETE_THING_ATTRIBUTES).bind("thingName", updated.thingName()).execute());
        insertAttributes(updated);
    }

    /** Memberships and the attribute index go with the thing (foreign keys cascade). */
    @Override
    public boolean deleteThing(String thingName) {
        return run("deleteThing", h -> h.createUpdate(Sql.DELETE_THING).bind("thingName", thingName).execute()) > 0;
    }

    private void insertAttributes(Thing thing) {
        for (Map.Entry<String, String> attribute : thing.attributes().entrySet()) {
            guarded("insertThingAttribute", h -> h.createUpdate(Sql.INSERT_THING_ATTRIBUTE).bind("thingName", thing.thingName())
                    .bind("name", attribute.getKey()).bind("value", attribute.getValue()).execute());
        }
    }

    // thing groups

    @Override
    public void insertThingGroup(ThingGroup group) {
        groups.insert(group);
    }

    @Override
    public void updateThingGroup(ThingGroup updated) {
        groups.update(updated);
    }

    @Override
    public boolean deleteThingGroup(String groupName) {
        return groups.delete(groupName);
    }

    @Override
    public boolean addThingToGroup(String groupName, String thingName) {
        return groups.addMember(groupName, thingName);
    }

    @Override
    public boolean removeThingFromGroup(String groupName, String thingName) {
        return groups.removeMember(groupName, thingName);
    }

    @Override
    public Optional<Job> findJob(String jobId) {
        Optional<Job> known = jobs.get(jobId);
        if (known != null) {
            return known;
        }
        Optional<Job> found = super.findJob(jobId);
        jobs.put(jobId, found);
        return found;
    }

    @Override
    public void insertJob(Job job) {
        jobs.remove(job.jobId());
        guarded("insertJob " + job.jobId(), h -> bindJob(h.createUpdate(Sql.INSERT_JOB), job).execute());
    }

    @Override
    public void updateJob(Job job) {
        jobs.remove(job.jobId());
        int updated = run("updateJob " + job.jobId(), h -> bindJob(h.createUpdate(Sql.UPDATE_JOB), job).execute());
        if (updated == 0) {
            throw new StoreConflictException("updateJob: no job " + job.jobId());
        }
    }

    @Override
    public void addJobTargetGroup(String jobId, JobTargetGroup group) {
        run("addJobTargetGroup", h -> h.createUpdate(Sql.INSERT_JOB_TARGET_GROUP).bind("jobId", jobId)
                .bind("groupName", group.groupName()).bind("groupId", group.groupId()).execute());
    }

    /** Its counts, target groups and work rows go with it (foreign keys cascade). */
    @Override
    public boolean deleteJob(String jobId) {
        // Its counts go with it: changes to them still waiting for the end of the unit are dropped.
        countChanges.keySet().removeIf(key -> key.jobId().equals(jobId));
        jobs.remove(jobId);
        return run("deleteJob", h -> h.createUpdate(Sql.DELETE_JOB).bind("jobId", jobId).execute()) > 0;
    }

    @Override
    public void insertExecution(JobExecution execution) {
        guarded("insertExecution " + key(execution), h -> bindExecution(h.createUpdate(Sql.INSERT_EXECUTION), execution).execute());
        addToCount(execution.jobId(), execution.status(), 1);
    }

    /** One batched insert, and one count change per status instead of one per row. */
    @Override
    public void insertExecutions(List<JobExecution> executions) {
        if (executions.isEmpty()) {
            return;
        }
        guarded("insertExecutions", h -> {
            PreparedBatch batch = h.prepareBatch(Sql.INSERT_EXECUTION);
            for (JobExecution execution : executions) {
                bindExecution(batch, execution).add();
            }
            return batch.execute();
        });
        Map<CountKey, Long> counts = new HashMap<>();
        for (JobExecution execution : executions) {
            counts.merge(new CountKey(execution.jobId(), execution.status()), 1L, Long::sum);
        }
        counts.forEach((key, delta) -> addToCount(key.jobId(), key.status(), delta));
    }

    private record CountKey(String jobId, ExecutionStatus status) implements Comparable<CountKey> {

        @Override
        public int compareTo(CountKey other) {
            int byJob = jobId.compareTo(other.jobId);
            return byJob != 0 ? byJob : status.compareTo(other.status);
        }
    }

    @Override
    public void updateExecution(JobExecution updated) {
        String key = key(updated);
        // The status before the change is read first so that the counts can move; the version
        // check in the UPDATE guarantees it is the status of the row actually replaced.
        Optional<ExecutionStatus> before = storedStatus(updated.jobId(), updated.thingName(), updated.executionNumber());
        if (before.isEmpty()) {
            throw new StoreConflictException("updateExecution: no execution " + key);
        }
        int rows = run("updateExecution " + key, h -> bindExecution(h.createUpdate(Sql.UPDATE_EXECUTION), updated)
                .bind("expectedVersion", updated.versionNumber() - 1)
                .execute());
        if (rows == 0) {
            throw new StoreConflictException("updateExecution: execution " + key
                    + " is not at version " + (updated.versionNumber() - 1));
        }
        if (before.get() != updated.status()) {
            addToCount(updated.jobId(), before.get(), -1);
            addToCount(updated.jobId(), updated.status(), 1);
        }
    }

    @Override
    public boolean deleteExecution(String jobId, String thingName, long executionNumber) {
        Optional<ExecutionStatus> before = storedStatus(jobId, thingName, executionNumber);
        if (before.isEmpty()) {
            return false;
        }
        run("deleteExecution", h -> h.createUpdate(Sql.DELETE_EXECUTION)
                .bind("jobId", jobId).bind("thingName", thingName).bind("executionNumber", executionNumber)
                .execute());
        addToCount(jobId, before.get(), -1);
        return true;
    }

    @Override
    public long nextExecutionNumber(String jobId, String thingName) {
        return run("nextExecutionNumber", h -> h.createQuery(Sql.NEXT_EXECUTION_NUMBER)
                .bind("jobId", jobId).bind("thingName", thingName).mapTo(Long.class).one());
    }

    @Override
    public void insertRollout(RolloutState state, List<String> targets) {
        guarded("insertRollout " + state.jobId(), h -> bindRollout(h.createUpdate(Sql.INSERT_ROLLOUT), state).execute());
        insertRolloutTargets(state.jobId(), 0, targets);
    }

    private void insertRolloutTargets(String jobId, int firstPosition, List<String> targets) {
        guarded("insertRolloutTargets " + jobId, h -> {
            PreparedBatch batch = h.prepareBatch(Sql.INSERT_ROLLOUT_TARGET);
            for (int i = 0; i < targets.size(); i++) {
                batch.bind("jobId", jobId).bind("position", firstPosition + i).bind("thingName", targets.get(i)).add();
            }
            return targets.isEmpty() ? new int[0] : batch.execute();
        });
    }

    @Override
    public void updateRollout(RolloutState state) {
        int updated = run("updateRollout " + state.jobId(), h -> bindRollout(h.createUpdate(Sql.UPDATE_ROLLOUT), state).execute());
        if (updated == 0) {
            throw new StoreConflictException("updateRollout: no rollout of job " + state.jobId());
        }
    }

    @Override
    public void addRolloutTargets(String jobId, List<String> targets) {
        if (targets.isEmpty()) {
            return;
        }
        int last = run("lastRolloutPosition", h -> h.createQuery(Sql.LAST_ROLLOUT_POSITION)
                .bind("jobId", jobId).mapTo(Integer.class).one());
        insertRolloutTargets(jobId, last + 1, targets);
    }

    @Override
    public List<String> takeRolloutTargets(String jobId, int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<Map.Entry<Integer, String>> next = run("nextRolloutTargets", h -> h.createQuery(Sql.NEXT_ROLLOUT_TARGETS)
                .bind("jobId", jobId).bind("limit", limit)
                .map((rs, ctx) -> Map.entry(rs.getInt("position"), rs.getString("thing_name"))).list());
        if (next.isEmpty()) {
            return List.of();
        }
        int last = next.get(next.size() - 1).getKey();
        run("takeRolloutTargets", h -> h.createUpdate(Sql.DELETE_ROLLOUT_TARGETS_THROUGH)
                .bind("jobId", jobId).bind("position", last).execute());
        return next.stream().map(Map.Entry::getValue).toList();
    }

    @Override
    public void clearRolloutTargets(String jobId) {
        run("clearRolloutTargets", h -> h.createUpdate(Sql.DELETE_ROLLOUT_TARGETS).bind("jobId", jobId).execute());
    }

    // background work, templates, tags

    @Override
    public JobWork insertJobWork(JobWork work) {
        return catalog.insertJobWork(work);
    }

    @Override
    public void updateJobWork(JobWork work) {
        catalog.updateJobWork(work);
    }

    @Override
    public void deleteJobWork(long seq) {
        catalog.deleteJobWork(seq);
    }

    // safe rollouts

    @Override
    public void setJobPause(String jobId, JobPause pause) {
        safeRollouts.setPause(jobId, pause);
    }

    @Override
    public void putCanaryProgress(CanaryProgress progress) {
        safeRollouts.putProgress(progress);
    }

    @Override
    public void addCanaryStageThings(String jobId, int stage, List<String> thingNames) {
        safeRollouts.addStageThings(jobId, stage, thingNames);
    }

    @Override
    public void insertGateDecision(GateDecision decision) {
        safeRollouts.insertDecision(decision);
    }

    @Override
    public void insertRollbackLink(RollbackLink link) {
        safeRollouts.insertLink(link);
    }

    @Override
    public void insertJobTemplate(JobTemplate template) {
        catalog.insertJobTemplate(template);
    }

    @Override
    public boolean deleteJobTemplate(String jobTemplateId) {
        return catalog.deleteJobTemplate(jobTemplateId);
    }

    @Override
    public void putTags(String resourceArn, Collection<Tag> tags) {
        catalog.putTags(resourceArn, tags);
    }

    @Override
    public void removeTags(String resourceArn, Collection<String> keys) {
        catalog.removeTags(resourceArn, keys);
    }

    @Override
    public void deleteTags(String resourceArn) {
        catalog.deleteTags(resourceArn);
    }

    private Optional<ExecutionStatus> storedStatus(String jobId, String thingName, long executionNumber) {
        return run("executionStatus", h -> h.createQuery(Sql.EXECUTION_STATUS)
                .bind("jobId", jobId).bind("thingName", thingName).bind("executionNumber", executionNumber)
                .mapTo(String.class).findOne().map(ExecutionStatus::valueOf));
    }

    private void addToCount(String jobId, ExecutionStatus status, long delta) {
        countChanges.merge(new CountKey(jobId, status), delta, Long::sum);
    }

    /** The stored counts and this unit's changes to them. */
    @Override
    public JobProgress progress(String jobId) {
        JobProgress stored = super.progress(jobId);
        Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            long count = stored.count(status) + countChanges.getOrDefault(new CountKey(jobId, status), 0L);
            if (count != 0) {
                counts.put(status, count);
            }
        }
        return new JobProgress(counts);
    }

    /**
     * Writes what the unit left for its end: the count changes, in key order, and the feed
     * messages, numbered under one lock that every feed writer takes last and holds until its
     * commit, so that numbers follow commit order.
     */
    void finishUnit() {
        for (Map.Entry<CountKey, Long> change : countChanges.entrySet()) {
            if (change.getValue() != 0) {
                run("addToCount", h -> h.createUpdate(Sql.ADD_TO_COUNT).bind("jobId", change.getKey().jobId())
                        .bind("status", change.getKey().status().name()).bind("delta", change.getValue()).execute());
            }
        }
        countChanges.clear();
        if (feed.isEmpty()) {
            return;
        }
        lock(FEED_LOCK, "feed");
        long now = System.currentTimeMillis();
        run("appendFeed", h -> {
            PreparedBatch batch = h.prepareBatch(Sql.APPEND_FEED);
            for (FeedMessage message : feed) {
                batch.bind("origin", message.origin()).bind("topic", message.address()).bind("payload", message.payload())
                        .bind("createdAt", now).add();
            }
            return batch.execute();
        });
        feed.clear();
        if (dialect.feedSignal() != null) {
            run("feedSignal", h -> h.createQuery(dialect.feedSignal()).mapTo(String.class).one());
        }
    }

    // several nodes on one database

    @Override
    public void lockThing(String thingName) {
        lock(THING_LOCKS, thingName);
    }

    @Override
    public void lockJob(String jobId) {
        if (dialect.lockQuery() != null && !locked.contains(JOB_LOCKS + "/" + jobId)) {
            // A read before the lock may predate another node's commit: read the job again once it is held.
            jobs.remove(jobId);
        }
        lock(JOB_LOCKS, jobId);
    }

    private void lock(int space, String key) {
        String query = dialect.lockQuery();
        if (query != null && locked.add(space + "/" + key)) {
            run("lock", h -> h.createQuery(query).bind("space", space).bind("key", key).mapTo(Integer.class).one());
        }
    }

    /** Claims the work for this transaction, so that a writer on another node takes other work meanwhile. */
    @Override
    public Optional<JobWork> nextJobWork() {
        return catalog.nextJobWork(true);
    }

    @Override
    public boolean insertSetting(String name, String value) {
        return run("insertSetting", h -> h.createUpdate(Sql.INSERT_SETTING).bind("name", name).bind("value", value).execute()) > 0;
    }

    @Override
    public void putSetting(String name, String value) {
        run("putSetting", h -> h.createUpdate(Sql.PUT_SETTING).bind("name", name).bind("value", value).execute());
    }

    @Override
    public void appendFeed(List<FeedMessage> messages) {
        feed.addAll(messages);
    }

    @Override
    public void pruneFeed(long epochMillis) {
        run("pruneFeed", h -> h.createUpdate(Sql.PRUNE_FEED).bind("before", epochMillis).execute());
    }

    private static Update bindJob(Update update, Job job) {
        return update
                .bind("jobId", job.jobId())
                .bind("targetSelection", job.targetSelection().name())
                .bind("status", job.status().name())
                .bind("document", job.document())
                .bind("description", job.description())
                .bind("targets", Json.write(job.targets()))
                .bind("inProgressTimeoutMinutes", job.inProgressTimeoutMinutes())
                .bind("forceCanceled", Rows.flag(job.forceCanceled()))
                .bind("reasonCode", job.reasonCode())
                .bind("comment", job.comment())
                .bind("createdAt", job.createdAtMillis())
                .bind("lastUpdatedAt", job.lastUpdatedAtMillis())
                .bind("completedAt", job.completedAtMillis())
                .bind("runConfig", Json.writeRunConfig(job.runConfig()))
                .bind("windowed", Rows.flag(job.runConfig().hasMaintenanceWindows()))
                .bind("jobTemplateArn", job.jobTemplateArn())
                .bind("documentParameters", job.documentParameters().isEmpty() ? null : Json.write(job.documentParameters()))
                .bind("documentBeforeSubstitution", job.documentBeforeSubstitution());
    }

    private static <S extends SqlStatement<S>> S bindExecution(S update, JobExecution e) {
        return update
                .bind("jobId", e.jobId())
                .bind("thingName", e.thingName())
                .bind("executionNumber", e.executionNumber())
                .bind("status", e.status().name())
                .bind("pendingRank", Rows.pendingRank(e.status()))
                .bind("statusDetails", Json.write(e.statusDetails()))
                .bind("queuedAt", e.queuedAtMillis())
                .bind("startedAt", e.startedAtMillis())
                .bind("lastUpdatedAt", e.lastUpdatedAtMillis())
                .bind("versionNumber", e.versionNumber())
                .bind("stepTimeoutMinutes", e.stepTimeoutMinutes())
                .bind("stepDeadline", e.stepDeadlineMillis())
                .bind("forceCanceled", Rows.flag(e.forceCanceled()))
                .bind("retryAttempt", e.retryAttempt())
                .bind("inProgressDeadline", e.inProgressDeadlineMillis())
                .bind("timeoutAt", e.timeoutDeadlineMillis());
    }

    private static Update bindRollout(Update update, RolloutState state) {
        return update
                .bind("jobId", state.jobId())
                .bind("notified", state.notified())
                .bind("remaining", state.remaining())
                .bind("windowStart", state.windowStartMillis())
                .bind("releasedInWindow", state.releasedInWindow())
                .bind("endApplied", Rows.flag(state.endApplied()))
                .bind("dueAt", state.dueAtMillis());
    }

    private static String key(JobExecution e) {
        return e.jobId() + "/" + e.thingName() + "#" + e.executionNumber();
    }

    @Override
    public <A> void attach(Class<A> type, A value) {
        attachments.put(type, type.cast(value));
    }

    @Override
    public <A> Optional<A> attachment(Class<A> type) {
        return Optional.ofNullable(type.cast(attachments.get(type)));
    }

    // console sessions

    @Override
    public void insertConsoleSession(ConsoleSession session) {
        console.insertConsoleSession(session);
    }

    @Override
    public boolean deleteConsoleSession(String tokenHash) {
        return console.deleteConsoleSession(tokenHash);
    }

    @Override
    public int deleteExpiredConsoleSessions(long nowMillis) {
        return console.deleteExpiredConsoleSessions(nowMillis);
    }

    @Override
    public void insertProgressSample(ProgressSample sample) {
        console.insertProgressSample(sample);
    }
}
