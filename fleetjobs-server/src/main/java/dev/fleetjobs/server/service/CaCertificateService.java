package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.CertificateStateException;
import dev.fleetjobs.core.error.CertificateValidationException;
import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.error.RegistrationCodeValidationException;
import dev.fleetjobs.core.error.ResourceAlreadyExistsException;
import dev.fleetjobs.core.error.ResourceNotFoundException;
import dev.fleetjobs.core.security.CaCertificate;
import dev.fleetjobs.core.security.CaCertificateStatus;
import dev.fleetjobs.core.security.CertificateMode;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.server.pki.CertificateChecks;
import dev.fleetjobs.server.pki.CertificateIds;
import dev.fleetjobs.server.pki.Pem;
import dev.fleetjobs.store.SecurityStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * CA certificates that device certificates may be registered under. In DEFAULT mode the caller
 * proves it holds the CA's key with a verification certificate whose common name is this
 * server's registration code; SNI_ONLY skips the proof. A change reaches the device listener's
 * trust before it is answered.
 */
public final class CaCertificateService {

    private final SecurityStore store;
    private final String registrationCode;
    private final Supplier<CompletableFuture<Void>> trustReload;
    private final Arns arns;
    private final Clock clock;

    /** @param trustReload reloads the device listener's trust from the store */
    public CaCertificateService(SecurityStore store, String registrationCode, Supplier<CompletableFuture<Void>> trustReload, Arns arns,
                                Clock clock) {
        this.store = store;
        this.registrationCode = registrationCode;
        this.trustReload = trustReload;
        this.arns = arns;
        this.clock = clock;
    }

    public String registrationCode() {
        return registrationCode;
    }

    public CompletableFuture<CaCertificate> register(String caPem, String verificationPem, CertificateMode mode, boolean setAsActive,
                                                     boolean allowAutoRegistration) {
        X509Certificate ca = CertificateChecks.parse(clock.instant(), "caCertificate", caPem);
        if (!CertificateChecks.isCa(ca)) {
            throw new CertificateValidationException("Certificate is not valid: it is not a CA certificate (basicConstraints CA:TRUE).");
        }
        CertificateMode certificateMode = mode == null ? CertificateMode.DEFAULT : mode;
        if (certificateMode == CertificateMode.SNI_ONLY && verificationPem != null) {
            throw new InvalidRequestException("verificationCertificate must be empty when certificateMode is SNI_ONLY.");
        }
        if (certificateMode == CertificateMode.DEFAULT) {
            checkVerification(ca, verificationPem);
        }
        long now = clock.millis();
        String id = CertificateIds.of(ca);
        CaCertificate registered = new CaCertificate(id, Pem.of(ca), setAsActive ? CaCertificateStatus.ACTIVE : CaCertificateStatus.INACTIVE,
                allowAutoRegistration, certificateMode, now, now, 1, UUID.randomUUID().toString(), ca.getNotBefore().getTime(),
                ca.getNotAfter().getTime());
        return store.write(tx -> {
            if (tx.findCaCertificate(id).isPresent()) {
                throw new ResourceAlreadyExistsException("The CA certificate is already registered", id, arns.caCertificate(id));
            }
            tx.insertCaCertificate(registered);
            return registered;
        }).thenCompose(done -> trustReload.get().thenApply(reloaded -> done));
    }

    public CompletableFuture<CaCertificate> describe(String certificateId) {
        Validator.certificateId("caCertificateId", certificateId);
        return store.read(reader -> reader.findCaCertificate(certificateId).orElseThrow(() -> notFound(certificateId)));
    }

    public CompletableFuture<List<CaCertificate>> list() {
        return store.read(reader -> reader.caCertificates());
    }

    /** UpdateCACertificate; null leaves a setting as it is. */
    public CompletableFuture<CaCertificate> update(String certificateId, CaCertificateStatus newStatus, Boolean autoRegistration) {
        Validator.certificateId("caCertificateId", certificateId);
        return store.write(tx -> {
            CaCertificate ca = tx.findCaCertificate(certificateId).orElseThrow(() -> notFound(certificateId));
            CaCertificateStatus status = newStatus == null ? ca.status() : newStatus;
            boolean auto = autoRegistration == null ? ca.autoRegistration() : autoRegistration;
            if (status == ca.status() && auto == ca.autoRegistration()) {
                return ca;
            }
            CaCertificate updated = ca.withSettings(status, auto, clock.millis(), UUID.randomUUID().toString());
            tx.updateCaCertificate(updated);
            return updated;
        }).thenCompose(done -> trustReload.get().thenApply(reloaded -> done));
    }

    /**
     * DeleteCACertificate: an ACTIVE CA is refused with CertificateStateException; an INACTIVE one
     * is deleted. The device certificates it signed stay registered as they are, still naming it,
     * as AWS IoT keeps them; they are listed by ListCertificatesByCA and can be revoked or deleted
     * one by one. Registering the CA again is allowed.
     */
    public CompletableFuture<Void> delete(String certificateId) {
        Validator.certificateId("caCertificateId", certificateId);
        return store.write(tx -> {
            CaCertificate ca = tx.findCaCertificate(certificateId).orElseThrow(() -> notFound(certificateId));
            if (ca.status() == CaCertificateStatus.ACTIVE) {
                throw new CertificateStateException("The CA certificate " + certificateId
                        + " is ACTIVE; deactivate it (UpdateCACertificate with newStatus INACTIVE) before deleting it.");
            }
            tx.deleteCaCertificate(certificateId, clock.millis());
            return (Void) null;
        }).thenCompose(done -> trustReload.get());
    }

    private void checkVerification(X509Certificate ca, String verificationPem) {
        if (verificationPem == null) {
            throw new InvalidRequestException("verificationCertificate is required when certificateMode is DEFAULT;"
                    + " sign one with the CA's key whose common name is the registration code (GetRegistrationCode).");
        }
        X509Certificate verification = CertificateChecks.parse(clock.instant(), "verificationCertificate", verificationPem);
        if (!CertificateChecks.signedBy(verification, ca)) {
            throw new RegistrationCodeValidationException("The verification certificate is not signed by the CA certificate.");
        }
        if (!registrationCode.equals(CertificateChecks.commonName(verification))) {
            throw new RegistrationCodeValidationException("The verification certificate's common name is not the registration code.");
        }
    }


    private static ResourceNotFoundException notFound(String certificateId) {
        return new ResourceNotFoundException("The CA certificate " + certificateId + " does not exist.");
    }
}
