package dev.fleetjobs.protocol.fleetjobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * Where a job's canary stages stand. Stages are counted from 1.
 *
 * @param currentStage   the stage under way; absent once every gate passed
 * @param stageThings    how many things the current stage releases, once it started
 * @param stageReleased  how many it released so far
 * @param state          RELEASING, WAITING_FOR_GATE, GATE_FAILED, or PASSED once every gate passed
 * @param decisions      what each gate decided, in stage order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CanaryStatus(int stages, Integer currentStage, Integer stageThings, Long stageReleased, String state,
                           List<GateDecision> decisions) {

    /**
     * @param outcome  PASSED or FAILED
     * @param action   what a failed gate did: PAUSE or ABORT
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GateDecision(int stage, BigDecimal decidedAt, String outcome, String action, long released, long finished,
                               long succeeded, BigDecimal successPercentage, long minFinishedThings, BigDecimal minSuccessPercentage) {
    }
}
