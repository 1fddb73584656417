package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** Control-plane {@code JobExecution}: no document, no thing name, wrapped details, fractional timestamps. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobExecution(
        String jobId,
        String status,
        Boolean forceCanceled,
        JobExecutionStatusDetails statusDetails,
        String thingArn,
        BigDecimal queuedAt,
        BigDecimal startedAt,
        BigDecimal lastUpdatedAt,
        Long executionNumber,
        Long versionNumber,
        Long approximateSecondsBeforeTimedOut) {
}
