package dev.fleetjobs.protocol.dataplane;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An entry of the pending lists: no status (the list gives it) and no thing name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobExecutionSummary(
        String jobId,
        Long queuedAt,
        Long startedAt,
        Long lastUpdatedAt,
        Long versionNumber,
        Long executionNumber) {
}
