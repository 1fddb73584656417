package dev.fleetjobs.server.pki;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** Certificate ids as AWS forms them: the lowercase hex SHA-256 of the DER encoding, 64 digits. */
public final class CertificateIds {

    private CertificateIds() {
    }

    public static String of(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encode or hash a certificate", e);
        }
    }
}
