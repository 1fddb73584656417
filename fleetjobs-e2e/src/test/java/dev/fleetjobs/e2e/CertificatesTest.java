package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.server.pki.CertificateAuthority;
import dev.fleetjobs.server.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateMode;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateValidationException;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ListCertificatesResponse;
import software.amazon.awssdk.services.iot.model.RegistrationCodeValidationException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/** The certificate operations of the control plane through the official {@code IotClient}: shapes, paging, rules, errors. */
class CertificatesTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path scratch;

    private RunningServer server;
    private IotClient iot;

    @BeforeEach
    void start() {
        server = RunningServer.startSecure(dataDir);
        iot = server.iot();
        new Fleet(iot).thing("pump-1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createKeysAndCertificateIsDescribedAsAwsDescribesIt() {
        Instant before = Instant.now().minusSeconds(1);
        var created = iot.createKeysAndCertificate(r -> r.setAsActive(false));
        assertThat(created.certificateId()).matches("[0-9a-f]{64}");
        assertThat(created.certificateArn()).isEqualTo("arn:aws:iot:us-east-1:000000000000:cert/" + created.certificateId());
        assertThat(created.keyPair().publicKey()).startsWith("-----BEGIN PUBLIC KEY-----");

        var description = iot.describeCertificate(r -> r.certificateId(created.certificateId())).certificateDescription();
        assertThat(description.status()).isEqualTo(CertificateStatus.INACTIVE);
        assertThat(description.certificatePem()).isEqualTo(created.certificatePem());
        assertThat(description.ownedBy()).isEqualTo("000000000000");
        assertThat(description.customerVersion()).isEqualTo(1);
        assertThat(description.creationDate()).isAfter(before);
        assertThat(description.validity().notAfter()).isAfter(Instant.now().plus(Duration.ofDays(365)));
        assertThat(description.certificateMode()).isEqualTo(CertificateMode.DEFAULT);
        assertThat(description.caCertificateId()).isNull();

        iot.updateCertificate(r -> r.certificateId(created.certificateId()).newStatus(CertificateStatus.ACTIVE));
        var updated = iot.describeCertificate(r -> r.certificateId(created.certificateId())).certificateDescription();
        assertThat(updated.status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(updated.customerVersion()).isEqualTo(2);
        assertThat(updated.generationId()).isNotEqualTo(description.generationId());
        assertThatThrownBy(() -> iot.updateCertificate(r -> r.certificateId(created.certificateId()).newStatus(CertificateStatus.PENDING_TRANSFER)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void certificatesArePagedWithMarkersInEitherOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(iot.registerCertificateWithoutCA(r -> r.certificatePem(freshPem("listed"))).certificateId());
        }
        List<String> ascending = new ArrayList<>();
        String marker = null;
        do {
            String current = marker;
            ListCertificatesResponse page = iot.listCertificates(r -> r.pageSize(2).ascendingOrder(true).marker(current));
            page.certificates().forEach(c -> ascending.add(c.certificateId()));
            marker = page.nextMarker();
        } while (marker != null);
        assertThat(ascending).containsExactlyElementsOf(ids);
        assertThat(iot.listCertificates(r -> r.pageSize(1)).certificates().get(0).certificateId()).as("newest first by default")
                .isEqualTo(ids.get(4));
        assertThat(iot.listCertificatesPaginator(r -> r.pageSize(2)).certificates()).hasSize(5);
    }

    @Test
    void deletionNeedsAnInactiveDetachedCertificateAndAThingWithPrincipalsStays() {
        var created = iot.createKeysAndCertificate(r -> r.setAsActive(true));
        String id = created.certificateId();
        iot.attachThingPrincipal(r -> r.thingName("pump-1").principal(created.certificateArn()));
        assertThat(iot.listThingPrincipals(r -> r.thingName("pump-1")).principals()).containsExactly(created.certificateArn());
        assertThat(iot.listPrincipalThings(r -> r.principal(created.certificateArn())).things()).containsExactly("pump-1");

        assertThatThrownBy(() -> iot.deleteCertificate(r -> r.certificateId(id)))
                .isInstanceOfSatisfying(CertificateStateException.class, e -> assertThat(e.statusCode()).isEqualTo(406));
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.INACTIVE));
        assertThatThrownBy(() -> iot.deleteCertificate(r -> r.certificateId(id)))
                .isInstanceOfSatisfying(DeleteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> iot.deleteThing(r -> r.thingName("pump-1")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("still attached");

        iot.detachThingPrincipal(r -> r.thingName("pump-1").principal(created.certificateArn()));
        iot.deleteCertificate(r -> r.certificateId(id));
        assertThatThrownBy(() -> iot.describeCertificate(r -> r.certificateId(id))).isInstanceOf(ResourceNotFoundException.class);
        iot.deleteThing(r -> r.thingName("pump-1"));
    }

    @Test
    void registrationRefusesWhatItCannotVouchFor() {
        assertThatThrownBy(() -> iot.registerCertificate(r -> r.certificatePem("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----")))
                .isInstanceOfSatisfying(CertificateValidationException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> iot.registerCertificate(r -> r.certificatePem(freshPem("stranger"))))
                .as("signed by a CA nobody registered").isInstanceOf(CertificateValidationException.class);
        String pem = freshPem("twice");
        var first = iot.registerCertificateWithoutCA(r -> r.certificatePem(pem));
        assertThatThrownBy(() -> iot.registerCertificateWithoutCA(r -> r.certificatePem(pem)))
                .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> assertThat(e.resourceId()).isEqualTo(first.certificateId()));
        assertThatThrownBy(() -> iot.attachThingPrincipal(r -> r.thingName("ghost").principal(first.certificateArn())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.attachThingPrincipal(r -> r.thingName("pump-1").principal("us-east-1:cognito-identity")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aCaRegisteredInDefaultModeProvesItHoldsItsKey() throws IOException {
        CertificateAuthority ca = CertificateAuthority.openOrCreate(Files.createDirectories(scratch.resolve("ca")), Clock.systemUTC());
        String code = iot.getRegistrationCode().registrationCode();
        assertThat(code).matches("[0-9a-f]{64}").isEqualTo(iot.getRegistrationCode().registrationCode());
        String caPem = Pem.of(ca.certificate());

        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(caPem).verificationCertificate(verification(ca, "wrong-code"))))
                .isInstanceOf(RegistrationCodeValidationException.class);
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(caPem)))
                .as("DEFAULT mode needs a verification certificate").isInstanceOf(InvalidRequestException.class);

        var registered = iot.registerCACertificate(r -> r.caCertificate(caPem).verificationCertificate(verification(ca, code)).setAsActive(true));
        var described = iot.describeCACertificate(r -> r.certificateId(registered.certificateId())).certificateDescription();
        assertThat(described.statusAsString()).isEqualTo("ACTIVE");
        assertThat(described.certificateModeAsString()).isEqualTo("DEFAULT");
        assertThat(iot.listCACertificates().certificates()).extracting(c -> c.certificateId()).containsExactly(registered.certificateId());
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(caPem).certificateMode("SNI_ONLY")))
                .isInstanceOf(ResourceAlreadyExistsException.class);

        String device = Pem.of(ca.issueClient(CertificateAuthority.KeyPairs.ec().getPublic(), "pump-1", Duration.ofDays(1)));
        var deviceCertificate = iot.registerCertificate(r -> r.certificatePem(device).caCertificatePem(caPem));
        assertThat(iot.describeCertificate(r -> r.certificateId(deviceCertificate.certificateId())).certificateDescription().caCertificateId())
                .isEqualTo(registered.certificateId());
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(device).certificateMode("SNI_ONLY")))
                .as("a device certificate is no CA").isInstanceOf(CertificateValidationException.class);
    }

    private static String verification(CertificateAuthority ca, String commonName) {
        return Pem.of(ca.issueClient(CertificateAuthority.KeyPairs.ec().getPublic(), commonName, Duration.ofDays(1)));
    }

    private String freshPem(String name) {
        try {
            CertificateAuthority other = CertificateAuthority.openOrCreate(Files.createDirectories(scratch.resolve("other")), Clock.systemUTC());
            return Pem.of(other.issueClient(CertificateAuthority.KeyPairs.ec().getPublic(), name, Duration.ofDays(1)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
