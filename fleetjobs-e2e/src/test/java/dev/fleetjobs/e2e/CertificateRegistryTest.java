package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fleetjobs.server.pki.CertificateAuthority;
import dev.fleetjobs.server.pki.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaResponse;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.Tag;

/**
 * The certificate registry's remaining AWS operations and details, through the official
 * {@code IotClient}: the validity of issued certificates, ListCertificatesByCA and its paging,
 * DeleteCACertificate and what becomes of the certificates the CA signed, {@code forceDelete},
 * and the members still refused by name.
 */
class CertificateRegistryTest {

    private static final Instant END_OF_2049 = Instant.parse("2049-12-31T23:59:59Z");

    @TempDir
    static Path dataDir;

    @TempDir
    static Path scratch;

    private static RunningServer server;
    private static IotClient iot;
    private static final AtomicInteger counter = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = RunningServer.startSecure(dataDir);
        iot = server.iot();
        new Fleet(iot).thing("reg-1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createKeysAndCertificateIssuesCertificatesThatExpireAtTheEndOf2049AsAwsDoes() throws IOException {
        Instant before = Instant.now();
        var created = iot.createKeysAndCertificate(r -> r.setAsActive(true));
        X509Certificate x509 = Pem.certificate(created.certificatePem());
        assertThat(x509.getNotAfter().toInstant()).isEqualTo(END_OF_2049);
        assertThat(x509.getNotBefore().toInstant()).isBetween(before.minus(Duration.ofMinutes(6)), before);

        var validity = iot.describeCertificate(r -> r.certificateId(created.certificateId())).certificateDescription().validity();
        assertThat(validity.notAfter()).isEqualTo(END_OF_2049);
        assertThat(validity.notBefore()).isEqualTo(x509.getNotBefore().toInstant());
        // The server's CA outlives what it signs.
        assertThat(server.server().certificateAuthority().getNotAfter().toInstant()).isAfterOrEqualTo(END_OF_2049);
    }

    @Test
    void listCertificatesByCaPagesTheCasOwnCertificatesLikeListCertificates() {
        CertificateAuthority ca = freshCa();
        String caId = registerCa(ca, true);
        CertificateAuthority otherCa = freshCa();
        registerCa(otherCa, true);
        List<String> signed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            signed.add(iot.registerCertificate(r -> r.certificatePem(devicePem(ca)).caCertificatePem(Pem.of(ca.certificate()))).certificateId());
            iot.registerCertificate(r -> r.certificatePem(devicePem(otherCa)).caCertificatePem(Pem.of(otherCa.certificate())));
            iot.registerCertificateWithoutCA(r -> r.certificatePem(devicePem(freshCa())));
        }

        List<String> ascending = new ArrayList<>();
        String marker = null;
        do {
            String current = marker;
            ListCertificatesByCaResponse page = iot.listCertificatesByCA(r -> r.caCertificateId(caId).pageSize(2).ascendingOrder(true)
                    .marker(current));
            assertThat(page.certificates()).hasSizeLessThanOrEqualTo(2);
            page.certificates().forEach(c -> ascending.add(c.certificateId()));
            marker = page.nextMarker();
        } while (marker != null);
        assertThat(ascending).containsExactlyElementsOf(signed);
        List<String> newestFirst = iot.listCertificatesByCAPaginator(r -> r.caCertificateId(caId).pageSize(3)).certificates().stream()
                .map(c -> c.certificateId()).toList();
        List<String> reversed = new ArrayList<>(signed);
        java.util.Collections.reverse(reversed);
        assertThat(newestFirst).containsExactlyElementsOf(reversed);
        assertThat(iot.listCertificatesByCA(r -> r.caCertificateId(caId).pageSize(1)).certificates().get(0).statusAsString())
                .isEqualTo("INACTIVE");

        assertThat(iot.listCertificatesByCA(r -> r.caCertificateId("0".repeat(64))).certificates()).isEmpty();
        assertThatThrownBy(() -> iot.listCertificatesByCA(r -> r.caCertificateId("not-an-id"))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.listCertificatesByCA(r -> r.caCertificateId(caId).marker("not a marker")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.listCertificatesByCA(r -> r.caCertificateId(caId).pageSize(251)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void deleteCaCertificateDeletesAnInactiveCaAndKeepsTheCertificatesItSigned() {
        CertificateAuthority ca = freshCa();
        String caId = registerCa(ca, true);
        KeyPair keys = CertificateAuthority.KeyPairs.ec();
        DeviceIdentity identity = new DeviceIdentity(ca.issueClient(keys.getPublic(), "reg-1", Duration.ofDays(1)), keys.getPrivate());
        var device = iot.registerCertificate(r -> r.certificatePem(Pem.of(identity.certificate())).caCertificatePem(Pem.of(ca.certificate()))
                .setAsActive(true));
        iot.attachThingPrincipal(r -> r.thingName("reg-1").principal(device.certificateArn()));
        assertThat(deviceListener(identity)).isEqualTo(200);

        assertThatThrownBy(() -> iot.deleteCACertificate(r -> r.certificateId(caId)))
                .isInstanceOfSatisfying(CertificateStateException.class, e -> assertThat(e.statusCode()).isEqualTo(406))
                .hasMessageContaining("ACTIVE");
        iot.updateCACertificate(r -> r.certificateId(caId).newStatus("INACTIVE"));
        iot.deleteCACertificate(r -> r.certificateId(caId));

        assertThatThrownBy(() -> iot.describeCACertificate(r -> r.certificateId(caId))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.deleteCACertificate(r -> r.certificateId(caId))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.updateCACertificate(r -> r.certificateId(caId).newStatus("ACTIVE")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(iot.listCACertificatesPaginator(r -> r.pageSize(50)).certificates()).noneMatch(c -> c.certificateId().equals(caId));
        // The device certificate stays as it was: registered, ACTIVE, attached, still naming its CA.
        var description = iot.describeCertificate(r -> r.certificateId(device.certificateId())).certificateDescription();
        assertThat(description.status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(description.caCertificateId()).isEqualTo(caId);
        assertThat(iot.listThingPrincipals(r -> r.thingName("reg-1")).principals()).contains(device.certificateArn());
        assertThat(iot.listCertificatesByCA(r -> r.caCertificateId(caId)).certificates()).extracting(c -> c.certificateId())
                .containsExactly(device.certificateId());
        // Like a certificate of an INACTIVE CA, it cannot authenticate while its CA is not registered and ACTIVE.
        assertThat(deviceListener(identity)).isEqualTo(0);
        // No new certificate can be registered under it, but the CA can be registered again.
        assertThatThrownBy(() -> iot.registerCertificate(r -> r.certificatePem(devicePem(ca)).caCertificatePem(Pem.of(ca.certificate()))))
                .isInstanceOf(software.amazon.awssdk.services.iot.model.CertificateValidationException.class);
        assertThat(registerCa(ca, false)).isEqualTo(caId);
        assertThat(iot.describeCACertificate(r -> r.certificateId(caId)).certificateDescription().statusAsString()).isEqualTo("INACTIVE");
        iot.updateCACertificate(r -> r.certificateId(caId).newStatus("ACTIVE"));
        await().atMost(MqttDevice.WAIT).until(() -> deviceListener(identity) == 200);
        // Its certificates are handled one by one, as on AWS.
        iot.updateCertificate(r -> r.certificateId(device.certificateId()).newStatus(CertificateStatus.REVOKED));
        iot.detachThingPrincipal(r -> r.thingName("reg-1").principal(device.certificateArn()));
        iot.deleteCertificate(r -> r.certificateId(device.certificateId()));
        assertThat(iot.listCertificatesByCA(r -> r.caCertificateId(caId)).certificates()).isEmpty();
    }

    @Test
    void forceDeleteDeletesOnlyWhatAwsDocumentsItDeletes() {
        var active = iot.createKeysAndCertificate(r -> r.setAsActive(true));
        assertThatThrownBy(() -> iot.deleteCertificate(r -> r.certificateId(active.certificateId()).forceDelete(true)))
                .isInstanceOf(CertificateStateException.class);
        iot.updateCertificate(r -> r.certificateId(active.certificateId()).newStatus(CertificateStatus.INACTIVE));
        iot.attachThingPrincipal(r -> r.thingName("reg-1").principal(active.certificateArn()));
        assertThatThrownBy(() -> iot.deleteCertificate(r -> r.certificateId(active.certificateId()).forceDelete(true)))
                .as("\"if it is inactive and is not attached to an IoT thing\"").isInstanceOf(DeleteConflictException.class);
        iot.detachThingPrincipal(r -> r.thingName("reg-1").principal(active.certificateArn()));
        iot.deleteCertificate(r -> r.certificateId(active.certificateId()).forceDelete(true));
        assertThatThrownBy(() -> iot.describeCertificate(r -> r.certificateId(active.certificateId())))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void tagsAndRegistrationConfigOfACaAreRefusedByName() {
        CertificateAuthority ca = freshCa();
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(Pem.of(ca.certificate())).certificateMode("SNI_ONLY")
                .tags(Tag.builder().key("site").value("north").build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("tags is not supported");
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(Pem.of(ca.certificate())).certificateMode("SNI_ONLY")
                .registrationConfig(c -> c.templateBody("{}"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("registrationConfig is not supported");
        String caId = registerCa(ca, false);
        assertThatThrownBy(() -> iot.updateCACertificate(r -> r.certificateId(caId).registrationConfig(c -> c.templateBody("{}"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("registrationConfig is not supported");
    }

    /** The status of a data-plane request on the device listener with this certificate; 0 when the handshake fails. */
    private static int deviceListener(DeviceIdentity identity) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .sslContext(identity.sslContext(server.server().certificateAuthority())).build();
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(server.deviceEndpoint().resolve("/things/reg-1/jobs")).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException refused) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CertificateAuthority freshCa() {
        try {
            return CertificateAuthority.openOrCreate(Files.createDirectories(scratch.resolve("ca-" + counter.incrementAndGet())), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String registerCa(CertificateAuthority ca, boolean active) {
        return iot.registerCACertificate(r -> r.caCertificate(Pem.of(ca.certificate())).certificateMode("SNI_ONLY").setAsActive(active))
                .certificateId();
    }

    private static String devicePem(CertificateAuthority ca) {
        return Pem.of(ca.issueClient(CertificateAuthority.KeyPairs.ec().getPublic(), "device-" + counter.incrementAndGet(), Duration.ofDays(1)));
    }
}
