package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fleetjobs.protocol.fleetjobs.FleetjobsMember;
import java.math.BigDecimal;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record DescribeJobTemplateResponse(
        String jobTemplateArn,
        String jobTemplateId,
        String description,
        String document,
        BigDecimal createdAt,
        JobExecutionsRolloutConfig jobExecutionsRolloutConfig,
        AbortConfig abortConfig,
        TimeoutConfig timeoutConfig,
        JobExecutionsRetryConfig jobExecutionsRetryConfig,
        List<MaintenanceWindow> maintenanceWindows,
        PresignedUrlConfig presignedUrlConfig,
        FleetjobsMember fleetjobs) {
}
