package dev.fleetjobs.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.security.CaCertificate;
import dev.fleetjobs.core.security.CaCertificateStatus;
import dev.fleetjobs.core.security.CertificateMode;
import dev.fleetjobs.server.pki.CertificateAuthority;
import dev.fleetjobs.server.pki.CertificateIds;
import dev.fleetjobs.server.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

    @TempDir
    Path dir;

    @Test
    void trustsTheServerCaRegisteredActiveCasAndCertificatesRegisteredWithoutCa() throws Exception {
        CertificateAuthority server = ca("server");
        CertificateAuthority registered = ca("registered");
        CertificateAuthority stranger = ca("stranger");
        TrustAnchors anchors = new TrustAnchors(server.certificate());
        DeviceTrustManager manager = new DeviceTrustManager(anchors);
        X509Certificate fromServer = leaf(server);
        X509Certificate fromRegistered = leaf(registered);
        X509Certificate fromStranger = leaf(stranger);

        assertThat(anchors.trusts(new X509Certificate[] {fromServer})).isTrue();
        assertThat(anchors.trusts(new X509Certificate[] {fromRegistered})).isFalse();
        assertThatThrownBy(() -> manager.checkClientTrusted(new X509Certificate[] {fromStranger}, "EC")).isInstanceOf(CertificateException.class);

        anchors.replace(List.of(caRecord(registered, CaCertificateStatus.ACTIVE)), List.of(CertificateIds.of(fromStranger)));
        assertThat(anchors.trusts(new X509Certificate[] {fromRegistered})).isTrue();
        assertThat(anchors.trusts(new X509Certificate[] {fromRegistered, registered.certificate()})).as("with the CA in the chain").isTrue();
        assertThat(anchors.trusts(new X509Certificate[] {fromStranger})).as("registered without a CA").isTrue();

        anchors.replace(List.of(caRecord(registered, CaCertificateStatus.INACTIVE)), List.of());
        assertThat(anchors.trusts(new X509Certificate[] {fromRegistered})).isFalse();
        assertThat(anchors.trusts(new X509Certificate[] {fromStranger})).isFalse();
        assertThat(anchors.trusts(new X509Certificate[0])).isFalse();
        assertThat(manager.getAcceptedIssuers()).isEmpty();
    }

    @Test
    void refusesExpiredCertificatesAndCasPresentedAsLeaves() throws Exception {
        CertificateAuthority server = ca("server");
        TrustAnchors anchors = new TrustAnchors(server.certificate());
        CertificateAuthority past = CertificateAuthority.openOrCreate(Files.createDirectories(dir.resolve("past")),
                Clock.fixed(Instant.now().minus(Duration.ofDays(30)), ZoneOffset.UTC));
        X509Certificate expired = past.issueClient(CertificateAuthority.KeyPairs.ec().getPublic(), "old", Duration.ofDays(1));
        anchors.trustCertificate(CertificateIds.of(expired));
        assertThat(anchors.trusts(new X509Certificate[] {expired})).isFalse();
        assertThat(anchors.trusts(new X509Certificate[] {server.certificate()})).isFalse();
    }

    private CertificateAuthority ca(String name) throws IOException {
        return CertificateAuthority.openOrCreate(Files.createDirectories(dir.resolve(name)), Clock.systemUTC());
    }

    private static X509Certificate leaf(CertificateAuthority ca) {
        return ca.issueClient(CertificateAuthority.KeyPairs.ec().getPublic(), "device", Duration.ofDays(1));
    }

    private static CaCertificate caRecord(CertificateAuthority ca, CaCertificateStatus status) {
        return new CaCertificate(CertificateIds.of(ca.certificate()), Pem.of(ca.certificate()), status, false, CertificateMode.SNI_ONLY, 1, 1, 1,
                "g", 0, 0);
    }
}
