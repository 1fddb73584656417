package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** Control-plane summary: has status and retryAttempt, no versionNumber. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobExecutionSummary(
        String status,
        BigDecimal queuedAt,
        BigDecimal startedAt,
        BigDecimal lastUpdatedAt,
        Long executionNumber,
        Integer retryAttempt) {
}
