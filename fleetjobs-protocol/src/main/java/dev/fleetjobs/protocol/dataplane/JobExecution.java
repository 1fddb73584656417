package dev.fleetjobs.protocol.dataplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** Data-plane {@code JobExecution}: timestamps are whole epoch seconds, the document a string. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobExecution(
        String jobId,
        String thingName,
        String status,
        Map<String, String> statusDetails,
        Long queuedAt,
        Long startedAt,
        Long lastUpdatedAt,
        Long approximateSecondsBeforeTimedOut,
        Long versionNumber,
        Long executionNumber,
        String jobDocument) {
}
