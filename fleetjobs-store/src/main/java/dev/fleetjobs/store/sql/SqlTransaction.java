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
import dev.fleetjobs.store.JobTargetGroup;
import dev.fleetjobs.store.StoreConflictException;
import dev.fleetjobs.store.StoreTransaction;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/** The writes, on the writer connection inside the current batch's transaction and savepoint. */
final class SqlTransaction extends SqlReader implements StoreTransaction {

    private final Map<Class<?>, Object> attachments = new HashMap<>();
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
        run("insertThing " + thing.thingName(), h -> h.createUpdate(Sql.INSERT_THING)
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
            run("insertThingAttribute", h -> h.createUpdate(Sql.INSERT_THING_ATTRIBUTE).bind("thingName", thing.thingName())
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
        run("insertJob " + job.jobId(), h -> bindJob(h.createUpdate(Sql.INSERT_JOB), job).execute());
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
        jobs.remove(jobId);
        return run("deleteJob", h -> h.createUpdate(Sql.DELETE_JOB).bind("jobId", jobId).execute()) > 0;
    }

    @Override
    public void insertExecution(JobExecution execution) {
        run("insertExecution " + key(execution), h -> bindExecution(h.createUpdate(Sql.INSERT_EXECUTION), execution).execute());
        addToCount(execution.jobId(), execution.status(), 1);
    }

    /** One batched insert, and one count change per status instead of one per row. */
    @Override
    public void insertExecutions(List<JobExecution> executions) {
        if (executions.isEmpty()) {
            return;
        }
        run("insertExecutions", h -> {
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

    private record CountKey(String jobId, ExecutionStatus status) {
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
        run("insertRollout " + state.jobId(), h -> bindRollout(h.createUpdate(Sql.INSERT_ROLLOUT), state).execute());
        insertRolloutTargets(state.jobId(), 0, targets);
    }

    private void insertRolloutTargets(String jobId, int firstPosition, List<String> targets) {
        run("insertRolloutTargets " + jobId, h -> {
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
        run("addToCount", h -> h.createUpdate(Sql.ADD_TO_COUNT)
                .bind("jobId", jobId).bind("status", status.name()).bind("delta", delta).execute());
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
                .bind("forceCanceled", job.forceCanceled())
                .bind("reasonCode", job.reasonCode())
                .bind("comment", job.comment())
                .bind("createdAt", job.createdAtMillis())
                .bind("lastUpdatedAt", job.lastUpdatedAtMillis())
                .bind("completedAt", job.completedAtMillis())
                .bind("runConfig", Json.writeRunConfig(job.runConfig()))
                .bind("windowed", job.runConfig().hasMaintenanceWindows())
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
                .bind("forceCanceled", e.forceCanceled())
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
                .bind("endApplied", state.endApplied())
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
}
