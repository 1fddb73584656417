package dev.fleetjobs.server.auth;

import dev.fleetjobs.core.security.CaCertificate;
import dev.fleetjobs.core.security.CaCertificateStatus;
import dev.fleetjobs.server.pki.CertificateIds;
import dev.fleetjobs.server.pki.Pem;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which client certificates the device listener's TLS handshake accepts: those that chain to this
 * server's CA or to a registered ACTIVE CA, and those registered without a CA, trusted by their own
 * id. Everything else is refused before any request is read. Whether an accepted certificate may
 * act (registered, ACTIVE, attached to the thing) is decided per request.
 */
public final class TrustAnchors {

    private final X509Certificate serverCa;
    private volatile Set<TrustAnchor> anchors;
    private final Set<String> idsWithoutCa = ConcurrentHashMap.newKeySet();

    public TrustAnchors(X509Certificate serverCa) {
        this.serverCa = serverCa;
        this.anchors = Set.of(new TrustAnchor(serverCa, null));
    }

    /** Replaces everything with the stored state. */
    public void replace(List<CaCertificate> cas, Collection<String> certificateIdsWithoutCa) {
        Set<TrustAnchor> fresh = new HashSet<>();
        fresh.add(new TrustAnchor(serverCa, null));
        for (CaCertificate ca : cas) {
            if (ca.status() == CaCertificateStatus.ACTIVE) {
                fresh.add(new TrustAnchor(Pem.certificate(ca.certificatePem()), null));
            }
        }
        anchors = Set.copyOf(fresh);
        idsWithoutCa.retainAll(certificateIdsWithoutCa);
        idsWithoutCa.addAll(certificateIdsWithoutCa);
    }

    /** Trusts a certificate registered without a CA from now on (until the next {@link #replace}). */
    public void trustCertificate(String certificateId) {
        idsWithoutCa.add(certificateId);
    }

    public void forgetCertificate(String certificateId) {
        idsWithoutCa.remove(certificateId);
    }

    public X509Certificate serverCa() {
        return serverCa;
    }

    /** Whether a presented chain (leaf first) may complete the handshake. */
    public boolean trusts(X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return false;
        }
        X509Certificate leaf = chain[0];
        try {
            leaf.checkValidity();
        } catch (GeneralSecurityException e) {
            return false;
        }
        if (idsWithoutCa.contains(CertificateIds.of(leaf))) {
            return true;
        }
        return chainsToAnchor(chain);
    }

    private boolean chainsToAnchor(X509Certificate[] chain) {
        try {
            Set<TrustAnchor> current = anchors;
            List<X509Certificate> path = new ArrayList<>();
            for (X509Certificate certificate : chain) {
                if (isAnchor(certificate, current)) {
                    break;
                }
                path.add(certificate);
            }
            if (path.isEmpty()) {
                return false;
            }
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(current);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isAnchor(X509Certificate certificate, Set<TrustAnchor> anchors) {
        for (TrustAnchor anchor : anchors) {
            if (anchor.getTrustedCert().equals(certificate)) {
                return true;
            }
        }
        return false;
    }
}
