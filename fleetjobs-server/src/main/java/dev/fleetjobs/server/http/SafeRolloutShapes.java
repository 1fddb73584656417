package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.CanaryConfig;
import dev.fleetjobs.core.model.CanaryStage;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.saferollout.CanaryProgress;
import dev.fleetjobs.core.saferollout.GateDecision;
import dev.fleetjobs.core.saferollout.JobPause;
import dev.fleetjobs.core.saferollout.RollbackLink;
import dev.fleetjobs.protocol.fleetjobs.CanaryStatus;
import dev.fleetjobs.protocol.fleetjobs.FleetjobsMember;
import dev.fleetjobs.protocol.fleetjobs.Pause;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.JobDetails;
import dev.fleetjobs.server.service.SafeRolloutState;
import java.math.BigDecimal;
import java.util.List;

/** Safe-rollout values to Fleetjobs' own wire shapes: the {@code fleetjobs} member of jobs and templates, and the parts its MQTT events share. */
public final class SafeRolloutShapes {

    private final Arns arns;

    SafeRolloutShapes(Arns arns) {
        this.arns = arns;
    }

    /** The job's {@code fleetjobs} member, or null when nothing of it applies (AWS's own jobs look exactly as before). */
    FleetjobsMember member(JobDetails details) {
        Job job = details.job();
        SafeRolloutState state = details.safeRollout();
        CanaryConfig canary = job.runConfig().canary();
        if (canary == null && state.isEmpty()) {
            return null;
        }
        return new FleetjobsMember(pause(state.pause()), canaryConfig(canary),
                canary == null ? null : canaryStatus(canary, state.canary(), state.decisions()),
                state.rollbackOf() == null ? null : link(state.rollbackOf(), state.rollbackOf().originalJobId()),
                state.rollbacks().isEmpty() ? null : state.rollbacks().stream().map(l -> link(l, l.jobId())).toList());
    }

    /** A template's {@code fleetjobs} member: its canary stages, or null. */
    static FleetjobsMember templateMember(JobRunConfig config) {
        return config.canary() == null ? null : new FleetjobsMember(null, canaryConfig(config.canary()), null, null, null);
    }

    static dev.fleetjobs.protocol.fleetjobs.CanaryConfig canaryConfig(CanaryConfig config) {
        if (config == null) {
            return null;
        }
        return new dev.fleetjobs.protocol.fleetjobs.CanaryConfig(config.stages().stream()
                .map(s -> new dev.fleetjobs.protocol.fleetjobs.CanaryConfig.Stage(s.thingCount(), s.thingPercentage(), s.minFinishedThings(),
                        s.minSuccessPercentage(), s.onFailure() == null ? null : s.onFailure().name()))
                .toList());
    }

    public static Pause pause(JobPause pause) {
        return pause == null ? null : new Pause(WireTime.fractionalSeconds(pause.pausedAtMillis()), pause.reason(), pause.cause().name());
    }

    private static CanaryStatus canaryStatus(CanaryConfig config, CanaryProgress progress, List<GateDecision> decisions) {
        List<CanaryStatus.GateDecision> shown = decisions.stream().map(SafeRolloutShapes::decision).toList();
        int stages = config.stages().size();
        if (progress == null) {
            return new CanaryStatus(stages, 1, null, 0L, "PENDING", shown);
        }
        if (progress.isDone(config)) {
            return new CanaryStatus(stages, null, null, null, "PASSED", shown);
        }
        String state = progress.gateFailed() ? "GATE_FAILED"
                : progress.stageSize() != null && progress.room() == 0 ? "WAITING_FOR_GATE" : "RELEASING";
        return new CanaryStatus(stages, progress.stage() + 1, progress.stageSize(), progress.released(), state, shown);
    }

    public static CanaryStatus.GateDecision decision(GateDecision d) {
        return new CanaryStatus.GateDecision(d.stage() + 1, WireTime.fractionalSeconds(d.decidedAtMillis()), d.passed() ? "PASSED" : "FAILED",
                d.action() == null ? null : d.action().name(), d.released(), d.finished(), d.succeeded(), d.successPercentage(),
                d.minFinishedThings(), BigDecimal.valueOf(d.minSuccessPercentage()).stripTrailingZeros());
    }

    /** The link as seen from one of its two jobs: {@code otherJobId} is the job it points to. */
    dev.fleetjobs.protocol.fleetjobs.RollbackLink link(RollbackLink link, String otherJobId) {
        return new dev.fleetjobs.protocol.fleetjobs.RollbackLink(otherJobId, arns.job(otherJobId),
                link.statuses().stream().map(Enum::name).toList(), link.thingCount(), link.originalCanceled(),
                WireTime.fractionalSeconds(link.createdAtMillis()));
    }

    /** The canary stages of a plan, each with the things it would release. */
    static List<dev.fleetjobs.protocol.fleetjobs.JobPlanResponse.CanaryStage> planStages(CanaryConfig config, List<Integer> sizes) {
        if (config == null) {
            return null;
        }
        return java.util.stream.IntStream.range(0, config.stages().size()).mapToObj(i -> {
            CanaryStage stage = config.stages().get(i);
            long size = sizes.get(i);
            long wanted = stage.minFinishedThings() == null ? size : Math.min(size, stage.minFinishedThings());
            return new dev.fleetjobs.protocol.fleetjobs.JobPlanResponse.CanaryStage(i + 1, size, wanted,
                    BigDecimal.valueOf(stage.minSuccessPercentage()).stripTrailingZeros(), stage.effectiveOnFailure().name());
        }).toList();
    }
}
