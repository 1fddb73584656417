package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CACertificateDescription(String certificateArn, String certificateId, String status, String certificatePem, String ownedBy,
        BigDecimal creationDate, String autoRegistrationStatus, BigDecimal lastModifiedDate, Integer customerVersion,
        String generationId, CertificateValidity validity, String certificateMode) {
}
