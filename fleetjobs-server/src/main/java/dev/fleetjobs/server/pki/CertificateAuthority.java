package dev.fleetjobs.server.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * This server's own certificate authority, kept in the data directory ({@value #CERTIFICATE_FILE}
 * and the owner-only {@value #KEY_FILE}). It signs the certificates CreateKeysAndCertificate hands
 * out, the device listener's development certificate and the CLI's development device
 * certificates; the device listener trusts it the way AWS IoT trusts its own CA.
 */
public final class CertificateAuthority {

    public static final String CERTIFICATE_FILE = "device-ca.pem";
    public static final String KEY_FILE = "device-ca.key";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** When AWS IoT's own device certificates expire; this CA lives at least as long, so that its certificates can too. */
    public static final Instant AWS_DEVICE_CERTIFICATE_END = Instant.parse("2049-12-31T23:59:59Z");

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private CertificateAuthority(X509Certificate certificate, PrivateKey key, Clock clock) {
        this.certificate = certificate;
        this.key = key;
        this.clock = clock;
    }

    /** Loads the data directory's CA, creating it at first use. */
    public static CertificateAuthority openOrCreate(Path dataDir, Clock clock) throws IOException {
        Path certificateFile = dataDir.resolve(CERTIFICATE_FILE);
        Path keyFile = dataDir.resolve(KEY_FILE);
        if (!Files.exists(keyFile)) {
            CertificateAuthority created = create(clock);
            if (PrivateFiles.createIfAbsent(keyFile, Pem.pkcs8(created.key))) {
                Files.deleteIfExists(certificateFile);
                PrivateFiles.createIfAbsent(certificateFile, Pem.of(created.certificate));
            }
        }
        return fromPem(Files.readString(certificateFile), PrivateFiles.read(keyFile), clock);
    }

    /** A new CA with a new key, kept nowhere yet (see {@link #keyPem()}). */
    public static CertificateAuthority create(Clock clock) {
        try {
            KeyPair pair = KeyPairs.ec();
            Instant now = clock.instant();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Fleetjobs")
                    .addRDN(BCStyle.CN, "Fleetjobs device CA " + now.getEpochSecond()).build();
            Instant notAfter = now.plus(CA_VALIDITY).isAfter(AWS_DEVICE_CERTIFICATE_END) ? now.plus(CA_VALIDITY) : AWS_DEVICE_CERTIFICATE_END;
            X509Certificate ca = sign(new JcaX509v3CertificateBuilder(name, serial(new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(notAfter), name, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions().createSubjectKeyIdentifier(pair.getPublic())),
                    pair.getPrivate());
            return new CertificateAuthority(ca, pair.getPrivate(), clock);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot build the CA certificate", e);
        }
    }

    /** The CA of a certificate and a PKCS#8 key in PEM, as {@link #keyPem()} and {@code Pem.of(certificate())} write them. */
    public static CertificateAuthority fromPem(String certificatePem, String keyPem, Clock clock) throws IOException {
        return new CertificateAuthority(Pem.certificate(certificatePem), Pem.privateKey(keyPem), clock);
    }

    /** The CA's private key in PEM: to be sealed before it is kept anywhere but an owner-only file. */
    public String keyPem() {
        return Pem.pkcs8(key);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A device (TLS client) certificate for {@code publicKey}. */
    public X509Certificate issueClient(PublicKey publicKey, String commonName, Duration validity) {
        return issueClient(publicKey, commonName, clock.instant().plus(validity));
    }

    /** A device (TLS client) certificate for {@code publicKey}, valid until {@code notAfter}. */
    public X509Certificate issueClient(PublicKey publicKey, String commonName, Instant notAfter) {
        return issue(publicKey, commonName, notAfter, KeyPurposeId.id_kp_clientAuth, List.of());
    }

    /** A TLS server certificate for the given DNS names and IP addresses. */
    public X509Certificate issueServer(PublicKey publicKey, String commonName, Duration validity, List<String> names) {
        return issue(publicKey, commonName, clock.instant().plus(validity), KeyPurposeId.id_kp_serverAuth, names);
    }

    private X509Certificate issue(PublicKey publicKey, String commonName, Instant notAfter, KeyPurposeId purpose, List<String> names) {
        try {
            Instant now = clock.instant();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(random),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(notAfter), subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions().createAuthorityKeyIdentifier(certificate))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions().createSubjectKeyIdentifier(publicKey));
            if (!names.isEmpty()) {
                List<GeneralName> alternatives = new ArrayList<>();
                for (String name : names) {
                    boolean address = name.matches("[0-9.]+") || name.contains(":");
                    alternatives.add(new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, name));
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives.toArray(GeneralName[]::new)));
            }
            return sign(builder, key);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a certificate", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            String algorithm = signingKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a certificate", e);
        }
    }

    private static JcaX509ExtensionUtils extensions() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    /** Key pairs for new certificates. */
    public static final class KeyPairs {

        private KeyPairs() {
        }

        /** RSA 2048, what AWS's CreateKeysAndCertificate hands out. Slow: keep it off event loops. */
        public static KeyPair rsa() {
            return generate("RSA", null);
        }

        /** EC P-256, for this server's own certificates. */
        public static KeyPair ec() {
            return generate("EC", new ECGenParameterSpec("secp256r1"));
        }

        private static KeyPair generate(String algorithm, ECGenParameterSpec spec) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
                if (spec == null) {
                    generator.initialize(2048);
                } else {
                    generator.initialize(spec);
                }
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " keys are missing from this JVM", e);
            }
        }
    }
}
