package dev.fleetjobs.core.model;

import java.util.List;

/**
 * A job's canary stages (Fleetjobs' own, {@code fleetjobs.canaryConfig} on the wire): released in
 * order, each behind a gate; after the last gate the job's ordinary rollout rate releases the rest.
 */
public record CanaryConfig(List<CanaryStage> stages) {

    public CanaryConfig {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }
}
