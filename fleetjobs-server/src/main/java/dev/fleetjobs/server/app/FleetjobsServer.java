package dev.fleetjobs.server.app;

import dev.fleetjobs.server.auth.SigV4Verifier;
import dev.fleetjobs.server.http.DataPlaneRoutes;
import dev.fleetjobs.server.http.DevRoutes;
import dev.fleetjobs.server.http.ExecutionRoutes;
import dev.fleetjobs.server.http.JobRoutes;
import dev.fleetjobs.server.http.ThingRoutes;
import dev.fleetjobs.server.http.HttpEdge;
import dev.fleetjobs.server.http.RouteTable;
import dev.fleetjobs.server.mqtt.MqttFront;
import dev.fleetjobs.server.mqtt.MqttSettings;
import dev.fleetjobs.server.scheduler.Timekeeper;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.DataPlaneService;
import dev.fleetjobs.server.service.ExecutionAdminService;
import dev.fleetjobs.server.service.JobService;
import dev.fleetjobs.server.service.NotifyingJobStore;
import dev.fleetjobs.server.service.ThingService;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.sqlite.SqliteStores;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Fleetjobs server: hand wiring of store, services and HTTP edge, and an orderly stop.
 * {@link #close()} refuses new requests, lets those under way finish, then commits every
 * accepted write before releasing the database, so nothing acknowledged is ever lost.
 */
public final class FleetjobsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetjobsServer.class);
    private static final Duration MAX_SIGNATURE_SKEW = Duration.ofMinutes(15);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    /** With --dev, how far the job clock was moved, kept in the data directory across restarts. */
    static final String DEV_CLOCK_FILE = "dev-clock-offset";

    private final ServerConfig config;
    private final RootCredentials credentials;
    private final JobStore store;
    private final Timekeeper timekeeper;
    private final Vertx vertx;
    private final HttpEdge edge;
    private final HttpServer httpServer;
    private final MqttFront mqtt;
    private boolean closed;

    private FleetjobsServer(ServerConfig config, RootCredentials credentials, JobStore store, Timekeeper timekeeper, Vertx vertx,
                            HttpEdge edge, HttpServer httpServer, MqttFront mqtt) {
        this.config = config;
        this.credentials = credentials;
        this.store = store;
        this.timekeeper = timekeeper;
        this.vertx = vertx;
        this.edge = edge;
        this.httpServer = httpServer;
        this.mqtt = mqtt;
    }

    public static FleetjobsServer start(ServerConfig config) throws IOException {
        return start(config, MqttSettings.disabled());
    }

    /** Also serves devices over MQTT, on the embedded broker or through an external one. */
    public static FleetjobsServer start(ServerConfig config, MqttSettings mqttSettings) throws IOException {
        createPrivateDirectory(config.dataDir());
        RootCredentials credentials = RootCredentials.resolve(config);
        MqttFront mqtt = MqttFront.create(mqttSettings, config.jobClock(), new Arns(config.region(), config.accountId()));
        JobStore openedStore = SqliteStores.open(config.dataDir());
        // Every service writes through this store, so every execution change reaches the notifications.
        JobStore store = mqttSettings.enabled() ? new NotifyingJobStore(openedStore, mqtt.changes()) : openedStore;
        Vertx vertx = null;
        Timekeeper timekeeper = null;
        try {
            timekeeper = Timekeeper.start(store, config.jobClock(), config.dev(), config.dataDir().resolve(DEV_CLOCK_FILE));
            Clock clock = timekeeper.clock();
            Runnable wake = timekeeper::wake;
            Arns arns = new Arns(config.region(), config.accountId());
            DataPlaneService dataPlaneService = new DataPlaneService(store, clock, wake);
            DataPlaneRoutes dataPlane = new DataPlaneRoutes(dataPlaneService);
            SigV4Verifier verifier = new SigV4Verifier(
                    accessKeyId -> accessKeyId.equals(credentials.accessKeyId()) ? Optional.of(credentials.secretAccessKey()) : Optional.empty(),
                    Clock.systemUTC(), MAX_SIGNATURE_SKEW);
            RouteTable dataPlaneTable = new RouteTable().addAll(dataPlane);
            RouteTable controlPlaneTable = new RouteTable()
                    .addAll(new ThingRoutes(new ThingService(store, clock), arns))
                    .addAll(new JobRoutes(new JobService(store, clock, arns, wake), arns))
                    .addAll(new ExecutionRoutes(new ExecutionAdminService(store, clock), arns));
            timekeeper.devClock().ifPresent(devClock -> controlPlaneTable.addAll(new DevRoutes(devClock)));
            HttpEdge edge = new HttpEdge(verifier, dataPlaneTable, controlPlaneTable, config.dataPlaneRequestsPerSecond(),
                    config.maxBodyBytes());
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors())));
            HttpServerOptions options = new HttpServerOptions()
                    .setHost(config.host())
                    .setPort(config.port())
                    .setIdleTimeout(60)
                    .setIdleTimeoutUnit(TimeUnit.SECONDS)
                    .setMaxInitialLineLength(8 * 1024)
                    .setMaxHeaderSize(16 * 1024)
                    .setHandle100ContinueAutomatically(true);
            HttpServer httpServer = vertx.createHttpServer(options).requestHandler(edge)
                    .listen().toCompletionStage().toCompletableFuture().join();
            if (mqttSettings.enabled()) {
                mqtt.start(dataPlaneService, clock, config.host(), config.dataDir().resolve("mqtt"), config.dataPlaneRequestsPerSecond());
            }
            FleetjobsServer server = new FleetjobsServer(config, credentials, store, timekeeper, vertx, edge, httpServer, mqtt);
            LOG.info("Fleetjobs ready on http://{}:{} (data in {})", config.host(), httpServer.actualPort(), config.dataDir().toAbsolutePath());
            return server;
        } catch (RuntimeException e) {
            mqtt.close();
            if (vertx != null) {
                vertx.close();
            }
            if (timekeeper != null) {
                timekeeper.close();
            }
            store.close();
            throw e;
        }
    }

    public int port() {
        return httpServer.actualPort();
    }

    /** The MQTT side: its listeners' ports. */
    public MqttFront mqtt() {
        return mqtt;
    }

    public RootCredentials credentials() {
        return credentials;
    }

    public ServerConfig config() {
        return config;
    }

    /** The scheduler of time-based job rules, for tests that drive it by hand. */
    public Timekeeper timekeeper() {
        return timekeeper;
    }

    /**
     * Refuses new requests with 503 ServiceUnavailableException from now on, while those under
     * way finish: the first step of an orderly stop, also useful before taking a node out of a
     * load balancer.
     */
    public void drain() {
        edge.startDraining();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        edge.startDraining();
        try {
            httpServer.shutdown(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).toCompletionStage().toCompletableFuture()
                    .get(DRAIN_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
        } finally {
            mqtt.close();
            timekeeper.close();
            store.close();
            vertx.close();
        }
        LOG.info("Fleetjobs stopped");
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }
}
