package dev.fleetjobs.core.model;

/**
 * One stage of a canary rollout: release up to {@code thingCount} things (or
 * {@code thingPercentage} percent of the job's things), wait until at least
 * {@code minFinishedThings} of them finished, then continue if at least
 * {@code minSuccessPercentage} percent of the finished ones succeeded, otherwise {@code onFailure}.
 * Each stage releases things of its own, after those of the stages before it.
 *
 * @param thingCount            how many things the stage releases; exactly one of this and {@code thingPercentage}
 * @param thingPercentage       percent of the job's things, rounded up, at least one
 * @param minFinishedThings     finished things the gate waits for; null for all of the stage's things
 * @param minSuccessPercentage  the share of finished things that must have succeeded, 0 to 100
 * @param onFailure             null means {@link GateAction#PAUSE}
 */
public record CanaryStage(Integer thingCount, Double thingPercentage, Integer minFinishedThings, Double minSuccessPercentage,
                          GateAction onFailure) {

    public GateAction effectiveOnFailure() {
        return onFailure == null ? GateAction.PAUSE : onFailure;
    }
}
