package dev.fleetjobs.e2e;

import dev.fleetjobs.server.app.DataDirectory;
import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.SecurityOptions;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.artifacts.ArtifactSettings;
import dev.fleetjobs.server.mqtt.MqttSettings;
import dev.fleetjobs.server.scheduler.SettableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/** A server started in-process on a free port, and official AWS SDK clients pointed at it. */
final class RunningServer implements AutoCloseable {

    static final String ACCESS_KEY = "FJIATESTROOTKEY00001";
    static final String SECRET_KEY = "test-root-secret-key-0000000000000000000";
    static final Cli.Key ROOT = new Cli.Key(ACCESS_KEY, SECRET_KEY);

    private final FleetjobsServer server;
    private final IotClient iot;
    private final IotJobsDataPlaneClient jobs;

    private RunningServer(FleetjobsServer server) {
        this.server = server;
        this.iot = iotClient(endpoint());
        this.jobs = jobsClient(endpoint());
    }

    /** The official control-plane client for a server at {@code endpoint}, with the root key and no retries. */
    static IotClient iotClient(URI endpoint) {
        return IotClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /** The official data-plane client for a server at {@code endpoint}, with the root key and no retries. */
    static IotJobsDataPlaneClient jobsClient(URI endpoint) {
        return IotJobsDataPlaneClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    static RunningServer start(Path dataDir) {
        return start(ServerConfig.defaults("127.0.0.1", 0, dataDir));
    }

    /** A {@code --dev} server whose job clock stands at {@code clockStart} until {@code POST /_dev/clock} moves it. */
    static RunningServer startDev(Path dataDir, Instant clockStart) {
        return startDev(ServerConfig.defaults("127.0.0.1", 0, dataDir), clockStart);
    }

    static RunningServer startDev(ServerConfig config, Instant clockStart) {
        return start(config.withDev(true).withJobClock(SettableClock.fixedAt(clockStart)));
    }

    static RunningServer start(ServerConfig config) {
        return start(config, MqttSettings.disabled());
    }

    static RunningServer start(ServerConfig config, MqttSettings mqtt) {
        return start(config, mqtt, ArtifactSettings.builtIn());
    }

    /** With job files in the given store. */
    static RunningServer start(ServerConfig config, MqttSettings mqtt, ArtifactSettings artifacts) {
        try {
            return new RunningServer(FleetjobsServer.start(config.withRootCredentials(ACCESS_KEY, SECRET_KEY), mqtt, artifacts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A second node on the data directory (and SQLite database) of a running one: it does not take the directory's lock. */
    static RunningServer startSharing(ServerConfig config, MqttSettings mqtt) {
        try {
            return new RunningServer(FleetjobsServer.start(config.withRootCredentials(ACCESS_KEY, SECRET_KEY), mqtt,
                    DataDirectory.shared(config.dataDir())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With the embedded broker's plain listener on a free port. */
    static RunningServer withPlainMqtt(ServerConfig config, boolean events, List<String> extraTopics) {
        return start(config, new MqttSettings(0, MqttSettings.OFF, null, null, null, events, extraTopics));
    }

    int mqttPort() {
        return server.mqtt().plainPort();
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /** A server that also runs the HTTPS device listener (development certificate) and notices new access keys quickly. */
    static RunningServer startSecure(Path dataDir) {
        return start(ServerConfig.defaults("127.0.0.1", 0, dataDir).withDev(true)
                .withSecurity(SecurityOptions.defaults().withDeviceListener(0, null, null).withRefreshInterval(Duration.ofMillis(100))));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    URI deviceEndpoint() {
        return URI.create("https://localhost:" + server.devicePort());
    }

    IotClient iot() {
        return iot;
    }

    IotJobsDataPlaneClient jobs() {
        return jobs;
    }

    FleetjobsServer server() {
        return server;
    }

    /** {@code POST /_dev/clock}: the job clock's epoch seconds after moving it. */
    long advanceClock(long seconds) {
        return new RawClient(endpoint()).advanceClock(seconds);
    }

    @Override
    public void close() {
        iot.close();
        jobs.close();
        server.close();
    }
}
