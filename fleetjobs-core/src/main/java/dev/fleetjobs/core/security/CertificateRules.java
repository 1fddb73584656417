package dev.fleetjobs.core.security;

import dev.fleetjobs.core.error.CertificateStateException;
import dev.fleetjobs.core.error.DeleteConflictException;
import dev.fleetjobs.core.validation.Validator;
import java.util.Set;

/** What UpdateCertificate and DeleteCertificate allow, as AWS documents it. */
public final class CertificateRules {

    /** The statuses a caller may set; the others are AWS-internal or deprecated. */
    public static final Set<CertificateStatus> SETTABLE = Set.of(CertificateStatus.ACTIVE, CertificateStatus.INACTIVE, CertificateStatus.REVOKED);

    private CertificateRules() {
    }

    /** Checks an UpdateCertificate; setting the status a certificate already has is allowed (the operation is idempotent). */
    public static void checkUpdate(Certificate certificate, CertificateStatus newStatus) {
        if (!SETTABLE.contains(newStatus)) {
            throw Validator.invalid("newStatus", newStatus.name(), "Member must be one of ACTIVE, INACTIVE, REVOKED");
        }
        if (certificate.status() == CertificateStatus.REVOKED && newStatus != CertificateStatus.REVOKED) {
            throw new CertificateStateException("Certificate is revoked and its status cannot be changed. Id: " + certificate.certificateId());
        }
    }

    /** Checks a DeleteCertificate: an ACTIVE certificate or one still attached to things stays. */
    public static void checkDelete(Certificate certificate, boolean attachedToThings, String certificateArn) {
        if (certificate.status() == CertificateStatus.ACTIVE) {
            throw new CertificateStateException("Certificate must be deactivated (not ACTIVE) before deletion. Id: "
                    + certificate.certificateId());
        }
        if (attachedToThings) {
            throw new DeleteConflictException("Things must be detached before deletion (arn: " + certificateArn + ")");
        }
    }
}
