package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record DescribeJobTemplateResponse(
        String jobTemplateArn,
        String jobTemplateId,
        String description,
        String document,
        BigDecimal createdAt,
        TimeoutConfig timeoutConfig) {
}
