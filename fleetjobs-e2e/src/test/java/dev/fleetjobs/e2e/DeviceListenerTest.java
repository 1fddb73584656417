package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.server.pki.CertificateAuthority;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;
import software.amazon.awssdk.services.iotjobsdataplane.model.CertificateValidationException;
import software.amazon.awssdk.services.iotjobsdataplane.model.IotJobsDataPlaneException;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecutionStatus;

/**
 * The HTTPS device listener: the official data-plane client and curl present client
 * certificates; the certificate's status and its attachment to the thing decide what it may do,
 * and a certificate nobody vouches for does not complete the handshake.
 */
class DeviceListenerTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path files;

    private RunningServer server;
    private IotClient iot;

    @BeforeEach
    void start() {
        server = RunningServer.startSecure(dataDir);
        iot = server.iot();
        Fleet fleet = new Fleet(iot);
        fleet.thing("pump-1");
        fleet.thing("pump-2");
        fleet.job("job-1", "{\"op\":\"update\"}", "pump-1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theOfficialDataPlaneClientRunsAJobWithACertificateFromCreateKeysAndCertificate() {
        CreateKeysAndCertificateResponse created = iot.createKeysAndCertificate(r -> r.setAsActive(true));
        assertThat(created.keyPair().privateKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        DeviceIdentity device = DeviceIdentity.fromPem(created.certificatePem(), created.keyPair().privateKey());
        assertThat(device.certificateId()).isEqualTo(created.certificateId());
        iot.attachThingPrincipal(r -> r.thingName("pump-1").principal(created.certificateArn()));

        try (IotJobsDataPlaneClient jobs = device.jobsClient(server.deviceEndpoint(), server.server().certificateAuthority())) {
            assertThat(jobs.getPendingJobExecutions(r -> r.thingName("pump-1")).queuedJobs()).extracting(j -> j.jobId())
                    .containsExactly("job-1");
            var started = jobs.startNextPendingJobExecution(r -> r.thingName("pump-1")).execution();
            assertThat(started.status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
            jobs.updateJobExecution(r -> r.thingName("pump-1").jobId("job-1").status(JobExecutionStatus.SUCCEEDED));
            assertThat(iot.describeJob(r -> r.jobId("job-1")).job().statusAsString()).isEqualTo("COMPLETED");

            assertThatThrownBy(() -> jobs.getPendingJobExecutions(r -> r.thingName("pump-2")))
                    .as("the certificate is not attached to pump-2")
                    .isInstanceOfSatisfying(IotJobsDataPlaneException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    });

            iot.updateCertificate(r -> r.certificateId(created.certificateId()).newStatus(CertificateStatus.INACTIVE));
            assertThatThrownBy(() -> jobs.getPendingJobExecutions(r -> r.thingName("pump-1")))
                    .isInstanceOfSatisfying(CertificateValidationException.class, e -> assertThat(e.statusCode()).isEqualTo(400));

            iot.updateCertificate(r -> r.certificateId(created.certificateId()).newStatus(CertificateStatus.REVOKED));
            assertThatThrownBy(() -> jobs.describeJobExecution(r -> r.thingName("pump-1").jobId("job-1")))
                    .isInstanceOf(CertificateValidationException.class);
            assertThatThrownBy(() -> iot.updateCertificate(r -> r.certificateId(created.certificateId()).newStatus(CertificateStatus.ACTIVE)))
                    .as("a revoked certificate stays revoked")
                    .isInstanceOfSatisfying(CertificateStateException.class, e -> assertThat(e.statusCode()).isEqualTo(406));
        }
    }

    @Test
    void curlWithACliIssuedCertificateRegisteredThroughTheControlPlane() throws Exception {
        Cli.Result issued = Cli.run("certificates", "issue", "--thing", "pump-1", "--out", files.toString(), "--data-dir", dataDir.toString());
        assertThat(issued.exitCode()).as(issued.err()).isZero();
        Path certificate = files.resolve("pump-1.cert.pem");
        Path key = files.resolve("pump-1.private.key");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

        Curl unregistered = curl(certificate, key, "/things/pump-1/jobs");
        assertThat(unregistered.status()).isEqualTo(400);
        assertThat(unregistered.errorType()).isEqualTo("CertificateValidationException");

        String id = iot.registerCertificate(r -> r.certificatePem(readString(certificate)).status(CertificateStatus.ACTIVE)).certificateId();
        Curl unattached = curl(certificate, key, "/things/pump-1/jobs");
        assertThat(unattached.status()).isEqualTo(403);
        assertThat(unattached.errorType()).isEqualTo("AccessDeniedException");

        iot.attachThingPrincipal(r -> r.thingName("pump-1").principal("arn:aws:iot:us-east-1:000000000000:cert/" + id));
        Curl allowed = curl(certificate, key, "/things/pump-1/jobs");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"jobId\":\"job-1\"");
    }

    @Test
    void theHandshakeRefusesCertificatesThatNothingVouchesFor() throws Exception {
        CertificateAuthority stranger = CertificateAuthority.openOrCreate(Files.createDirectories(files.resolve("stranger")), Clock.systemUTC());
        KeyPair keys = CertificateAuthority.KeyPairs.ec();
        DeviceIdentity foreign = new DeviceIdentity(stranger.issueClient(keys.getPublic(), "pump-1", Duration.ofDays(1)), keys.getPrivate());
        Path[] pem = foreign.writeTo(files, "foreign");

        Curl refused = curl(pem[0], pem[1], "/things/pump-1/jobs");
        assertThat(refused.exitCode()).as("no TLS session, so no HTTP answer").isNotZero();
        assertThat(refused.status()).isZero();
        assertThat(curlWithoutCertificate("/things/pump-1/jobs").exitCode()).isNotZero();

        // Registered without a CA, the same certificate is trusted by itself...
        String id = iot.registerCertificateWithoutCA(r -> r.certificatePem(dev.fleetjobs.server.pki.Pem.of(foreign.certificate()))
                .status(CertificateStatus.ACTIVE)).certificateId();
        iot.attachThingPrincipal(r -> r.thingName("pump-1").principal(foreign.arn()));
        assertThat(curl(pem[0], pem[1], "/things/pump-1/jobs").status()).isEqualTo(200);

        // ...until it is deleted.
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.INACTIVE));
        iot.detachThingPrincipal(r -> r.thingName("pump-1").principal(foreign.arn()));
        iot.deleteCertificate(r -> r.certificateId(id));
        assertThat(curl(pem[0], pem[1], "/things/pump-1/jobs").exitCode()).isNotZero();
    }

    @Test
    void aRegisteredCaVouchesForItsCertificatesWhileItIsActive() throws Exception {
        CertificateAuthority own = CertificateAuthority.openOrCreate(Files.createDirectories(files.resolve("own-ca")), Clock.systemUTC());
        String caId = iot.registerCACertificate(r -> r.caCertificate(dev.fleetjobs.server.pki.Pem.of(own.certificate()))
                .certificateMode("SNI_ONLY").setAsActive(true)).certificateId();
        KeyPair keys = CertificateAuthority.KeyPairs.ec();
        DeviceIdentity device = new DeviceIdentity(own.issueClient(keys.getPublic(), "pump-1", Duration.ofDays(1)), keys.getPrivate());
        var registered = iot.registerCertificate(r -> r.certificatePem(dev.fleetjobs.server.pki.Pem.of(device.certificate()))
                .status(CertificateStatus.ACTIVE));
        assertThat(iot.describeCertificate(r -> r.certificateId(registered.certificateId())).certificateDescription().caCertificateId())
                .isEqualTo(caId);
        iot.attachThingPrincipal(r -> r.thingName("pump-1").principal(registered.certificateArn()));

        Path[] pem = device.writeTo(files, "device");
        assertThat(curl(pem[0], pem[1], "/things/pump-1/jobs").status()).isEqualTo(200);

        iot.updateCACertificate(r -> r.certificateId(caId).newStatus("INACTIVE"));
        assertThat(curl(pem[0], pem[1], "/things/pump-1/jobs").exitCode()).as("an inactive CA vouches for nobody").isNotZero();
    }

    @Test
    void theDeviceListenerServesTheDataPlaneOnlyAndIgnoresSignatures() throws Exception {
        CreateKeysAndCertificateResponse created = iot.createKeysAndCertificate(r -> r.setAsActive(true));
        iot.attachThingPrincipal(r -> r.thingName("pump-1").principal(created.certificateArn()));
        DeviceIdentity device = DeviceIdentity.fromPem(created.certificatePem(), created.keyPair().privateKey());
        HttpClient http = HttpClient.newBuilder().sslContext(device.sslContext(server.server().certificateAuthority())).build();

        HttpResponse<String> controlPlane = http.send(HttpRequest.newBuilder(server.deviceEndpoint().resolve("/things")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(controlPlane.statusCode()).as("ListThings is not a device operation").isEqualTo(404);
        assertThat(controlPlane.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(server.deviceEndpoint().resolve("/things/pump-2/jobs"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + RunningServer.ACCESS_KEY
                        + "/20260101/us-east-1/iot-jobs-data/aws4_request, SignedHeaders=host, Signature=00")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("root's key id in a header does not make the certificate root").isEqualTo(403);
    }

    private record Curl(int exitCode, int status, String errorType, String body) {
    }

    private Curl curl(Path certificate, Path key, String path) throws IOException, InterruptedException {
        return runCurl(List.of("--cert", certificate.toString(), "--key", key.toString()), path);
    }

    private Curl curlWithoutCertificate(String path) throws IOException, InterruptedException {
        return runCurl(List.of(), path);
    }

    private Curl runCurl(List<String> identity, String path) throws IOException, InterruptedException {
        Path ca = files.resolve("server-ca.pem");
        Files.writeString(ca, dev.fleetjobs.server.pki.Pem.of(server.server().certificateAuthority()));
        Path body = Files.createTempFile(files, "body", ".json");
        Path headers = Files.createTempFile(files, "headers", ".txt");
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "--cacert", ca.toString(),
                "-o", body.toString(), "-D", headers.toString(), "-w", "%{http_code}"));
        command.addAll(identity);
        command.add(server.deviceEndpoint() + path);
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String status = new String(process.getInputStream().readAllBytes()).trim();
        process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String errorType = Files.readAllLines(headers).stream().filter(h -> h.toLowerCase().startsWith("x-amzn-errortype:"))
                .map(h -> h.substring(h.indexOf(':') + 1).trim()).findFirst().orElse(null);
        return new Curl(process.exitValue(), status.isEmpty() ? 0 : Integer.parseInt(status), errorType, Files.readString(body));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
