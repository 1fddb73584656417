package dev.fleetjobs.server.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.CertificateValidationException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PemTest {

    @TempDir
    Path dir;

    @Test
    void certificatesAndKeysRoundTrip() throws Exception {
        CertificateAuthority ca = CertificateAuthority.openOrCreate(dir, Clock.systemUTC());
        KeyPair rsa = CertificateAuthority.KeyPairs.rsa();
        X509Certificate certificate = ca.issueClient(rsa.getPublic(), "pump-1", Duration.ofDays(1));
        assertThat(Pem.certificate(Pem.of(certificate))).isEqualTo(certificate);
        assertThat(Pem.traditional(rsa.getPrivate())).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Pem.privateKey(Pem.traditional(rsa.getPrivate()))).isEqualTo(rsa.getPrivate());
        assertThat(Pem.privateKey(Pem.pkcs8(rsa.getPrivate())).getEncoded()).isEqualTo(rsa.getPrivate().getEncoded());
        assertThat(Pem.certificates(Pem.of(certificate) + Pem.of(ca.certificate()))).containsExactly(certificate, ca.certificate());
        assertThat(CertificateChecks.signedBy(certificate, ca.certificate())).isTrue();
        assertThat(CertificateChecks.commonName(certificate)).isEqualTo("pump-1");
        assertThat(CertificateIds.of(certificate)).matches("[0-9a-f]{64}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "-----BEGIN CERTIFICATE-----\n", "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----",
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", "-----BEGIN CERTIFICATE-----\nAAAAAAAA\n-----END CERTIFICATE-----"})
    void anythingButACertificateIsACertificateValidationException(String pem) {
        assertThatThrownBy(() -> Pem.certificate(pem)).isInstanceOf(CertificateValidationException.class);
    }
}
