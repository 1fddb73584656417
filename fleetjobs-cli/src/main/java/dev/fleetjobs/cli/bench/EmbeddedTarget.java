package dev.fleetjobs.cli.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.fleetjobs.sdk.auth.AwsCredentials;
import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.auth.KeyMaterial;
import dev.fleetjobs.server.mqtt.MqttSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * A server started in this JVM on a free port, with a temporary data directory that is deleted
 * afterwards, fresh root credentials, and (when a scenario needs it) the embedded MQTT broker on
 * a free port. Its log is kept to warnings so it does not run through the bench's output.
 */
final class EmbeddedTarget implements Target {

    private static final String HOST = "127.0.0.1";

    private static final Logger SERVER_LOG = (Logger) LoggerFactory.getLogger("dev.fleetjobs.server");

    private final Path dataDir;
    private final FleetjobsServer server;
    private final AwsCredentials credentials;
    private final Level logLevel;

    private EmbeddedTarget(Path dataDir, FleetjobsServer server, AwsCredentials credentials, Level logLevel) {
        this.dataDir = dataDir;
        this.server = server;
        this.credentials = credentials;
        this.logLevel = logLevel;
    }

    static EmbeddedTarget start(boolean withMqtt) {
        Level logLevel = SERVER_LOG.getLevel();
        SERVER_LOG.setLevel(Level.WARN);
        AwsCredentials credentials = AwsCredentials.of(KeyMaterial.newAccessKeyId(), KeyMaterial.newSecretAccessKey());
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("fleetjobs-bench-");
        } catch (IOException e) {
            throw new BenchUsageException("Cannot create a temporary data directory: " + e.getMessage(), e);
        }
        ServerConfig config = ServerConfig.defaults(HOST, 0, dataDir.resolve("data"))
                .withRootCredentials(credentials.accessKeyId(), credentials.secretAccessKey())
                .withDev(withMqtt);
        MqttSettings mqtt = withMqtt ? new MqttSettings(0, MqttSettings.OFF, null, null, null, false, List.of()) : MqttSettings.disabled();
        try {
            return new EmbeddedTarget(dataDir, FleetjobsServer.start(config, mqtt), credentials, logLevel);
        } catch (IOException | RuntimeException e) {
            SERVER_LOG.setLevel(logLevel);
            deleteQuietly(dataDir);
            throw new BenchFailure("The embedded server did not start: " + Failures.describe(e), e);
        }
    }

    @Override
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + server.port());
    }

    @Override
    public AwsCredentials credentials() {
        return credentials;
    }

    @Override
    public String region() {
        return server.config().region();
    }

    @Override
    public Optional<InetSocketAddress> mqtt() {
        int port = server.mqtt().plainPort();
        return port > 0 ? Optional.of(new InetSocketAddress(HOST, port)) : Optional.empty();
    }

    @Override
    public Optional<ProcessCpu> cpu() {
        return Optional.of(ProcessCpu.self("bench process (the embedded server and the load generator together)"));
    }

    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public String describe() {
        return "embedded server on " + endpoint() + mqtt().map(a -> " (MQTT on port " + a.getPort() + ")").orElse("");
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            SERVER_LOG.setLevel(logLevel);
            deleteQuietly(dataDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("warning: could not delete the bench's data directory " + dir + ": " + e.getMessage());
        }
    }
}
