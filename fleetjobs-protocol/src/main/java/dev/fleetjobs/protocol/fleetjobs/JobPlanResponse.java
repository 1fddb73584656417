package dev.fleetjobs.protocol.fleetjobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fleetjobs.protocol.controlplane.AbortConfig;
import dev.fleetjobs.protocol.controlplane.JobExecutionsRetryConfig;
import dev.fleetjobs.protocol.controlplane.JobExecutionsRolloutConfig;
import dev.fleetjobs.protocol.controlplane.SchedulingConfig;
import dev.fleetjobs.protocol.controlplane.TimeoutConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The answer of the dry run ({@code POST /_fleetjobs/jobs/{jobId}/dry-run}): what CreateJob would
 * do with the same body, and every refusal it would give. When CreateJob would create the job the
 * status is 200 and {@code valid} true. When it would refuse it, the answer is the one CreateJob
 * would give (its first refusal's status and {@code x-amzn-ErrorType}, that refusal's text in
 * {@code message}) with this whole plan beside {@code message}: {@code valid} false and every
 * refusal in {@code errors}. Parts whose input was refused are absent.
 *
 * @param message   the first refusal's message, as the AWS error shape has it; absent when valid
 * @param errors    each refusal in the AWS error's terms: its type and message
 * @param status    the status the job would start in: IN_PROGRESS, or SCHEDULED
 * @param document  the document devices would get, parameters substituted
 * @param fleetjobs the job's {@code fleetjobs} member as DescribeJob would show it (its canary stages)
 * @param rollout   when the things would be released
 * @param abort     each abort criterion in numbers of failures
 * @param retry     how often a thing may be tried
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobPlanResponse(String message, String jobId, String jobArn, boolean valid, List<Error> errors, BigDecimal plannedAt, String status,
                              String targetSelection, Targets targets, String document, String documentBeforeSubstitution,
                              Map<String, String> documentParameters, TimeoutConfig timeoutConfig,
                              JobExecutionsRolloutConfig jobExecutionsRolloutConfig, AbortConfig abortConfig,
                              JobExecutionsRetryConfig jobExecutionsRetryConfig, SchedulingConfig schedulingConfig,
                              FleetjobsMember fleetjobs, Rollout rollout, List<Abort> abort, Retry retry) {

    /** One refusal: {@code errorType} is what {@code x-amzn-ErrorType} would say. */
    public record Error(String errorType, String message) {
    }

    /**
     * What the targets reach, counted as the rollout gives executions.
     *
     * @param given                    target ARNs in the request
     * @param things                   named things that exist
     * @param thingGroups              each target group that exists and the distinct things it reaches, subgroups included
     * @param reached                  distinct things in all: how many executions the job would create
     * @param duplicates               things reached more than once, counted each extra time
     * @param withUnfinishedExecution  things reached that have a QUEUED or IN_PROGRESS execution of a job with this id
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Targets(int given, List<String> things, List<Group> thingGroups, long reached, long duplicates,
                          List<String> missingThings, List<String> missingThingGroups, long withUnfinishedExecution,
                          List<String> withUnfinishedExecutionSample) {
    }

    public record Group(String thingGroupName, long things) {
    }

    /**
     * When the things would be released.
     *
     * @param allReleasedAt        when the last thing would be released; absent when that never happens
     * @param minutesToReleaseAll  from now until then, rounded up
     * @param unreleased           things never released (the schedule ends first, or beyond five years)
     * @param releases             runs of releases at one rate in consecutive minutes
     * @param truncated            more runs followed than are listed
     * @param canaryStages         the things each canary stage releases
     * @param assumptions          what the projection cannot know and assumes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rollout(BigDecimal allReleasedAt, Long minutesToReleaseAll, long unreleased, List<Release> releases, boolean truncated,
                          List<CanaryStage> canaryStages, String assumptions) {
    }

    /** {@code things} things released {@code perRelease} at a time, once a minute, from {@code from} to {@code to}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Release(BigDecimal from, BigDecimal to, long perRelease, long things, Integer canaryStage) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CanaryStage(int stage, long things, long minFinishedThings, BigDecimal minSuccessPercentage, String onFailure) {
    }

    /**
     * @param failuresToAbortAtMinimum        failures that abort the job once {@code minNumberOfExecutedThings} things were notified
     * @param failuresToAbortWhenAllNotified  failures that abort it once every thing reached was notified; absent when they are too few
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Abort(String failureType, BigDecimal thresholdPercentage, int minNumberOfExecutedThings, long failuresToAbortAtMinimum,
                        Long failuresToAbortWhenAllNotified) {
    }

    /** @param maxExecutionsPerThing  a thing's first execution and every retry it may get */
    public record Retry(Map<String, Integer> retriesByFailureType, int maxExecutionsPerThing) {
    }
}
