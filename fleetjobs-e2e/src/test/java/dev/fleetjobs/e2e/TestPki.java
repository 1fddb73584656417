package dev.fleetjobs.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away certificate authority for tests: a server certificate for localhost and device certificates. */
final class TestPki {

    static final String PASSWORD = "changeit";

    /** A key and its certificate, also as PEM text for the AWS IoT Device SDK. */
    record Issued(KeyPair keys, X509Certificate certificate) {

        String certificatePem() {
            return pem(certificate);
        }

        String privateKeyPem() {
            return pem(keys.getPrivate());
        }
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Issued ca;

    TestPki(String name) {
        KeyPair keys = keyPair();
        this.ca = new Issued(keys, sign(new X500Name("CN=" + name), keys, new X500Name("CN=" + name), keys, true, null));
    }

    Issued ca() {
        return ca;
    }

    Issued server() {
        KeyPair keys = keyPair();
        GeneralNames names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")});
        return new Issued(keys, sign(new X500Name("CN=localhost"), keys, new X500Name(ca.certificate().getSubjectX500Principal().getName()),
                ca.keys(), false, names));
    }

    Issued device(String commonName) {
        KeyPair keys = keyPair();
        return new Issued(keys, sign(new X500Name("CN=" + commonName), keys,
                new X500Name(ca.certificate().getSubjectX500Principal().getName()), ca.keys(), false, null));
    }

    /** A PKCS12 key store holding the key and its chain. */
    Path keyStore(Issued issued, Path file) {
        return store(file, store -> store.setKeyEntry("key", issued.keys().getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {issued.certificate(), ca.certificate()}));
    }

    /** A PKCS12 trust store holding this CA. */
    Path trustStore(Path file) {
        return store(file, store -> store.setCertificateEntry("ca", ca.certificate()));
    }

    private interface Filler {
        void fill(KeyStore store) throws GeneralSecurityException;
    }

    private static Path store(Path file, Filler filler) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            filler.fill(store);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys, boolean ca,
                                        GeneralNames alternativeNames) {
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject, subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (alternativeNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(Object value) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
