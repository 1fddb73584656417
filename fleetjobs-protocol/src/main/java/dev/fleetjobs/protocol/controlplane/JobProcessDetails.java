package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobProcessDetails(
        List<String> processingTargets,
        Long numberOfCanceledThings,
        Long numberOfSucceededThings,
        Long numberOfFailedThings,
        Long numberOfRejectedThings,
        Long numberOfQueuedThings,
        Long numberOfInProgressThings,
        Long numberOfRemovedThings,
        Long numberOfTimedOutThings) {
}
