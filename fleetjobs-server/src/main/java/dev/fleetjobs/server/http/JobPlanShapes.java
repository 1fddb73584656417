package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.RetryCriterion;
import dev.fleetjobs.core.saferollout.RolloutTimeline;
import dev.fleetjobs.protocol.fleetjobs.FleetjobsMember;
import dev.fleetjobs.protocol.fleetjobs.JobPlanResponse;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.JobPlan;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A dry run's {@link JobPlan} to its wire shape, {@link JobPlanResponse}. */
final class JobPlanShapes {

    static final String ASSUMPTIONS = "Every thing offered is taken to succeed within a minute (only an exponential rate on succeeded "
            + "things depends on it), and every canary gate to pass as soon as its stage is released; in practice the rollout waits "
            + "at each gate until enough of the stage's things finished.";

    private JobPlanShapes() {
    }

    static JobPlanResponse plan(JobPlan plan, Arns arns) {
        JobRunConfig config = plan.runConfig();
        return new JobPlanResponse(plan.valid() ? null : plan.errors().get(0).getMessage(), plan.jobId(), arns.job(plan.jobId()), plan.valid(),
                plan.errors().stream().map(e -> new JobPlanResponse.Error(e.errorType(), e.getMessage())).toList(),
                WireTime.fractionalSeconds(plan.nowMillis()), plan.initialStatus() == null ? null : plan.initialStatus().name(),
                plan.targetSelection().name(), targets(plan.targets()), plan.document(), plan.documentBeforeSubstitution(),
                plan.documentParameters() == null || plan.documentParameters().isEmpty() ? null : plan.documentParameters(),
                ControlPlaneShapes.timeoutConfig(plan.inProgressTimeoutMinutes()), RunConfigShapes.rollout(config),
                RunConfigShapes.abort(config), RunConfigShapes.retry(config), RunConfigShapes.scheduling(config),
                config.canary() == null ? null : new FleetjobsMember(null, SafeRolloutShapes.canaryConfig(config.canary()), null, null, null),
                rollout(plan, config), plan.abort().isEmpty() ? null : plan.abort().stream().map(JobPlanShapes::abort).toList(),
                retry(config));
    }

    private static JobPlanResponse.Targets targets(JobPlan.Targets targets) {
        if (targets == null) {
            return null;
        }
        return new JobPlanResponse.Targets(targets.given(), targets.things(),
                targets.groups().stream().map(g -> new JobPlanResponse.Group(g.groupName(), g.things())).toList(), targets.reached(),
                targets.duplicates(), targets.missingThings(), targets.missingGroups(), targets.withUnfinishedExecution(),
                targets.withUnfinishedExecutionSample());
    }

    private static JobPlanResponse.Rollout rollout(JobPlan plan, JobRunConfig config) {
        RolloutTimeline.Projection timeline = plan.timeline();
        if (timeline == null) {
            return null;
        }
        Long allAt = timeline.allReleasedAtMillis();
        Long minutes = allAt == null ? null : Math.max(0, Math.floorDiv(allAt - plan.nowMillis() + 59_999L, 60_000L));
        List<JobPlanResponse.Release> releases = timeline.segments().stream().map(s -> new JobPlanResponse.Release(
                WireTime.fractionalSeconds(s.firstMillis()), WireTime.fractionalSeconds(s.lastMillis()), s.perRelease(), s.things(),
                s.gateStage() == null ? null : s.gateStage() + 1)).toList();
        return new JobPlanResponse.Rollout(WireTime.fractionalSeconds(allAt), minutes, timeline.unreleased(), releases, timeline.truncated(),
                SafeRolloutShapes.planStages(config.canary(), timeline.canaryStageSizes()), ASSUMPTIONS);
    }

    private static JobPlanResponse.Abort abort(JobPlan.AbortNumbers numbers) {
        return new JobPlanResponse.Abort(numbers.criterion().failureType().name(),
                BigDecimal.valueOf(numbers.criterion().thresholdPercentage()).stripTrailingZeros(),
                numbers.criterion().minNumberOfExecutedThings(), numbers.failuresAtMinimum(), numbers.failuresWhenAllNotified());
    }

    private static JobPlanResponse.Retry retry(JobRunConfig config) {
        if (config.retryCriteria().isEmpty()) {
            return null;
        }
        Map<String, Integer> retries = new LinkedHashMap<>();
        int total = 0;
        for (RetryCriterion criterion : config.retryCriteria()) {
            retries.put(criterion.failureType().name(), criterion.numberOfRetries());
            total += criterion.numberOfRetries();
        }
        return new JobPlanResponse.Retry(retries, 1 + total);
    }
}
