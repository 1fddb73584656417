package dev.fleetjobs.protocol.fleetjobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A paused job.
 *
 * @param cause  OPERATOR or CANARY_GATE
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pause(BigDecimal pausedAt, String reason, String cause) {
}
