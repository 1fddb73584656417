package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** An entry of ListJobs; timestamps are epoch seconds with a fraction. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSummary(
        String jobArn,
        String jobId,
        String thingGroupId,
        String targetSelection,
        String status,
        BigDecimal createdAt,
        BigDecimal lastUpdatedAt,
        BigDecimal completedAt,
        Boolean isConcurrent) {
}
