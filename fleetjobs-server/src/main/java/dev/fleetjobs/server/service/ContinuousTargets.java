package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.ThingGroup;
import dev.fleetjobs.core.rules.JobTargets;
import dev.fleetjobs.store.StoreTransaction;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Continuous jobs follow group membership: a thing that becomes a target of an IN_PROGRESS
 * CONTINUOUS job (it joins a targeted group, or a group under one, and was not a target already)
 * gets a new execution, even when an earlier one ended; a thing that stops being a target has its
 * pending execution REMOVED.
 */
final class ContinuousTargets {

    private final Arns arns;

    ContinuousTargets(Arns arns) {
        this.arns = arns;
    }

    /** Whether some IN_PROGRESS continuous job targets the group or one of its ancestors. */
    boolean followed(StoreTransaction tx, ThingGroup group) {
        return !tx.continuousJobsTargeting(group.lineage()).isEmpty();
    }

    /** After the thing joined {@code group}; {@code groupsBefore} are the groups it was in until then. */
    void thingJoined(StoreTransaction tx, ThingGroup group, String thingName, List<ThingGroup> groupsBefore, long nowMillis) {
        for (Job job : tx.continuousJobsTargeting(group.lineage())) {
            if (targetsOf(job).reaches(thingName, groupsBefore)) {
                continue;
            }
            Optional<JobExecution> latest = tx.findExecution(job.jobId(), thingName, OptionalLong.empty());
            if (latest.isEmpty() || !latest.get().status().isPending()) {
                long number = latest.map(e -> e.executionNumber() + 1).orElse(1L);
                ExecutionChanges.create(tx, JobExecution.queued(job.jobId(), thingName, number, nowMillis));
            }
        }
    }

    /** After the thing left {@code group}; {@code groupsAfter} are the groups it is still in. */
    void thingLeft(StoreTransaction tx, ThingGroup group, String thingName, List<ThingGroup> groupsAfter, long nowMillis) {
        for (Job job : tx.continuousJobsTargeting(group.lineage())) {
            if (targetsOf(job).reaches(thingName, groupsAfter)) {
                continue;
            }
            tx.findExecution(job.jobId(), thingName, OptionalLong.empty())
                    .filter(execution -> execution.status().isPending())
                    .ifPresent(execution -> remove(tx, execution, nowMillis));
        }
    }

    private static void remove(StoreTransaction tx, JobExecution execution, long nowMillis) {
        ExecutionChanges.change(tx, execution.withServiceStatus(ExecutionStatus.REMOVED, false, null, nowMillis), nowMillis);
    }

    private JobTargets targetsOf(Job job) {
        return arns.targets("targets", job.targets());
    }
}
