package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.CertificateConflictException;
import dev.fleetjobs.core.error.CertificateStateException;
import dev.fleetjobs.core.error.CertificateValidationException;
import dev.fleetjobs.core.error.ResourceAlreadyExistsException;
import dev.fleetjobs.core.error.ResourceNotFoundException;
import dev.fleetjobs.core.error.ThrottlingException;
import dev.fleetjobs.core.security.CaCertificate;
import dev.fleetjobs.core.security.CaCertificateStatus;
import dev.fleetjobs.core.security.Certificate;
import dev.fleetjobs.core.security.CertificateMode;
import dev.fleetjobs.core.security.CertificateRules;
import dev.fleetjobs.core.security.CertificateStatus;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.server.auth.TrustAnchors;
import dev.fleetjobs.server.pki.CertificateAuthority;
import dev.fleetjobs.server.pki.CertificateChecks;
import dev.fleetjobs.server.pki.CertificateIds;
import dev.fleetjobs.server.pki.Pem;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.SecurityStore;
import dev.fleetjobs.store.SecurityTransaction;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Device certificates as AWS IoT manages them: made here with their keys, or registered under a
 * registered CA or without one; described, listed, activated, deactivated, revoked and deleted.
 * The device listener's trust follows every change before the answer is sent.
 */
public final class CertificateService {


    private final SecurityStore store;
    private final CertificateAuthority authority;
    private final TrustAnchors anchors;
    private final Executor keyWork;
    private final Arns arns;
    private final Clock clock;

    /** @param keyWork where key pairs are generated (slow); a bounded executor whose refusals become ThrottlingException */
    public CertificateService(SecurityStore store, CertificateAuthority authority, TrustAnchors anchors, Executor keyWork, Arns arns,
                              Clock clock) {
        this.store = store;
        this.authority = authority;
        this.anchors = anchors;
        this.keyWork = keyWork;
        this.arns = arns;
        this.clock = clock;
    }

    public CompletableFuture<IssuedCertificate> createKeysAndCertificate(boolean setAsActive) {
        CompletableFuture<IssuedCertificate> issued;
        try {
            issued = CompletableFuture.supplyAsync(() -> {
                KeyPair keys = CertificateAuthority.KeyPairs.rsa();
                // As AWS IoT's own device certificates do (its X.509 client certificate pages), they last to the end of 2049.
                X509Certificate x509 = authority.issueClient(keys.getPublic(), "Fleetjobs device certificate",
                        CertificateAuthority.AWS_DEVICE_CERTIFICATE_END);
                Certificate certificate = newCertificate(x509, setAsActive ? CertificateStatus.ACTIVE : CertificateStatus.INACTIVE, null,
                        CertificateMode.DEFAULT);
                return new IssuedCertificate(certificate, Pem.of(keys.getPublic()), Pem.traditional(keys.getPrivate()));
            }, keyWork);
        } catch (RejectedExecutionException e) {
            throw new ThrottlingException("Too many certificates are being created at once; retry the request.");
        }
        return issued.thenCompose(made -> store.write(tx -> {
            tx.insertCertificate(made.certificate());
            return made;
        })).thenApply(made -> {
            anchors.trustCertificate(made.certificate().certificateId());
            return made;
        });
    }

    /**
     * RegisterCertificate: a certificate signed by a registered CA (named by {@code caCertificatePem}
     * or found by its issuer) or by this server's CA.
     */
    public CompletableFuture<Certificate> register(String certificatePem, String caCertificatePem, CertificateStatus status) {
        X509Certificate x509 = parseDevice("certificatePem", certificatePem);
        X509Certificate namedCa = caCertificatePem == null ? null : CertificateChecks.parse(clock.instant(), "caCertificatePem", caCertificatePem);
        CertificateStatus initial = initialStatus(status);
        return store.write(tx -> {
            CaCertificate ca = signingCa(tx, x509, namedCa);
            if (ca == null && !CertificateChecks.signedBy(x509, authority.certificate())) {
                throw new CertificateValidationException("The certificate is not signed by a registered CA certificate;"
                        + " register its CA with RegisterCACertificate or use RegisterCertificateWithoutCA.");
            }
            if (ca != null && ca.status() != CaCertificateStatus.ACTIVE) {
                throw new CertificateStateException("The CA certificate " + ca.certificateId() + " is not active.");
            }
            return insert(tx, newCertificate(x509, initial, ca == null ? null : ca.certificateId(),
                    ca == null ? CertificateMode.DEFAULT : ca.mode()));
        }).thenApply(this::trustedWithoutCa);
    }

    /** RegisterCertificateWithoutCA: the certificate is trusted by itself (SNI_ONLY mode). */
    public CompletableFuture<Certificate> registerWithoutCa(String certificatePem, CertificateStatus status) {
        X509Certificate x509 = parseDevice("certificatePem", certificatePem);
        CertificateStatus initial = initialStatus(status);
        return store.write(tx -> insert(tx, newCertificate(x509, initial, null, CertificateMode.SNI_ONLY)))
                .thenApply(this::trustedWithoutCa);
    }

    public CompletableFuture<Certificate> describe(String certificateId) {
        Validator.certificateId("certificateId", certificateId);
        return store.read(reader -> reader.findCertificate(certificateId).orElseThrow(() -> notFound(certificateId)));
    }

    public CompletableFuture<Page<Certificate>> list(boolean ascending, String marker, int pageSize) {
        return store.read(reader -> reader.certificates(ascending, marker, pageSize));
    }

    /** ListCertificatesByCA: the device certificates registered under the CA, also after the CA was deleted. */
    public CompletableFuture<Page<Certificate>> listByCa(String caCertificateId, boolean ascending, String marker, int pageSize) {
        Validator.certificateId("caCertificateId", caCertificateId);
        return store.read(reader -> reader.certificatesByCa(caCertificateId, ascending, marker, pageSize));
    }

    public CompletableFuture<Certificate> update(String certificateId, CertificateStatus newStatus) {
        Validator.certificateId("certificateId", certificateId);
        Validator.required("newStatus", newStatus);
        return store.write(tx -> {
            Certificate certificate = tx.findCertificate(certificateId).orElseThrow(() -> notFound(certificateId));
            CertificateRules.checkUpdate(certificate, newStatus);
            if (certificate.status() == newStatus) {
                return certificate;
            }
            Certificate updated = certificate.withStatus(newStatus, clock.millis(), UUID.randomUUID().toString());
            tx.updateCertificate(updated);
            return updated;
        });
    }

    /**
     * DeleteCertificate. AWS documents {@code forceDelete} as deleting a certificate "if it is
     * inactive and is not attached to an IoT thing" whatever policies it has; this server has no
     * policies, so with or without it an ACTIVE certificate is a CertificateStateException and an
     * attached one a DeleteConflictException.
     */
    public CompletableFuture<Void> delete(String certificateId, boolean forceDelete) {
        Validator.certificateId("certificateId", certificateId);
        return store.write(tx -> {
            Certificate certificate = tx.findCertificate(certificateId).orElseThrow(() -> notFound(certificateId));
            boolean attached = !tx.thingsOfCertificate(certificateId, null, 1).items().isEmpty();
            CertificateRules.checkDelete(certificate, attached, arns.certificate(certificateId));
            tx.deleteCertificate(certificateId);
            return (Void) null;
        }).thenApply(done -> {
            anchors.forgetCertificate(certificateId);
            return null;
        });
    }

    private Certificate trustedWithoutCa(Certificate certificate) {
        if (certificate.caCertificateId() == null) {
            anchors.trustCertificate(certificate.certificateId());
        }
        return certificate;
    }

    private Certificate insert(SecurityTransaction tx, Certificate certificate) {
        if (tx.findCertificate(certificate.certificateId()).isPresent()) {
            throw new ResourceAlreadyExistsException("The certificate is already provisioned or registered",
                    certificate.certificateId(), arns.certificate(certificate.certificateId()));
        }
        tx.insertCertificate(certificate);
        return certificate;
    }

    /** The registered CA that signed the certificate, or null when none did. */
    private static CaCertificate signingCa(SecurityTransaction tx, X509Certificate x509, X509Certificate namedCa) {
        if (namedCa != null) {
            CaCertificate ca = tx.findCaCertificate(CertificateIds.of(namedCa))
                    .orElseThrow(() -> new CertificateValidationException("The CA certificate given in caCertificatePem is not registered."));
            if (!CertificateChecks.signedBy(x509, namedCa)) {
                throw new CertificateValidationException("The certificate is not signed by the CA certificate given in caCertificatePem.");
            }
            return ca;
        }
        List<CaCertificate> signers = tx.caCertificates().stream()
                .filter(ca -> CertificateChecks.signedBy(x509, Pem.certificate(ca.certificatePem())))
                .toList();
        if (signers.size() > 1) {
            throw new CertificateConflictException("More than one registered CA certificate could have signed the certificate;"
                    + " name its CA in caCertificatePem.");
        }
        return signers.isEmpty() ? null : signers.get(0);
    }

    private Certificate newCertificate(X509Certificate x509, CertificateStatus status, String caCertificateId, CertificateMode mode) {
        long now = clock.millis();
        return new Certificate(CertificateIds.of(x509), Pem.of(x509), status, caCertificateId, mode, now, now, 1,
                UUID.randomUUID().toString(), x509.getNotBefore().getTime(), x509.getNotAfter().getTime());
    }

    private X509Certificate parseDevice(String field, String pem) {
        X509Certificate x509 = CertificateChecks.parse(clock.instant(), field, pem);
        if (CertificateChecks.isCa(x509)) {
            throw new CertificateValidationException("Certificate is not valid: a CA certificate cannot be registered as a device certificate.");
        }
        return x509;
    }


    private static CertificateStatus initialStatus(CertificateStatus requested) {
        if (requested == null) {
            return CertificateStatus.INACTIVE;
        }
        if (!CertificateRules.SETTABLE.contains(requested)) {
            throw Validator.invalid("status", requested.name(), "Member must be one of ACTIVE, INACTIVE, REVOKED");
        }
        return requested;
    }

    static ResourceNotFoundException notFound(String certificateId) {
        return new ResourceNotFoundException("The certificate " + certificateId + " does not exist.");
    }
}
