package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Control-plane {@code PresignedUrlConfig}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PresignedUrlConfig(String roleArn, Long expiresInSec) {
}
