package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.mqtt.MqttSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ThingAttribute;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/**
 * {@code fleetjobs backup} on a running node while clients write, then {@code fleetjobs restore}
 * and a server on the restored directory: every write acknowledged before the backup started is
 * there, and the same root key, access keys and device CA still work.
 */
class BackupRestoreTest {

    private static final String JOB = "firmware";

    @TempDir
    Path work;

    @Test
    void backupUnderConcurrentWritesRestoresEveryAcknowledgedWrite() throws Exception {
        Path dataDir = work.resolve("node");
        Path backup = work.resolve("node-backup.zip");
        Path restored = work.resolve("restored");
        List<String> executionThings = IntStream.range(0, 20).mapToObj(i -> "device-" + i).toList();
        List<String> thingsBefore;
        Map<String, Integer> detailsBefore;
        StaticCredentialsProvider root;
        Cli.Key operator;
        try (FleetjobsServer server = FleetjobsServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir), MqttSettings.disabled())) {
            root = rootKeyOf(dataDir); // generated at this first start and kept in the data directory
            URI endpoint = URI.create("http://127.0.0.1:" + server.port());
            try (IotClient iot = iot(endpoint, root)) {
                Fleet fleet = new Fleet(iot);
                executionThings.forEach(fleet::thing);
                fleet.job(JOB, "{\"v\":2}", executionThings.toArray(String[]::new));
            }
            operator = Cli.addKey(dataDir, "--role", "operator");
            try (BackupWriters writers = new BackupWriters(endpoint, root, 3, JOB, executionThings)) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> writers.acks().size() >= 300);
                long backupStarted = System.nanoTime();
                Cli.Result result = Cli.run("backup", "--data-dir", dataDir.toString(), "--output", backup.toString());
                long backupDone = System.nanoTime();
                assertThat(result.exitCode()).as(result.err()).isZero();
                thingsBefore = writers.thingsAcknowledgedBefore(backupStarted);
                detailsBefore = writers.detailsAcknowledgedBefore(backupStarted);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> writers.countBetween(backupDone, Long.MAX_VALUE) >= 50);
                System.out.printf("BackupRestoreTest: backup took %.0f ms with 4 clients writing; %d writes answered during it, the slowest"
                                + " of them %.1f ms (slowest before it: %.1f ms). %s%n",
                        (backupDone - backupStarted) / 1e6, writers.countBetween(backupStarted, backupDone),
                        writers.slowestOverlapping(backupStarted, backupDone), writers.slowestBefore(backupStarted, 0), result.out().lines().findFirst().orElse(""));
                writers.close();
                assertThat(writers.failures()).isEmpty();
                assertThat(writers.countBetween(backupStarted, backupDone)).as("writes went on during the backup").isPositive();
            }
        }
        assertThat(thingsBefore).hasSizeGreaterThan(100);
        assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Cli.Result restore = Cli.run("restore", "--input", backup.toString(), "--data-dir", restored.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        for (String key : List.of("secret.key", "device-ca.key", "device-ca.pem", "root-credentials.properties", "fleetjobs.db")) {
            assertThat(Files.getPosixFilePermissions(restored.resolve(key))).as(key).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            if (!key.equals("fleetjobs.db")) {
                assertThat(Files.readAllBytes(restored.resolve(key))).as(key).isEqualTo(Files.readAllBytes(dataDir.resolve(key)));
            }
        }
        assertThat(Files.getPosixFilePermissions(restored)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> siblings = Files.list(work)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).as("nothing left beside the backup and the restore")
                    .containsExactlyInAnyOrder("node", "node-backup.zip", "restored");
        }

        // The root key is read from the restored directory, exactly as on the first node.
        try (FleetjobsServer server = FleetjobsServer.start(ServerConfig.defaults("127.0.0.1", 0, restored), MqttSettings.disabled())) {
            URI endpoint = URI.create("http://127.0.0.1:" + server.port());
            try (IotClient iot = iot(endpoint, root)) {
                List<String> stored = iot.listThingsPaginator(r -> r.maxResults(250)).things().stream().map(ThingAttribute::thingName).toList();
                assertThat(stored).containsAll(thingsBefore);
                assertThat(iot.getJobDocument(r -> r.jobId(JOB)).document()).isEqualTo("{\"v\":2}");
            }
            try (IotJobsDataPlaneClient jobs = IotJobsDataPlaneClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(root).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
                assertThat(detailsBefore).isNotEmpty();
                detailsBefore.forEach((thing, n) -> {
                    var execution = jobs.describeJobExecution(r -> r.thingName(thing).jobId(JOB)).execution();
                    assertThat(Integer.parseInt(execution.statusDetails().get("n"))).as(thing).isGreaterThanOrEqualTo(n);
                });
            }
            // An access key made before the backup is sealed with the node's secret.key: it still signs.
            try (IotClient asOperator = iot(endpoint, StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(operator.accessKeyId(), operator.secretAccessKey())))) {
                assertThat(asOperator.describeThing(r -> r.thingName("device-0")).thingName()).isEqualTo("device-0");
            }
        }
    }

    @Test
    void aDeviceCertificateMadeBeforeTheBackupAuthenticatesOnTheRestoredNode() throws Exception {
        Path dataDir = work.resolve("secure");
        Path backup = work.resolve("secure.zip");
        Path restored = work.resolve("secure-restored");
        DeviceIdentity device;
        try (RunningServer server = RunningServer.startSecure(dataDir)) {
            new Fleet(server.iot()).thing("pump-1");
            new Fleet(server.iot()).job("job-1", "{\"op\":\"install\"}", "pump-1");
            var created = server.iot().createKeysAndCertificate(r -> r.setAsActive(true));
            server.iot().attachThingPrincipal(r -> r.thingName("pump-1").principal(created.certificateArn()));
            device = DeviceIdentity.fromPem(created.certificatePem(), created.keyPair().privateKey());
            Cli.Result result = Cli.run("backup", "--data-dir", dataDir.toString(), "--output", backup.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
        }
        assertThat(Cli.run("restore", "--input", backup.toString(), "--data-dir", restored.toString()).exitCode()).isZero();
        for (String file : List.of("device-tls.pem", "device-tls.key")) {
            assertThat(Files.readAllBytes(restored.resolve(file))).as(file).isEqualTo(Files.readAllBytes(dataDir.resolve(file)));
        }
        try (RunningServer server = RunningServer.startSecure(restored);
             IotJobsDataPlaneClient jobs = device.jobsClient(server.deviceEndpoint(), server.server().certificateAuthority())) {
            assertThat(jobs.getPendingJobExecutions(r -> r.thingName("pump-1")).queuedJobs()).extracting(j -> j.jobId())
                    .containsExactly("job-1");
        }
    }

    static StaticCredentialsProvider rootKeyOf(Path dataDir) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("root-credentials.properties"))) {
            properties.load(in);
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.getProperty("accessKeyId"),
                properties.getProperty("secretAccessKey")));
    }

    static IotClient iot(URI endpoint, StaticCredentialsProvider credentials) {
        return IotClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }
}
