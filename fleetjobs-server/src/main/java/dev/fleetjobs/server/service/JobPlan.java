package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.JobsServiceException;
import dev.fleetjobs.core.model.AbortCriterion;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.saferollout.RolloutTimeline;
import java.util.List;
import java.util.Map;

/**
 * What CreateJob would do with a request, worked out without creating anything (a dry run): every
 * refusal it would give, the things its targets reach, the document it would send, and how its
 * rollout, abort criteria and timeouts would play out in numbers. Parts that cannot be known
 * because their input was refused are null.
 *
 * @param errors            every refusal CreateJob would give, in the order it checks; empty when it would create the job
 * @param initialStatus     IN_PROGRESS, or SCHEDULED before the schedule's start or outside its windows
 * @param document          the document devices would get, parameters substituted
 * @param runConfig         the run configuration with the blocks its template gives
 * @param timeline          when the things would be released
 * @param abort             each abort criterion in numbers of failures
 */
public record JobPlan(String jobId, List<JobsServiceException> errors, long nowMillis, JobStatus initialStatus,
                      TargetSelection targetSelection, Targets targets, String document, String documentBeforeSubstitution,
                      Map<String, String> documentParameters, JobRunConfig runConfig, Long inProgressTimeoutMinutes,
                      RolloutTimeline.Projection timeline, List<AbortNumbers> abort) {

    public JobPlan {
        errors = List.copyOf(errors);
        abort = List.copyOf(abort);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /**
     * The things the targets reach, counted the way the rollout gives executions: groups with
     * their subgroups, each thing once however many targets reach it.
     *
     * @param given                          target ARNs in the request
     * @param things                         thing targets that exist
     * @param groups                         each target group that exists, with the things it reaches
     * @param reached                        distinct things in all
     * @param duplicates                     things reached more than once, counted each extra time
     * @param withUnfinishedExecution        of the things reached, those with a QUEUED or IN_PROGRESS execution of a job with this id
     * @param withUnfinishedExecutionSample  the first of them by name
     */
    public record Targets(int given, List<String> things, List<GroupReach> groups, long reached, long duplicates,
                          List<String> missingThings, List<String> missingGroups, long withUnfinishedExecution,
                          List<String> withUnfinishedExecutionSample) {

        public Targets {
            things = List.copyOf(things);
            groups = List.copyOf(groups);
            missingThings = List.copyOf(missingThings);
            missingGroups = List.copyOf(missingGroups);
            withUnfinishedExecutionSample = List.copyOf(withUnfinishedExecutionSample);
        }
    }

    /** A target group and the distinct things it reaches, its subgroups' included. */
    public record GroupReach(String groupName, long things) {
    }

    /**
     * An abort criterion in numbers.
     *
     * @param failuresAtMinimum        failures that abort the job once {@code minNumberOfExecutedThings} things were notified
     * @param failuresWhenAllNotified  failures that abort it once every thing reached was notified; null when they are too few for the criterion
     */
    public record AbortNumbers(AbortCriterion criterion, long failuresAtMinimum, Long failuresWhenAllNotified) {
    }
}
