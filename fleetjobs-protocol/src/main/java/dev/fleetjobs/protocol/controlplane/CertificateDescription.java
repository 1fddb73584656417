package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateDescription(String certificateArn, String certificateId, String caCertificateId, String status, String certificatePem,
        String ownedBy, BigDecimal creationDate, BigDecimal lastModifiedDate, Integer customerVersion, String generationId,
        CertificateValidity validity, String certificateMode) {
}
