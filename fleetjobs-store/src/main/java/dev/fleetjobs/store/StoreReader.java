package dev.fleetjobs.store;

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
import dev.fleetjobs.core.saferollout.CanaryProgress;
import dev.fleetjobs.core.saferollout.GateDecision;
import dev.fleetjobs.core.saferollout.JobPause;
import dev.fleetjobs.core.saferollout.RollbackLink;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Queries. Paged queries take an opaque cursor (null for the first page) made by the store; a
 * cursor it did not make is refused with {@code InvalidRequestException}. Pages stay correct
 * while rows are inserted concurrently: a row is never returned twice.
 */
public interface StoreReader {

    // things

    Optional<Thing> findThing(String thingName);

    /** Things ordered by name. */
    default Page<Thing> things(String cursor, int limit) {
        return things(ThingQuery.ALL, cursor, limit);
    }

    /** Things matching the query, ordered by name. */
    Page<Thing> things(ThingQuery query, String cursor, int limit);

    // thing groups

    Optional<ThingGroup> findThingGroup(String groupName);

    /** Names of the groups matching the query, ordered by name. */
    Page<String> thingGroupNames(ThingGroupQuery query, String cursor, int limit);

    long childGroupCount(String groupName);

    /** Every group the thing is directly in (at most ten), ordered by name. */
    List<ThingGroup> groupsOfThing(String thingName);

    /** Names of the groups the thing is directly in, ordered by name. */
    Page<String> groupNamesOfThing(String thingName, String cursor, int limit);

    /**
     * Names of the things in the group and, when {@code recursive}, in its subgroups at any depth
     * (a thing is in at most one group of a hierarchy, so it appears once), group by group.
     *
     * @param joinedUpTo  only memberships whose sequence is at most this, see {@link #lastMembershipSeq()}
     */
    Page<String> thingsInGroup(String groupName, boolean recursive, long joinedUpTo, String cursor, int limit);

    /** The sequence of the latest membership so far: every later one is higher. 0 before the first. */
    long lastMembershipSeq();

    // jobs

    Optional<Job> findJob(String jobId);

    /** Jobs matching the query, ordered by id. */
    Page<Job> jobs(JobQuery query, String cursor, int limit);

    long countJobs(JobStatus status);

    /** The groups the job targets, ordered by name. */
    List<JobTargetGroup> jobTargetGroups(String jobId);

    /** IN_PROGRESS CONTINUOUS jobs that target at least one of the groups, ordered by id. */
    List<Job> continuousJobsTargeting(Collection<String> groupNames);

    // executions

    /** The execution with that number, or the latest one of the job on the thing when the number is empty. */
    Optional<JobExecution> findExecution(String jobId, String thingName, OptionalLong executionNumber);

    /** The latest execution of the job on each of the things that have one, by thing name. */
    Map<String, JobExecution> latestExecutions(String jobId, Collection<String> thingNames);

    /**
     * The thing's pending executions in the order devices are offered them: all IN_PROGRESS before
     * all QUEUED, each group oldest-queued first, ties broken by creation order.
     */
    List<JobExecution> pendingExecutions(String thingName, int limit);

    /** A job's executions, optionally of one status, in creation order. */
    Page<JobExecution> executionsForJob(String jobId, ExecutionStatus statusOrNull, String cursor, int limit);

    /** A thing's executions, optionally of one status, in creation order. */
    default Page<JobExecution> executionsForThing(String thingName, ExecutionStatus statusOrNull, String cursor, int limit) {
        return executionsForThing(thingName, statusOrNull, null, cursor, limit);
    }

    /** A thing's executions, optionally of one status and of one job, in creation order. */
    Page<JobExecution> executionsForThing(String thingName, ExecutionStatus statusOrNull, String jobIdOrNull, String cursor,
                                          int limit);

    /** How many executions of the job are in each status. */
    JobProgress progress(String jobId);

    /**
     * The pending executions a device is offered, in {@link #pendingExecutions} order: every
     * IN_PROGRESS one, and the QUEUED ones whose job is not SCHEDULED.
     */
    List<OfferedExecution> offeredExecutions(String thingName, int limit);

    /** Every execution of the job on the thing, in execution-number order. */
    List<JobExecution> executionHistory(String jobId, String thingName);

    /** IN_PROGRESS executions whose timeout deadline is at or before {@code nowMillis}, earliest deadline first. */
    List<JobExecution> expiredExecutions(long nowMillis, int limit);

    Optional<RolloutState> findRollout(String jobId);

    /** Jobs whose rollout is due at or before {@code nowMillis}, earliest first. */
    List<String> dueRollouts(long nowMillis, int limit);

    /** The earliest timeout deadline or rollout due time, if any. */
    OptionalLong nextDueMillis();

    /** Whether any certificate is attached to the thing (AWS refuses to delete such a thing). */
    boolean hasPrincipals(String thingName);

    // background work

    /** The job's unfinished background work, oldest first. */
    List<JobWork> jobWork(String jobId);

    /** The work whose turn it is: the one that waited longest since its last step. */
    Optional<JobWork> nextJobWork();

    // safe rollouts (Fleetjobs' own): pause, canary gates, rollback links

    /** The job's pause, when it is paused. */
    Optional<JobPause> findJobPause(String jobId);

    /** Where the job's canary stages stand; empty before its first release. */
    Optional<CanaryProgress> findCanaryProgress(String jobId);

    /** What the job's canary gates decided, first stage first. */
    List<GateDecision> gateDecisions(String jobId);

    /** Whether the thing is one of those the job's canary stage released. */
    boolean isCanaryStageThing(String jobId, int stage, String thingName);

    /** The things a canary stage of the job released, counted by the status of their latest execution of the job. */
    Map<ExecutionStatus, Long> canaryStageStatuses(String jobId, int stage);

    /** The link of a rollback job to the job it undoes; empty for any other job. */
    Optional<RollbackLink> findRollbackLink(String jobId);

    /** The rollback jobs made of a job, oldest first. */
    List<RollbackLink> rollbacksOf(String originalJobId);

    /** Names of the things whose latest execution of the job has one of the statuses, ordered by name. */
    Page<String> thingsWithLatestStatus(String jobId, Collection<ExecutionStatus> statuses, String cursor, int limit);

    /**
     * How many distinct existing things the targets reach: the named things and the members of
     * the groups and their subgroups that joined up to {@code joinedUpTo}; and which of them have
     * a pending execution of {@code jobId}, the first {@code sampleLimit} by name.
     */
    TargetReach targetReach(Collection<String> thingNames, Collection<String> groupNames, long joinedUpTo, String jobId,
                            int sampleLimit);

    // job templates

    Optional<JobTemplate> findJobTemplate(String jobTemplateId);

    /** Templates ordered by id. */
    Page<JobTemplate> jobTemplates(String cursor, int limit);

    // tags

    /** The resource's tags ordered by key. */
    Page<Tag> tags(String resourceArn, String cursor, int limit);

    long countTags(String resourceArn);

    // the console and fleet-wide views

    Optional<ConsoleSession> findConsoleSession(String tokenHash);

    /** How many jobs are in each status; statuses without jobs are absent. */
    Map<JobStatus, Long> jobCountsByStatus();

    /** Targets of in-progress jobs that their rollouts have not offered yet (one row per job is summed). */
    long rolloutWaitingTargets();

    /** How many executions of all jobs are in each status; statuses without executions are absent. */
    Map<ExecutionStatus, Long> executionCountsByStatus();

    /** The latest FAILED, TIMED_OUT and REJECTED executions of the fleet, latest first. */
    List<JobExecution> latestFailures(int limit);

    /** The job's progress samples taken at or after {@code fromMillis}, oldest first. */
    List<ProgressSample> progressSamples(String jobId, long fromMillis);

    Optional<ProgressSample> latestProgressSample(String jobId);

    /** Ids of the jobs whose progress is sampled: running ones and those changed at or after {@code sinceMillis}. */
    List<String> jobsToSample(long sinceMillis);

    /** Jobs matching the query (its group id excepted) whose id starts with {@code idPrefix}, ordered by id. */
    Page<Job> jobsWithIdPrefix(JobQuery query, String idPrefix, String cursor, int limit);

    // what the nodes of a shared database agree on

    /** A setting every node shares (see {@link StoreTransaction#insertSetting}). */
    Optional<String> setting(String name);

    // the change feed

    /** Committed feed entries after {@code afterSeq}, in commit order. */
    List<FeedEntry> feedAfter(long afterSeq, int limit);

    /** The number of the last committed feed entry; 0 before the first. */
    long feedEnd();
}
