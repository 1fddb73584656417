package dev.fleetjobs.server.app;

import dev.fleetjobs.protocol.Plane;
import dev.fleetjobs.server.auth.DeviceCertificates;
import dev.fleetjobs.server.auth.SigV4Verifier;
import dev.fleetjobs.server.http.CertificateGate;
import dev.fleetjobs.server.http.DataPlaneRoutes;
import dev.fleetjobs.server.http.DevRoutes;
import dev.fleetjobs.server.http.EndpointRoutes;
import dev.fleetjobs.server.http.ExecutionRoutes;
import dev.fleetjobs.server.http.JobTemplateRoutes;
import dev.fleetjobs.server.http.TagRoutes;
import dev.fleetjobs.server.http.ThingGroupRoutes;
import dev.fleetjobs.server.http.HttpEdge;
import dev.fleetjobs.server.http.JobRoutes;
import dev.fleetjobs.server.http.RouteTable;
import dev.fleetjobs.server.http.SafeRolloutRoutes;
import dev.fleetjobs.server.http.SignatureGate;
import dev.fleetjobs.server.http.ThingRoutes;
import dev.fleetjobs.server.mqtt.MqttFront;
import dev.fleetjobs.server.mqtt.MqttSettings;
import dev.fleetjobs.server.scheduler.Timekeeper;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.DataPlaneService;
import dev.fleetjobs.server.service.ExecutionAdminService;
import dev.fleetjobs.server.service.JobLifecycleService;
import dev.fleetjobs.server.service.JobService;
import dev.fleetjobs.server.service.JobTemplateService;
import dev.fleetjobs.server.service.JobWorker;
import dev.fleetjobs.server.service.NotifyingJobStore;
import dev.fleetjobs.server.service.SafeRolloutService;
import dev.fleetjobs.server.service.TagService;
import dev.fleetjobs.server.service.ThingGroupService;
import dev.fleetjobs.server.service.ThingService;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.sql.SqlJobStore;
import dev.fleetjobs.store.sqlite.SqliteStores;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Fleetjobs server: hand wiring of store, services, HTTP listeners, scheduler and MQTT,
 * and an orderly stop. {@link #close()} refuses new requests, lets those under way finish, then
 * commits every accepted write before releasing the database, so nothing acknowledged is ever lost.
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
    private final Listener main;
    private final Listener devices;
    private final SecurityWiring security;
    private final MqttFront mqtt;
    private final JobWorker worker;
    private boolean closed;

    private FleetjobsServer(ServerConfig config, RootCredentials credentials, JobStore store, Timekeeper timekeeper, Vertx vertx,
                            Listener main, Listener devices, SecurityWiring security, MqttFront mqtt, JobWorker worker) {
        this.config = config;
        this.credentials = credentials;
        this.store = store;
        this.timekeeper = timekeeper;
        this.vertx = vertx;
        this.main = main;
        this.devices = devices;
        this.security = security;
        this.mqtt = mqtt;
        this.worker = worker;
    }

    public static FleetjobsServer start(ServerConfig config) throws IOException {
        return start(config, MqttSettings.disabled());
    }

    /** Also serves devices over MQTT, on the embedded broker or through an external one. */
    public static FleetjobsServer start(ServerConfig config, MqttSettings mqttSettings) throws IOException {
        createPrivateDirectory(config.dataDir());
        RootCredentials credentials = RootCredentials.resolve(config);
        SqlJobStore openedStore = SqliteStores.open(config.dataDir());
        JobStore store = openedStore;
        MqttFront mqtt = null;
        Vertx vertx = null;
        Timekeeper timekeeper = null;
        SecurityWiring security = null;
        JobWorker worker = null;
        try {
            security = SecurityWiring.open(config, credentials, openedStore.security());
            mqtt = MqttFront.create(withRegistry(mqttSettings, security), config.jobClock(), new Arns(config.region(), config.accountId()));
            if (mqttSettings.enabled()) {
                // Every service writes through this store, so every execution change reaches the notifications.
                store = new NotifyingJobStore(openedStore, mqtt.changes());
            }
            timekeeper = Timekeeper.start(store, config.jobClock(), config.dev(), config.dataDir().resolve(DEV_CLOCK_FILE));
            Clock clock = timekeeper.clock();
            Runnable wake = timekeeper::wake;
            Arns arns = new Arns(config.region(), config.accountId());
            DataPlaneService dataPlaneService = new DataPlaneService(store, clock, wake);
            // The worker writes through the same store as the services (notifying under MQTT) and reads the job clock.
            worker = new JobWorker(store, clock, arns, config.jobWorkBatchSize(), wake);
            JobService jobService = new JobService(store, clock, arns, worker, wake);
            SigV4Verifier verifier = new SigV4Verifier(security.keys(), Clock.systemUTC(), MAX_SIGNATURE_SKEW);
            RouteTable dataPlaneTable = new RouteTable().addAll(new DataPlaneRoutes(dataPlaneService));
            RouteTable controlPlaneTable = new RouteTable()
                    .addAll(new ThingRoutes(new ThingService(store, clock, arns), arns))
                    .addAll(new JobRoutes(jobService, new JobLifecycleService(store, clock, arns, worker, jobService), arns))
                    .addAll(new ExecutionRoutes(new ExecutionAdminService(store, clock), arns))
                    .addAll(new ThingGroupRoutes(new ThingGroupService(store, clock, arns), arns))
                    .addAll(new JobTemplateRoutes(new JobTemplateService(store, clock, arns), arns))
                    .addAll(new TagRoutes(new TagService(store, arns)))
                    .addAll(new EndpointRoutes())
                    .addAll(new SafeRolloutRoutes(new SafeRolloutService(store, clock, arns, worker, jobService, wake), arns));
            security.addRoutes(controlPlaneTable, arns, config.accountId(), clock);
            timekeeper.devClock().ifPresent(devClock -> controlPlaneTable.addAll(new DevRoutes(devClock)));
            HttpEdge edge = new HttpEdge(new SignatureGate(verifier, security.keys()), dataPlaneTable, controlPlaneTable,
                    config.dataPlaneRequestsPerSecond(), config.maxBodyBytes());
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors())));
            HttpServerOptions options = limits(new HttpServerOptions())
                    .setHost(config.host())
                    .setPort(config.port());
            Listener main = Listener.start(vertx, options, edge, config.security());
            Listener devices = null;
            if (config.security().devicePort() >= 0) {
                HttpEdge deviceEdge = new HttpEdge(new CertificateGate(security.deviceCertificates()), dataPlaneTable, new RouteTable(),
                        config.dataPlaneRequestsPerSecond(), config.maxBodyBytes());
                HttpServerOptions deviceOptions = limits(DeviceTls.options(config, security.authority(),
                        security.deviceCertificates().trustManager()))
                        .setHost(config.host())
                        .setPort(config.security().devicePort());
                devices = Listener.start(vertx, deviceOptions, deviceEdge, config.security());
                LOG.info("Device listener ready on https://{}:{} (client certificates required)", config.host(), devices.port());
            }
            if (mqttSettings.enabled()) {
                mqtt.start(dataPlaneService, clock, config.host(), config.dataDir().resolve("mqtt"), config.dataPlaneRequestsPerSecond());
            }
            worker.start();
            FleetjobsServer server = new FleetjobsServer(config, credentials, store, timekeeper, vertx, main, devices, security, mqtt,
                    worker);
            LOG.info("Fleetjobs ready on http://{}:{} (data in {})", config.host(), main.port(), config.dataDir().toAbsolutePath());
            return server;
        } catch (RuntimeException | IOException e) {
            if (mqtt != null) {
                mqtt.close();
            }
            if (vertx != null) {
                vertx.close();
            }
            if (worker != null) {
                worker.close();
            }
            if (timekeeper != null) {
                timekeeper.close();
            }
            if (security != null) {
                security.close();
            }
            store.close();
            throw e;
        }
    }

    /** An MQTT TLS listener without an authorizer of its own asks the certificate registry, as AWS IoT does. */
    private static MqttSettings withRegistry(MqttSettings settings, SecurityWiring security) {
        if (settings.tlsPort() == MqttSettings.OFF || settings.certificates() != null) {
            return settings;
        }
        DeviceCertificates registry = security.deviceCertificates();
        return settings.withCertificates((certificate, thingName) -> registry.check(certificate, thingName)
                .thenApply(verdict -> verdict == DeviceCertificates.Verdict.ALLOWED));
    }

    /**
     * Size limits and HTTP/1.1 only: with h2c upgrades on, Vert.x learns of a connection only once
     * its first request's headers are complete, which would let slow senders escape the
     * connection guard. The AWS SDKs and CLI speak HTTP/1.1 to a plain endpoint anyway. The Java
     * SDK sends {@code Expect: 100-continue} on PUTs.
     */
    private static HttpServerOptions limits(HttpServerOptions options) {
        return options
                .setHttp2ClearTextEnabled(false)
                .setHandle100ContinueAutomatically(true)
                .setIdleTimeout(60)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxInitialLineLength(8 * 1024)
                .setMaxHeaderSize(16 * 1024);
    }

    public int port() {
        return main.port();
    }

    /** The HTTPS device listener's port; -1 when it is not running. */
    public int devicePort() {
        return devices == null ? -1 : devices.port();
    }

    /** This server's CA: it signs CreateKeysAndCertificate's certificates and the development TLS certificate. */
    public java.security.cert.X509Certificate certificateAuthority() {
        return security.authority().certificate();
    }

    /** How many operations the main port serves on the plane (tests check that none goes unchecked). */
    public int routeCount(Plane plane) {
        return main.edge().routeCount(plane);
    }

    /** The MQTT side: its listeners' ports. */
    public MqttFront mqtt() {
        return mqtt;
    }

    /** The scheduler of time-based job rules, for tests that drive it by hand. */
    public Timekeeper timekeeper() {
        return timekeeper;
    }

    public RootCredentials credentials() {
        return credentials;
    }

    public ServerConfig config() {
        return config;
    }

    /** The background worker of rollouts, cancels and deletes (to pause it, or to run it by hand in tests). */
    public JobWorker jobWorker() {
        return worker;
    }

    /**
     * Refuses new requests with 503 ServiceUnavailableException from now on, while those under
     * way finish: the first step of an orderly stop, also useful before taking a node out of a
     * load balancer.
     */
    public void drain() {
        main.edge().startDraining();
        if (devices != null) {
            devices.edge().startDraining();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        drain();
        try {
            CompletableFuture.allOf(main.shutdown(DRAIN_TIMEOUT), devices == null ? CompletableFuture.completedFuture(null)
                    : devices.shutdown(DRAIN_TIMEOUT)).get(DRAIN_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
        } finally {
            worker.close();
            mqtt.close();
            timekeeper.close();
            security.close();
            store.close();
            vertx.close();
        }
        LOG.info("Fleetjobs stopped");
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null
                && !Files.getPosixFilePermissions(dir).equals(PosixFilePermissions.fromString("rwx------"))) {
            LOG.warn("The data directory {} was open to other users; it is now readable by its owner only", dir.toAbsolutePath());
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
