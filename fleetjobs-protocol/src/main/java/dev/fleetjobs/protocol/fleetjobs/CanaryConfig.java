package dev.fleetjobs.protocol.fleetjobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code fleetjobs.canaryConfig}: canary stages, released in order, each behind a gate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CanaryConfig(List<Stage> stages) {

    /**
     * One stage: release {@code thingCount} things or {@code thingPercentage} percent of the job's
     * things; wait until {@code minFinishedThings} of them finished (all of them when absent); go
     * on if at least {@code minSuccessPercentage} percent of the finished ones succeeded, else
     * {@code onFailure} (PAUSE, the default, or ABORT).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stage(Integer thingCount, Double thingPercentage, Integer minFinishedThings, Double minSuccessPercentage,
                        String onFailure) {
    }
}
