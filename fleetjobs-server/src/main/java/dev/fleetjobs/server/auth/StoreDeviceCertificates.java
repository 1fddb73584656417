package dev.fleetjobs.server.auth;

import dev.fleetjobs.core.security.CaCertificateStatus;
import dev.fleetjobs.core.security.Certificate;
import dev.fleetjobs.core.security.CertificateStatus;
import dev.fleetjobs.server.pki.CertificateIds;
import dev.fleetjobs.store.SecurityReader;
import dev.fleetjobs.store.SecurityStore;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.X509ExtendedTrustManager;

/** {@link DeviceCertificates} answered from the security store, with the handshake check on {@link TrustAnchors}. */
public final class StoreDeviceCertificates implements DeviceCertificates {

    private final SecurityStore store;
    private final DeviceTrustManager trustManager;

    public StoreDeviceCertificates(SecurityStore store, TrustAnchors anchors) {
        this.store = store;
        this.trustManager = new DeviceTrustManager(anchors);
    }

    @Override
    public X509ExtendedTrustManager trustManager() {
        return trustManager;
    }

    @Override
    public CompletableFuture<Verdict> check(X509Certificate certificate, String thingName) {
        String certificateId = CertificateIds.of(certificate);
        return store.read(reader -> verdict(reader, certificateId, thingName));
    }

    private static Verdict verdict(SecurityReader reader, String certificateId, String thingName) {
        Optional<Certificate> registered = reader.findCertificate(certificateId);
        if (registered.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        Certificate certificate = registered.get();
        if (certificate.status() != CertificateStatus.ACTIVE) {
            return Verdict.NOT_ACTIVE;
        }
        if (certificate.caCertificateId() != null && reader.findCaCertificate(certificate.caCertificateId())
                .map(ca -> ca.status() != CaCertificateStatus.ACTIVE).orElse(true)) {
            return Verdict.NOT_ACTIVE;
        }
        return reader.isAttached(thingName, certificateId) ? Verdict.ALLOWED : Verdict.NOT_ATTACHED;
    }
}
