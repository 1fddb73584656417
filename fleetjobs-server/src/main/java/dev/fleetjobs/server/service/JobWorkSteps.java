package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.StoreTransaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One bounded batch of a job's background work, inside a write transaction: a rollout gives the
 * next things of a group target their executions, a cancel cancels the next pending executions,
 * a delete deletes the next executions and finally the job. Work is stored, so a batch picks up
 * where the last one stopped, even after a restart; memory never holds more than one batch.
 */
final class JobWorkSteps {

    private final Arns arns;

    JobWorkSteps(Arns arns) {
        this.arns = arns;
    }

    /**
     * Runs the job's work now, in the caller's transaction, until it is done or {@code budget}
     * things or executions were handled. Small jobs are thus finished when the request returns.
     *
     * @return whether work is left for the background
     */
    boolean runInline(StoreTransaction tx, String jobId, int budget, long nowMillis) {
        int left = budget;
        for (JobWork work : tx.jobWork(jobId)) {
            if (left <= 0) {
                break;
            }
            left -= step(tx, work, left, nowMillis);
        }
        return !tx.jobWork(jobId).isEmpty();
    }

    /** Does at most {@code budget} of the work and removes it once it is done; returns how much it did (at least 1). */
    int step(StoreTransaction tx, JobWork work, int budget, long nowMillis) {
        int done = switch (work.kind()) {
            case ROLLOUT -> rollout(tx, work, budget, nowMillis);
            case CANCEL -> JobCancellation.cancelBatch(tx, work, budget, nowMillis);
            case DELETE -> delete(tx, work, budget, nowMillis);
        };
        return Math.max(1, done);
    }

    /**
     * Gives each thing an execution of the job unless it has one already, so a thing reached
     * through several targets gets one; a thing whose last execution was REMOVED (it had left
     * the job's targets) gets a new one.
     *
     * @return the things that got their first execution of the job, in the order given
     */
    static List<String> ensureExecutions(StoreTransaction tx, String jobId, Collection<String> thingNames, long nowMillis) {
        Set<String> distinct = new LinkedHashSet<>(thingNames);
        Map<String, JobExecution> latest = tx.latestExecutions(jobId, distinct);
        List<JobExecution> created = new ArrayList<>();
        List<String> first = new ArrayList<>();
        for (String thingName : distinct) {
            JobExecution last = latest.get(thingName);
            if (last == null) {
                first.add(thingName);
            }
            if (last == null || last.status() == ExecutionStatus.REMOVED) {
                created.add(JobExecution.queued(jobId, thingName, last == null ? 1 : last.executionNumber() + 1, nowMillis));
            }
        }
        ExecutionChanges.createAll(tx, created);
        return first;
    }

    /** The expansion of the job's group targets ends where it is: no more of their things are reached. */
    static void stopExpansion(StoreTransaction tx, String jobId) {
        tx.jobWork(jobId).stream().filter(work -> work.kind() == JobWork.Kind.ROLLOUT).forEach(work -> tx.deleteJobWork(work.seq()));
    }

    /**
     * The next things of a group target are offered the job: given executions, or put in the
     * rollout's queue when the job has a rollout rate or a schedule (see {@link JobRollouts#offer}).
     */
    private int rollout(StoreTransaction tx, JobWork work, int budget, long nowMillis) {
        Optional<Job> job = tx.findJob(work.jobId());
        if (job.isEmpty() || !ExecutionFollowUps.isRunning(job.get())) {
            tx.deleteJobWork(work.seq());
            return 0;
        }
        Page<String> things = tx.thingsInGroup(work.groupName(), true, work.membershipCut(), work.cursor(), budget);
        if (things.nextCursor() == null) {
            tx.deleteJobWork(work.seq());
        } else {
            tx.updateJobWork(work.at(things.nextCursor()));
        }
        JobRollouts.offer(tx, job.get(), things.items(), nowMillis);
        ExecutionChanges.completeJobIfDone(tx, work.jobId(), nowMillis);
        return things.items().size();
    }

    private int delete(StoreTransaction tx, JobWork work, int budget, long nowMillis) {
        Page<JobExecution> page = tx.executionsForJob(work.jobId(), null, null, budget);
        for (JobExecution execution : page.items()) {
            ExecutionChanges.delete(tx, execution, nowMillis);
        }
        if (page.nextCursor() == null) {
            tx.deleteTags(arns.job(work.jobId()));
            tx.deleteJob(work.jobId());
        } else {
            tx.updateJobWork(work);
        }
        return page.items().size();
    }
}
