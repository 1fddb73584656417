package dev.fleetjobs.server.pki;

import dev.fleetjobs.core.error.CertificateValidationException;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

/** The checks a certificate must pass to be registered. */
public final class CertificateChecks {

    private CertificateChecks() {
    }

    /** The one certificate of a PEM member of a request, checked for length, form and validity period. */
    public static X509Certificate parse(Instant now, String field, String pem) {
        Validator.required(field, pem);
        Validator.length(field, pem, 1, Constraints.CERTIFICATE_PEM_MAX);
        X509Certificate certificate = Pem.certificate(pem);
        currentlyValid(certificate, now);
        return certificate;
    }

    /** Refuses a certificate outside its validity period. */
    public static void currentlyValid(X509Certificate certificate, Instant now) {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (java.security.cert.CertificateException e) {
            throw new CertificateValidationException("Certificate is not valid: it is expired or not yet valid.");
        }
    }

    public static boolean isCa(X509Certificate certificate) {
        return certificate.getBasicConstraints() >= 0;
    }

    /** Whether {@code issuer}'s key signed {@code certificate}. */
    public static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            // Any failure of a hostile signature (wrong key, bad encoding, unknown algorithm) means "not signed by it".
            return false;
        }
    }

    /** The subject's common name, or null. */
    public static String commonName(X509Certificate certificate) {
        try {
            javax.naming.ldap.LdapName name = new javax.naming.ldap.LdapName(certificate.getSubjectX500Principal().getName());
            for (javax.naming.ldap.Rdn rdn : name.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
            return null;
        } catch (javax.naming.InvalidNameException e) {
            return null;
        }
    }
}
