package dev.fleetjobs.server.http;

import dev.fleetjobs.core.error.CertificateValidationException;
import dev.fleetjobs.protocol.Plane;
import dev.fleetjobs.server.auth.AccessDeniedException;
import dev.fleetjobs.server.auth.DeviceCertificates;
import io.vertx.core.http.HttpServerRequest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The device listener's gate: the client certificate of the TLS connection is the credential, and
 * every request belongs to the data plane. A signature, if any, is ignored. The certificate must be
 * registered, ACTIVE and attached to the thing in the path.
 */
public final class CertificateGate implements Gate {

    private final DeviceCertificates certificates;

    public CertificateGate(DeviceCertificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public Admission admit(HttpServerRequest request, byte[] body) {
        X509Certificate certificate = peerCertificate(request);
        return new Admission() {
            @Override
            public Plane plane() {
                return Plane.DATA;
            }

            private volatile String thing = "-";

            @Override
            public String principal() {
                return thing;
            }

            @Override
            public CompletableFuture<Void> authorize(Map<String, String> pathParams) {
                String thingName = pathParams.get("thingName");
                thing = thingName == null ? "-" : thingName;
                return certificates.check(certificate, thingName).thenAccept(verdict -> {
                    switch (verdict) {
                        case ALLOWED -> {
                        }
                        case UNKNOWN -> throw new CertificateValidationException("The certificate is not registered.");
                        case NOT_ACTIVE -> throw new CertificateValidationException("The certificate is not active.");
                        case NOT_ATTACHED -> throw new AccessDeniedException(
                                "The certificate is not attached to thing " + thingName + ".");
                    }
                });
            }
        };
    }

    @Override
    public Plane fallbackPlane() {
        return Plane.DATA;
    }

    private static X509Certificate peerCertificate(HttpServerRequest request) {
        try {
            List<Certificate> chain = request.connection().peerCertificates();
            if (chain != null && !chain.isEmpty() && chain.get(0) instanceof X509Certificate leaf) {
                return leaf;
            }
        } catch (SSLPeerUnverifiedException e) {
            // falls through: the listener requires client certificates, so this is not expected
        }
        throw new CertificateValidationException("The request carries no client certificate.");
    }
}
