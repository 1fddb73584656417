package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateKeysAndCertificateResponse(String certificateArn, String certificateId, String certificatePem, KeyPair keyPair) {
}
