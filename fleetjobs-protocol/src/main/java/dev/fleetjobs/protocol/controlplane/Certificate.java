package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Certificate(String certificateArn, String certificateId, String status, String certificateMode, BigDecimal creationDate) {
}
