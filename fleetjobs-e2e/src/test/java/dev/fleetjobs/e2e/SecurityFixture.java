package dev.fleetjobs.e2e;

import static org.awaitility.Awaitility.await;

import dev.fleetjobs.server.pki.CertificateAuthority;
import dev.fleetjobs.server.pki.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;

/**
 * A secure server with a small fleet and one principal of every kind: access keys for each role
 * (made with the CLI), a revoked key, and device certificates attached to one thing or another,
 * one of them revoked. Sends signed and certificate-authenticated requests.
 */
final class SecurityFixture implements AutoCloseable {

    final RunningServer server;
    final IotClient iot;
    final Path dataDir;
    private final Path scratch;
    final Cli.Key admin;
    final Cli.Key operator;
    final Cli.Key device;
    final Cli.Key revokedKey;
    final DeviceIdentity pump1Certificate;
    final DeviceIdentity pump2Certificate;
    final DeviceIdentity revokedCertificate;
    final String caCertificateId;
    private final CertificateAuthority foreignCa;
    private final RawClient raw;
    private final AtomicInteger counter = new AtomicInteger();

    SecurityFixture(Path dataDir, Path scratch) {
        this.dataDir = dataDir;
        this.scratch = scratch;
        server = RunningServer.startSecure(dataDir);
        iot = server.iot();
        raw = new RawClient(server.endpoint());
        Fleet fleet = new Fleet(iot);
        fleet.thing("pump-1");
        fleet.thing("pump-2");
        fleet.job("job-1", "{\"op\":\"update\"}", "pump-1", "pump-2");

        admin = Cli.addKey(dataDir, "--role", "admin");
        operator = Cli.addKey(dataDir, "--role", "operator");
        device = Cli.addKey(dataDir, "--role", "device", "--things", "pump-1");
        revokedKey = Cli.addKey(dataDir, "--role", "admin");
        Cli.run("credentials", "revoke", revokedKey.accessKeyId(), "--data-dir", dataDir.toString());

        pump1Certificate = certificateFor("pump-1");
        pump2Certificate = certificateFor("pump-2");
        revokedCertificate = certificateFor("pump-1");
        iot.updateCertificate(r -> r.certificateId(revokedCertificate.certificateId()).newStatus(CertificateStatus.REVOKED));
        try {
            foreignCa = CertificateAuthority.openOrCreate(Files.createDirectories(scratch.resolve("foreign-ca")), Clock.systemUTC());
            CertificateAuthority registeredCa = CertificateAuthority.openOrCreate(Files.createDirectories(scratch.resolve("registered-ca")),
                    Clock.systemUTC());
            caCertificateId = iot.registerCACertificate(r -> r.caCertificate(Pem.of(registeredCa.certificate())).certificateMode("SNI_ONLY")
                    .setAsActive(true)).certificateId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The CLI wrote the keys to the data directory; the server reloads them within its refresh interval.
        await().atMost(Duration.ofSeconds(10)).until(() -> signed(ApiCall.control("ListThings", "GET", "/things", null),
                operator, Clock.systemUTC()).statusCode() == 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> signed(ApiCall.control("ListThings", "GET", "/things", null),
                revokedKey, Clock.systemUTC()).statusCode() == 403);
    }

    private DeviceIdentity certificateFor(String thingName) {
        CreateKeysAndCertificateResponse created = iot.createKeysAndCertificate(r -> r.setAsActive(true));
        iot.attachThingPrincipal(r -> r.thingName(thingName).principal(created.certificateArn()));
        return DeviceIdentity.fromPem(created.certificatePem(), created.keyPair().privateKey());
    }

    /** A fresh device certificate PEM signed by the server's own CA, or by a CA nobody registered. */
    String freshCertificatePem(boolean serverCa) {
        try {
            CertificateAuthority ca = serverCa ? CertificateAuthority.openOrCreate(dataDir, Clock.systemUTC()) : foreignCa;
            KeyPair keys = CertificateAuthority.KeyPairs.ec();
            return Pem.of(ca.issueClient(keys.getPublic(), "fresh-" + counter.incrementAndGet(), Duration.ofDays(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String freshCaPem() {
        try {
            Path dir = Files.createDirectories(scratch.resolve("ca-" + next()));
            return Pem.of(CertificateAuthority.openOrCreate(dir, Clock.systemUTC()).certificate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int next() {
        return counter.incrementAndGet();
    }

    HttpResponse<String> signed(ApiCall call, Cli.Key key, Clock clock) {
        return signed(call, key.accessKeyId(), key.secretAccessKey(), clock);
    }

    HttpResponse<String> signed(ApiCall call, String accessKeyId, String secret, Clock clock) {
        return raw.signed(call.service(), call.method(), call.pathAndQuery(), call.body(), accessKeyId, secret, clock, withHeaders(call));
    }

    HttpResponse<String> unsigned(ApiCall call) {
        return raw.unsigned(call.method(), call.pathAndQuery(), call.body());
    }

    /** The call over the device listener, authenticated by {@code identity}'s certificate. */
    HttpResponse<String> withCertificate(ApiCall call, DeviceIdentity identity) {
        HttpClient http = HttpClient.newBuilder().sslContext(identity.sslContext(server.server().certificateAuthority())).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(server.deviceEndpoint().resolve(call.pathAndQuery()))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body()));
        try {
            return http.send(withHeaders(call).apply(request).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static UnaryOperator<HttpRequest.Builder> withHeaders(ApiCall call) {
        return builder -> {
            call.headers().forEach(builder::header);
            return builder;
        };
    }

    @Override
    public void close() {
        server.close();
    }
}
