package dev.fleetjobs.store;

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
import java.util.Collection;
import java.util.Optional;
import java.util.List;

/**
 * Reads and writes inside one transaction. Updates are checked against version numbers so that
 * a store shared by several nodes refuses a lost update with {@link StoreConflictException}.
 */
public interface StoreTransaction extends StoreReader {

    // things

    /** Inserts a new thing; fails with {@link StoreConflictException} when the name is taken. */
    void insertThing(Thing thing);

    /** Replaces the stored thing, whose stored {@code version} must be exactly one less than {@code updated}'s. */
    void updateThing(Thing updated);

    /**
     * Deletes the thing and its group memberships; its executions stay (they name it by thing
     * name). Returns whether it existed.
     */
    boolean deleteThing(String thingName);

    // thing groups

    /** Inserts a new group under its parent (which must exist); fails with {@link StoreConflictException} when the name is taken. */
    void insertThingGroup(ThingGroup group);

    /** Replaces the stored group's description and attributes; its stored {@code version} must be one less than {@code updated}'s. */
    void updateThingGroup(ThingGroup updated);

    /** Deletes a group that has no subgroups, with its memberships. Returns whether it existed. */
    boolean deleteThingGroup(String groupName);

    /** Makes the thing (which must exist) a member of the group. Returns false when it already was. */
    boolean addThingToGroup(String groupName, String thingName);

    /** Returns whether the thing was a member. */
    boolean removeThingFromGroup(String groupName, String thingName);

    // jobs

    /** Inserts a new job; fails with {@link StoreConflictException} when the id is taken. */
    void insertJob(Job job);

    /** Replaces the stored job of the same id. */
    void updateJob(Job job);

    /** Records that the job targets the group; nothing happens when it already did. */
    void addJobTargetGroup(String jobId, JobTargetGroup group);

    /** Deletes the job with everything that belongs to it but its executions, which must be gone already. Returns whether it existed. */
    boolean deleteJob(String jobId);

    // executions

    /** Inserts a new execution; (jobId, thingName, executionNumber) must be new. */
    void insertExecution(JobExecution execution);

    /** Inserts new executions at once, as a rollout does; each must be new, as with {@link #insertExecution}. */
    void insertExecutions(List<JobExecution> executions);

    /**
     * Replaces the stored execution with the same (jobId, thingName, executionNumber), whose
     * stored {@code versionNumber} must be exactly one less than {@code updated}'s.
     */
    void updateExecution(JobExecution updated);

    /** Deletes one execution. Returns whether it existed. */
    boolean deleteExecution(String jobId, String thingName, long executionNumber);

    /** The number the next execution of this job on this thing gets: one more than the highest so far, 1 for the first. */
    long nextExecutionNumber(String jobId, String thingName);

    /**
     * Attaches a value to this unit of work, one per type, for as long as the unit runs: whoever
     * submits the unit (a wrapper collecting device notifications, say) leaves state here for the
     * rules the unit calls.
     */
    <A> void attach(Class<A> type, A value);

    /** The value attached to this unit of work with {@link #attach}, if any. */
    <A> Optional<A> attachment(Class<A> type);

    // rollouts
    /** Inserts the rollout state of a job and the things still to be offered it, in the order given. */
    void insertRollout(RolloutState state, List<String> targets);

    /** Replaces the stored rollout state of the same job. */
    void updateRollout(RolloutState state);

    /** Appends things to those still to be offered the job, after the ones already waiting, in the order given. */
    void addRolloutTargets(String jobId, List<String> targets);

    /** Removes and returns the next {@code limit} things still to be offered the job, in order. */
    List<String> takeRolloutTargets(String jobId, int limit);

    /** Removes every thing still to be offered the job. */
    void clearRolloutTargets(String jobId);

    // background work

    /** Stores new work and returns it with its key. */
    JobWork insertJobWork(JobWork work);

    /** Stores the work's new cursor and moves it to the back of the turn order. */
    void updateJobWork(JobWork work);

    void deleteJobWork(long seq);

    // safe rollouts (Fleetjobs' own)

    /** Pauses the job, or resumes it when {@code pause} is null; the job's other columns are left as they are. */
    void setJobPause(String jobId, JobPause pause);

    /** Stores where the job's canary stages stand, replacing what was stored. */
    void putCanaryProgress(CanaryProgress progress);

    /** Records things a canary stage released; each must be new to the stage. */
    void addCanaryStageThings(String jobId, int stage, List<String> thingNames);

    /** Records a gate's decision; a stage's gate decides once. */
    void insertGateDecision(GateDecision decision);

    void insertRollbackLink(RollbackLink link);

    // job templates

    /** Inserts a new template; fails with {@link StoreConflictException} when the id is taken. */
    void insertJobTemplate(JobTemplate template);

    /** Returns whether it existed. */
    boolean deleteJobTemplate(String jobTemplateId);

    // tags

    /** Adds the tags, replacing the values of keys the resource already has. */
    void putTags(String resourceArn, Collection<Tag> tags);

    void removeTags(String resourceArn, Collection<String> keys);

    /** Removes every tag of the resource, as when it is deleted. */
    void deleteTags(String resourceArn);

    // console sessions and progress samples

    /** Fails with {@link StoreConflictException} when the token hash is taken. */
    void insertConsoleSession(ConsoleSession session);

    /** Returns whether it existed. */
    boolean deleteConsoleSession(String tokenHash);

    /** Deletes the sessions expired at {@code nowMillis}; returns how many. */
    int deleteExpiredConsoleSessions(long nowMillis);

    /** Stores a sample unless the job already has one at that instant (another node took it). */
    void insertProgressSample(ProgressSample sample);

    // several nodes on one database

    /**
     * Holds the thing's pending executions for the rest of this transaction: another transaction
     * that asks for the same thing waits until this one ends, and reads after this call see every
     * change committed before it. A database with a single writer has nothing to wait for.
     */
    void lockThing(String thingName);

    /** As {@link #lockThing}, for the job's counts, rollout and completion. */
    void lockJob(String jobId);

    /** Stores the setting unless it exists; returns whether it was stored. Nodes starting at once agree on the first. */
    boolean insertSetting(String name, String value);

    /** Stores the setting, replacing its value. */
    void putSetting(String name, String value);

    /**
     * Appends messages to the change feed. They are numbered when the transaction commits, after
     * every entry committed before, and become visible to {@link StoreReader#feedAfter} then.
     */
    void appendFeed(List<FeedMessage> messages);

    /** Forgets feed entries appended before {@code epochMillis} (by the wall clock). */
    void pruneFeed(long epochMillis);
}
