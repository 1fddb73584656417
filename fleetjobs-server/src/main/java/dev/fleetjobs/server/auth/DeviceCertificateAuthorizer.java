package dev.fleetjobs.server.auth;

import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;

/**
 * Answers whether a device presenting a client certificate (already verified by TLS against the
 * trusted device CAs) may act as a thing: on AWS, whether the certificate is registered, ACTIVE
 * and attached to that thing. The MQTT TLS listener asks it on every CONNECT; the certificate
 * registry implements it.
 */
@FunctionalInterface
public interface DeviceCertificateAuthorizer {

    CompletableFuture<Boolean> mayActAs(X509Certificate certificate, String thingName);

    /**
     * A stand-in until certificates are registered: a certificate from a trusted device CA acts
     * as the thing its subject common name (CN) names, and only as that thing.
     */
    static DeviceCertificateAuthorizer subjectCommonName() {
        return (certificate, thingName) -> CompletableFuture.completedFuture(
                thingName.equals(CommonName.of(certificate)));
    }
}
