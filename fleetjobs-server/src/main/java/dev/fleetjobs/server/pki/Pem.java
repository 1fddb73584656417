package dev.fleetjobs.server.pki;

import dev.fleetjobs.core.error.CertificateValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** PEM in and out: certificates, and private keys in the forms devices and OpenSSL use. */
public final class Pem {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

    private Pem() {
    }

    /**
     * The certificates of a PEM text, in order. Whatever a client sends, a text that holds no
     * well-formed X.509 certificate is a {@link CertificateValidationException}.
     */
    public static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            int at = pem.indexOf(BEGIN);
            while (at >= 0) {
                int end = pem.indexOf("-----END CERTIFICATE-----", at);
                if (end < 0) {
                    throw new CertificateValidationException("The certificate PEM is not terminated.");
                }
                String body = pem.substring(at + BEGIN.length(), end).replaceAll("\\s", "");
                byte[] der = java.util.Base64.getDecoder().decode(body);
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                at = pem.indexOf(BEGIN, end);
            }
        } catch (CertificateValidationException e) {
            throw e;
        } catch (Exception e) {
            // Parsers of hostile input fail in many ways (bad base64, bad DER, unsupported algorithms): all mean "invalid".
            throw new CertificateValidationException("Certificate is not valid.");
        }
        if (certificates.isEmpty()) {
            throw new CertificateValidationException("Certificate is not valid: no PEM certificate found.");
        }
        return certificates;
    }

    /** The one certificate of a PEM text; more than one is refused. */
    public static X509Certificate certificate(String pem) {
        List<X509Certificate> all = certificates(pem);
        if (all.size() != 1) {
            throw new CertificateValidationException("Certificate is not valid: expected one certificate, found " + all.size() + ".");
        }
        return all.get(0);
    }

    public static String of(Object certificateOrPublicKey) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificateOrPublicKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** A private key in the traditional OpenSSL form ({@code BEGIN RSA PRIVATE KEY} for RSA), as AWS hands them out. */
    public static String traditional(PrivateKey key) {
        return of(key);
    }

    /** A private key as PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    public static String pkcs8(PrivateKey key) {
        try {
            return of(new JcaPKCS8Generator(key, null).generate());
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a private key in PKCS#8 or traditional OpenSSL PEM (unencrypted). */
    public static PrivateKey privateKey(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                KeyPair keyPair = converter.getKeyPair(pair);
                return keyPair.getPrivate();
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IOException("No unencrypted private key found in the PEM text");
        }
    }
}
