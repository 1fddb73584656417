package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fleetjobs.protocol.fleetjobs.FleetjobsMember;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Control-plane {@code Job}; timestamps are epoch seconds with a fraction. {@code fleetjobs} is
 * Fleetjobs' own member (pause, canary gates, rollback links), which AWS clients ignore.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Job(
        String jobArn,
        String jobId,
        String targetSelection,
        String status,
        Boolean forceCanceled,
        String reasonCode,
        String comment,
        List<String> targets,
        String description,
        BigDecimal createdAt,
        BigDecimal lastUpdatedAt,
        BigDecimal completedAt,
        JobProcessDetails jobProcessDetails,
        TimeoutConfig timeoutConfig,
        Boolean isConcurrent,
        JobExecutionsRolloutConfig jobExecutionsRolloutConfig,
        AbortConfig abortConfig,
        JobExecutionsRetryConfig jobExecutionsRetryConfig,
        SchedulingConfig schedulingConfig,
        List<ScheduledJobRollout> scheduledJobRollouts,
        String jobTemplateArn,
        Map<String, String> documentParameters,
        PresignedUrlConfig presignedUrlConfig,
        FleetjobsMember fleetjobs) {
}
