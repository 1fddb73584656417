package dev.fleetjobs.server.auth;

import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Device certificate checks for every listener that authenticates devices by client certificate
 * (the HTTPS device listener now, the MQTT broker later): the TLS handshake check, then per
 * request or connection, whether the certificate may act for a thing.
 */
public interface DeviceCertificates {

    /** What a certificate may do for a thing. */
    enum Verdict {
        /** Registered, ACTIVE and attached to the thing. */
        ALLOWED,
        /** Not registered here. */
        UNKNOWN,
        /** Registered but INACTIVE, REVOKED or otherwise not ACTIVE. */
        NOT_ACTIVE,
        /** ACTIVE, but not attached to the thing. */
        NOT_ATTACHED
    }

    /** Refuses, during the handshake, certificates that neither are registered without a CA nor chain to a trusted CA. */
    X509ExtendedTrustManager trustManager();

    /** Whether {@code certificate} may act for {@code thingName}; completes off the caller's thread. */
    CompletableFuture<Verdict> check(X509Certificate certificate, String thingName);
}
