package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.saferollout.RollbackLink;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Problems;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.StoreTransaction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rollback jobs (Fleetjobs' own): a new job, with its own document and run configuration, that
 * targets exactly the things whose latest execution of the original job has one of the chosen
 * statuses, chosen in the transaction that creates it. The original is canceled first when asked
 * and still running. The new job's {@code targets} are those things' ARNs when they are at most a
 * hundred (AWS's limit on a job's targets), else the original's targets, which reached them all.
 */
final class RollbackJobs {

    static final String SUFFIX = "-rollback";
    /** The reason code of an original job canceled by its rollback. */
    static final String CANCEL_REASON_CODE = "ROLLED_BACK";
    private static final int MAX_DERIVED = 99;
    private static final int PAGE = 1000;

    private final JobPlanner planner;
    private final Arns arns;

    RollbackJobs(JobPlanner planner, Arns arns) {
        this.planner = planner;
        this.arns = arns;
    }

    /** The checks that need no store; the rollback job's id, when not given, is checked once derived. */
    JobPlanner.Checked check(RollbackCommand command, long nowMillis) {
        Validator.jobId("jobId", command.originalJobId());
        Problems problems = new Problems();
        if (command.statuses() != null && command.statuses().isEmpty()) {
            problems.add(Validator.invalid("statuses", "[]", "Member must have length greater than or equal to 1"));
        }
        String jobId = command.jobId() != null ? command.jobId() : derivedId(command.originalJobId(), 1);
        JobPlanner.Checked checked = planner.check(createCommand(command, jobId, List.of()), Set.of("targets"), nowMillis, problems);
        problems.throwFirst();
        return checked;
    }

    /** Creates the rollback job in the caller's transaction. */
    RollbackResult create(StoreTransaction tx, RollbackCommand command, JobPlanner.Checked checked, long nowMillis) {
        Job original = tx.findJob(command.originalJobId()).orElseThrow(() -> NotFound.job(command.originalJobId()));
        if (original.status() == JobStatus.DELETION_IN_PROGRESS) {
            throw new InvalidRequestException("Job " + original.jobId() + " is being deleted and cannot be rolled back.");
        }
        String jobId = command.jobId() != null ? command.jobId() : freeId(tx, command.originalJobId());
        JobPlanner.Checked forId = jobId.equals(checked.command().jobId()) ? checked
                : new JobPlanner.Checked(createCommand(command, jobId, List.of()), null, null, checked.parameters(), checked.tags(),
                        TargetSelection.SNAPSHOT, checked.runConfigValid());
        Problems problems = new Problems();
        JobPlanner.Resolved resolved = planner.resolve(tx, forId, problems);
        problems.throwFirst();
        boolean cancel = command.cancelOriginal() && ExecutionFollowUps.isRunning(original);
        if (cancel) {
            // All at once, as an abort does: the things are chosen by their statuses right after.
            JobCancellation.cancel(tx, original, false, CANCEL_REASON_CODE, "Canceled to be rolled back by job " + jobId + ".",
                    nowMillis);
        }
        List<ExecutionStatus> statuses = List.copyOf(new LinkedHashSet<>(command.effectiveStatuses()));
        long count = 0;
        String cursor = null;
        Job job = null;
        do {
            Page<String> page = tx.thingsWithLatestStatus(original.jobId(), statuses, cursor, PAGE);
            if (job == null && page.items().isEmpty()) {
                throw new InvalidRequestException("No thing's latest execution of job " + original.jobId() + " is " + statuses
                        + ": there is nothing to roll back.");
            }
            if (job == null) {
                job = insert(tx, forId, resolved, original, page.nextCursor() == null ? page.items() : List.of(), nowMillis);
            }
            JobRollouts.enqueue(tx, job, page.items(), nowMillis);
            count += page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        JobRollouts.advance(tx, job.jobId(), nowMillis);
        RollbackLink link = new RollbackLink(job.jobId(), original.jobId(), statuses, count, cancel, nowMillis);
        tx.insertRollbackLink(link);
        return new RollbackResult(tx.findJob(job.jobId()).orElseThrow(), link);
    }

    private Job insert(StoreTransaction tx, JobPlanner.Checked checked, JobPlanner.Resolved resolved, Job original,
                       List<String> allThings, long nowMillis) {
        List<String> targets = !allThings.isEmpty() && allThings.size() <= Constraints.TARGETS_MAX
                ? allThings.stream().map(arns::thing).toList() : original.targets();
        Job job = planner.newJob(new JobPlanner.Checked(createCommand(checked.command(), targets), checked.targets(), null,
                checked.parameters(), checked.tags(), TargetSelection.SNAPSHOT, checked.runConfigValid()), resolved, nowMillis);
        tx.insertJob(job);
        tx.putTags(arns.job(job.jobId()), checked.tags());
        JobRollouts.begin(tx, job);
        return job;
    }

    private static CreateJobCommand createCommand(RollbackCommand command, String jobId, List<String> targets) {
        return new CreateJobCommand(jobId, targets, command.document(), command.description(), TargetSelection.SNAPSHOT,
                command.inProgressTimeoutMinutes(), command.runConfig(), null, null, command.tags());
    }

    private static CreateJobCommand createCommand(CreateJobCommand command, List<String> targets) {
        return new CreateJobCommand(command.jobId(), targets, command.document(), command.description(), command.targetSelection(),
                command.inProgressTimeoutMinutes(), command.runConfig(), null, null, command.tags());
    }

    /** {@code <original>-rollback}, then {@code -rollback-2} and on, the first that is free. */
    private static String freeId(StoreTransaction tx, String originalJobId) {
        for (int n = 1; n <= MAX_DERIVED; n++) {
            String candidate = derivedId(originalJobId, n);
            if (tx.findJob(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new InvalidRequestException("Job " + originalJobId + " was rolled back " + MAX_DERIVED
                + " times already; give the rollback job an id of your own.");
    }

    static String derivedId(String originalJobId, int n) {
        String suffix = n == 1 ? SUFFIX : SUFFIX + "-" + n;
        int room = Constraints.JOB_ID_MAX - suffix.length();
        return (originalJobId.length() > room ? originalJobId.substring(0, room) : originalJobId) + suffix;
    }
}
