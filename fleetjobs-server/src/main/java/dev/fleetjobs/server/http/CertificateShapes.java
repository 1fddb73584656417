package dev.fleetjobs.server.http;

import dev.fleetjobs.core.security.CaCertificate;
import dev.fleetjobs.core.security.Certificate;
import dev.fleetjobs.protocol.controlplane.CACertificate;
import dev.fleetjobs.protocol.controlplane.CACertificateDescription;
import dev.fleetjobs.protocol.controlplane.CertificateDescription;
import dev.fleetjobs.protocol.controlplane.CertificateValidity;
import dev.fleetjobs.server.service.Arns;

/** Certificates to control-plane wire shapes. */
final class CertificateShapes {

    private final Arns arns;
    private final String accountId;

    CertificateShapes(Arns arns, String accountId) {
        this.arns = arns;
        this.accountId = accountId;
    }

    CertificateDescription description(Certificate c) {
        return new CertificateDescription(arns.certificate(c.certificateId()), c.certificateId(), c.caCertificateId(), c.status().name(),
                c.certificatePem(), accountId, WireTime.fractionalSeconds(c.createdAtMillis()),
                WireTime.fractionalSeconds(c.lastModifiedAtMillis()), c.customerVersion(), c.generationId(),
                new CertificateValidity(WireTime.fractionalSeconds(c.notBeforeMillis()), WireTime.fractionalSeconds(c.notAfterMillis())),
                c.mode().name());
    }

    dev.fleetjobs.protocol.controlplane.Certificate summary(Certificate c) {
        return new dev.fleetjobs.protocol.controlplane.Certificate(arns.certificate(c.certificateId()), c.certificateId(),
                c.status().name(), c.mode().name(), WireTime.fractionalSeconds(c.createdAtMillis()));
    }

    CACertificateDescription description(CaCertificate c) {
        return new CACertificateDescription(arns.caCertificate(c.certificateId()), c.certificateId(), c.status().name(),
                c.certificatePem(), accountId, WireTime.fractionalSeconds(c.createdAtMillis()), c.autoRegistration() ? "ENABLE" : "DISABLE",
                WireTime.fractionalSeconds(c.lastModifiedAtMillis()), c.customerVersion(), c.generationId(),
                new CertificateValidity(WireTime.fractionalSeconds(c.notBeforeMillis()), WireTime.fractionalSeconds(c.notAfterMillis())),
                c.mode().name());
    }

    CACertificate summary(CaCertificate c) {
        return new CACertificate(arns.caCertificate(c.certificateId()), c.certificateId(), c.status().name(),
                WireTime.fractionalSeconds(c.createdAtMillis()));
    }
}
