package dev.fleetjobs.server.auth;

import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;

/**
 * Answers whether a device presenting a client certificate (already verified by TLS against the
 * trusted device CAs) may act as a thing: on AWS, whether the certificate is registered, ACTIVE
 * and attached to that thing. The MQTT TLS listener asks it on every CONNECT; by default the
 * server's certificate registry answers.
 */
@FunctionalInterface
public interface DeviceCertificateAuthorizer {

    CompletableFuture<Boolean> mayActAs(X509Certificate certificate, String thingName);
}
