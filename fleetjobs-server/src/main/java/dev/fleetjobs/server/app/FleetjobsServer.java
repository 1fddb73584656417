package dev.fleetjobs.server.app;

import dev.fleetjobs.protocol.Plane;
import dev.fleetjobs.server.artifacts.ArtifactSettings;
import dev.fleetjobs.server.auth.DeviceCertificates;
import dev.fleetjobs.server.auth.SigV4Verifier;
import dev.fleetjobs.server.console.ConsoleFront;
import dev.fleetjobs.server.console.ConsoleSessions;
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
import dev.fleetjobs.server.ops.OpsOptions;
import dev.fleetjobs.server.ops.Readiness;
import dev.fleetjobs.server.ops.ServerOps;
import dev.fleetjobs.server.overview.FleetOverview;
import dev.fleetjobs.server.overview.JobBoard;
import dev.fleetjobs.server.overview.JobTimeline;
import dev.fleetjobs.server.overview.OverviewRoutes;
import dev.fleetjobs.server.overview.ProgressSampler;
import dev.fleetjobs.server.auth.SecretBox;
import dev.fleetjobs.server.scheduler.ClockOffsets;
import dev.fleetjobs.server.scheduler.FileClockOffsets;
import dev.fleetjobs.server.scheduler.StoreClockOffsets;
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
import dev.fleetjobs.store.StoreUnavailableException;
import dev.fleetjobs.store.postgresql.PostgresStores;
import dev.fleetjobs.store.postgresql.PostgresUrl;
import dev.fleetjobs.store.sql.SqlJobStore;
import dev.fleetjobs.store.sqlite.SqliteStores;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
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
    private static final Duration CONSOLE_SESSION_LIFETIME = Duration.ofHours(8);
    /** With --dev, how far the job clock was moved, kept in the data directory across restarts. */
    public static final String DEV_CLOCK_FILE = "dev-clock-offset";
    /** On a shared database, how often an idle job worker looks for work other nodes left. */
    private static final Duration SHARED_WORK_LOOK = Duration.ofSeconds(1);

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
    private final DataDirectory dataDirectory;
    private final ArtifactWiring artifacts;
    private final ProgressSampler sampler;
    private final ServerOps ops;
    private boolean closed;

    private FleetjobsServer(ServerConfig config, RootCredentials credentials, JobStore store, Timekeeper timekeeper, Vertx vertx,
                            Listener main, Listener devices, SecurityWiring security, MqttFront mqtt, JobWorker worker,
                            DataDirectory dataDirectory, ArtifactWiring artifacts, ProgressSampler sampler, ServerOps ops) {
        this.ops = ops;
        this.dataDirectory = dataDirectory;
        this.artifacts = artifacts;
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
        this.sampler = sampler;
    }

    public static FleetjobsServer start(ServerConfig config) throws IOException {
        return start(config, MqttSettings.disabled());
    }

    /** Also serves devices over MQTT, on the embedded broker or through an external one. */
    public static FleetjobsServer start(ServerConfig config, MqttSettings mqttSettings) throws IOException {
        return start(config, mqttSettings, ArtifactSettings.builtIn());
    }

    /** With job files kept as {@code artifactSettings} say (the built-in store by default). */
    public static FleetjobsServer start(ServerConfig config, MqttSettings mqttSettings, ArtifactSettings artifactSettings)
            throws IOException {
        return start(config, mqttSettings, artifactSettings, DataDirectory.open(config.dataDir()));
    }

    /** On a data directory already taken, with the built-in artifact store (see the next). */
    public static FleetjobsServer start(ServerConfig config, MqttSettings mqttSettings, DataDirectory dataDirectory) throws IOException {
        return start(config, mqttSettings, ArtifactSettings.builtIn(), dataDirectory);
    }

    /**
     * Starts on a data directory already taken: {@link DataDirectory#open} (what the other {@code start}s do) or, for a
     * test's second node on the same database, {@link DataDirectory#shared}. The server releases it when it stops.
     */
    public static FleetjobsServer start(ServerConfig config, MqttSettings mqttSettings, ArtifactSettings artifactSettings,
                                        DataDirectory dataDirectory) throws IOException {
        ServerOps ops;
        try {
            // First of all, so that a load balancer sees 503 until every part is up.
            ops = PortBinding.bind(config.ops().adminHost(), () -> ServerOps.start(config.ops()),
                    new PortBinding.Port("--admin-port", config.ops().adminPort()));
        } catch (RuntimeException e) {
            dataDirectory.close();
            throw e;
        }
        try {
            return startOn(config, mqttSettings, artifactSettings, dataDirectory, ops);
        } catch (RuntimeException | IOException e) {
            ops.close();
            dataDirectory.close();
            throw e;
        }
    }

    private static FleetjobsServer startOn(ServerConfig config, MqttSettings mqttSettings, ArtifactSettings artifactSettings,
                                           DataDirectory dataDirectory, ServerOps ops) throws IOException {
        boolean shared = config.database() != null;
        Readiness readiness = ops.readiness();
        readiness.expect(Readiness.STORE);
        readiness.expect(Readiness.HTTP);
        if (config.security().devicePort() >= 0) {
            readiness.expect(Readiness.DEVICE_HTTPS);
        }
        if (mqttSettings.enabled()) {
            readiness.expect(Readiness.MQTT);
        }
        readiness.expect(Readiness.STARTED);
        SqlJobStore openedStore = shared ? openShared(config.database()) : SqliteStores.open(config.dataDir());
        JobStore store = openedStore;
        ops.watchStore(openedStore, openedStore);
        MqttFront mqtt = null;
        Vertx vertx = null;
        Timekeeper timekeeper = null;
        SecurityWiring security = null;
        JobWorker worker = null;
        ArtifactWiring artifacts = null;
        ProgressSampler sampler = null;
        try {
            RootCredentials credentials;
            if (shared) {
                // Everything the nodes must agree on comes from the database, opened with the operator's key.
                SecretBox box = ClusterSettings.sealingKey(config.database(), openedStore);
                credentials = ClusterSettings.rootCredentials(config, box, openedStore);
                security = SecurityWiring.open(config, credentials, openedStore.security(), box,
                        ClusterSettings.authority(box, openedStore, Clock.systemUTC()));
            } else {
                credentials = RootCredentials.resolve(config);
                security = SecurityWiring.open(config, credentials, openedStore.security());
            }
            // Marks this node's entries in the change feed (an external broker gets each message from its node only).
            String origin = UUID.randomUUID().toString();
            // With --dev, the movable clock: notifications carry the same time as the rules and replies.
            Clock jobClock = Timekeeper.jobClock(config.jobClock(), config.dev());
            mqtt = MqttFront.create(withRegistry(mqttSettings, security), jobClock, new Arns(config.region(), config.accountId()));
            mqtt.observeWith(ops.mqttRequests());
            ops.watchMqtt(mqtt);
            if (mqttSettings.enabled()) {
                // Every service writes through this store, so every execution change reaches the notifications.
                store = shared ? NotifyingJobStore.recording(openedStore, mqtt.recorder(origin))
                        : new NotifyingJobStore(openedStore, mqtt.changes());
            }
            ClockOffsets offsets = shared ? new StoreClockOffsets(openedStore, ClusterSettings.DEV_CLOCK_OFFSET)
                    : new FileClockOffsets(config.dataDir().resolve(DEV_CLOCK_FILE));
            timekeeper = Timekeeper.start(store, jobClock, config.dev(), offsets, shared);
            ops.watchTimers(timekeeper.scheduler());
            Clock clock = timekeeper.clock();
            artifacts = ArtifactWiring.open(config, artifactSettings, security, clock, MAX_SIGNATURE_SKEW);
            Runnable wake = timekeeper::wake;
            Arns arns = new Arns(config.region(), config.accountId());
            DataPlaneService dataPlaneService = new DataPlaneService(store, clock, wake);
            // The worker writes through the same store as the services (notifying under MQTT) and reads the job clock.
            worker = new JobWorker(store, clock, arns, config.jobWorkBatchSize(), wake);
            if (shared) {
                // Work that another node left, or was running when it died, is found by looking.
                worker.lookingEvery(SHARED_WORK_LOOK);
            }
            JobService jobService = new JobService(store, clock, arns, worker, wake);
            SigV4Verifier verifier = new SigV4Verifier(security.keys(), Clock.systemUTC(), MAX_SIGNATURE_SKEW);
            RouteTable dataPlaneTable = new RouteTable().addAll(new DataPlaneRoutes(dataPlaneService, artifacts.documents(), "http"));
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
            sampler = new ProgressSampler(store, clock, ProgressSampler.DEFAULT_INTERVAL);
            controlPlaneTable.addAll(new OverviewRoutes(new FleetOverview(store, mqtt::connectedDevices), new JobBoard(store),
                    new JobTimeline(store, clock), arns, mqtt.mode()));
            ConsoleFront console = new ConsoleFront(new ConsoleSessions(store, security.keys(), Clock.systemUTC(),
                    CONSOLE_SESSION_LIFETIME));
            HttpEdge edge = new HttpEdge(new SignatureGate(verifier, security.keys()), dataPlaneTable, controlPlaneTable,
                    config.dataPlaneRequestsPerSecond(), config.maxBodyBytes(), console).takeOverWith(artifacts.front())
                    .observedBy(ops.httpRequests());
            Vertx started = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors())));
            vertx = started;
            HttpServerOptions options = limits(new HttpServerOptions())
                    .setHost(config.host())
                    .setPort(config.port());
            Listener main = PortBinding.bind(config.host(), () -> Listener.start(started, options, edge, config.security()),
                    new PortBinding.Port("--port", config.port()));
            readiness.up(Readiness.HTTP);
            Listener devices = null;
            if (config.security().devicePort() >= 0) {
                RouteTable deviceDataPlane = new RouteTable().addAll(new DataPlaneRoutes(dataPlaneService, artifacts.documents(), "https"));
                HttpEdge deviceEdge = new HttpEdge(new CertificateGate(security.deviceCertificates()), deviceDataPlane, new RouteTable(),
                        config.dataPlaneRequestsPerSecond(), config.maxBodyBytes()).takeOverWith(artifacts.front())
                        .observedBy(ops.httpRequests());
                HttpServerOptions deviceOptions = limits(DeviceTls.options(config, security.authority(),
                        security.deviceCertificates().trustManager()))
                        .setHost(config.host())
                        .setPort(config.security().devicePort());
                devices = PortBinding.bind(config.host(), () -> Listener.start(started, deviceOptions, deviceEdge, config.security()),
                        new PortBinding.Port("--device-port", config.security().devicePort()));
                readiness.up(Readiness.DEVICE_HTTPS);
                LOG.info("Device listener ready on https://{}:{} (client certificates required)", config.host(), devices.port());
            }
            if (mqttSettings.enabled()) {
                MqttFront front = mqtt;
                front.renderDocumentsWith(artifacts.documents(), artifacts.mqttOrigin(config.host(), main.port()));
                PortBinding.bind(config.host(), () -> {
                    front.start(dataPlaneService, clock, config.host(), config.dataDir().resolve("mqtt"), config.dataPlaneRequestsPerSecond());
                    return front;
                }, new PortBinding.Port("--mqtt-port", mqttSettings.plainPort()), new PortBinding.Port("--mqtts-port", mqttSettings.tlsPort()));
                // The embedded broker's start returns once its listeners accept connections (or the external broker is connected).
                readiness.up(Readiness.MQTT);
                if (shared) {
                    mqtt.followFeed(openedStore, openedStore::listenForFeed, origin);
                }
            }
            worker.start();
            sampler.start();
            FleetjobsServer server = new FleetjobsServer(config, credentials, store, timekeeper, vertx, main, devices, security, mqtt,
                    worker, dataDirectory, artifacts, sampler, ops);
            LOG.info("Fleetjobs ready on http://{}:{} ({})", config.host(), main.port(), shared
                    ? "database " + PostgresUrl.parse(config.database().url()).display() + ", node files in " + config.dataDir().toAbsolutePath()
                    : "data in " + config.dataDir().toAbsolutePath());
            if (ops.adminPort() != OpsOptions.OFF) {
                LOG.info("Admin listener on http://{}:{} (/metrics, /health/live, /health/ready)", config.ops().adminHost(), ops.adminPort());
            }
            readiness.up(Readiness.STARTED);
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
            if (artifacts != null) {
                artifacts.close();
            }
            if (sampler != null) {
                sampler.close();
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

    /** Opens the shared PostgreSQL store, or says in one line why it cannot. */
    private static SqlJobStore openShared(DatabaseOptions database) {
        PostgresUrl url;
        try {
            url = PostgresUrl.parse(database.url());
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
        try {
            return PostgresStores.open(url, database.storeOptions());
        } catch (StoreUnavailableException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /**
     * Back ends log in to the broker with access keys; an MQTT TLS listener without an authorizer
     * of its own asks the certificate registry, as AWS IoT does.
     */
    private static MqttSettings withRegistry(MqttSettings mqttSettings, SecurityWiring security) {
        MqttSettings settings = mqttSettings.backEnds() == null ? mqttSettings.withBackEnds(security.keys()) : mqttSettings;
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

    /** The operation names the main port routes on the plane (a test checks each is a real AWS operation). */
    public java.util.List<String> operationNames(Plane plane) {
        return main.edge().operationNames(plane);
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

    /** Samples the jobs' progress for the console's charts (to run it by hand in tests). */
    public ProgressSampler progressSampler() {
        return sampler;
    }

    /**
     * Refuses new requests with 503 ServiceUnavailableException from now on, while those under
     * way finish: the first step of an orderly stop, also useful before taking a node out of a
     * load balancer.
     */
    public void drain() {
        ops.readiness().drain();
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
        // Not ready from now on, while requests are still served for the drain delay: a load balancer stops sending first.
        ops.readiness().drain();
        pauseForDrainDelay();
        drain();
        try {
            CompletableFuture.allOf(main.shutdown(DRAIN_TIMEOUT), devices == null ? CompletableFuture.completedFuture(null)
                    : devices.shutdown(DRAIN_TIMEOUT)).get(DRAIN_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
        } finally {
            worker.close();
            artifacts.close();
            sampler.close();
            mqtt.close();
            timekeeper.close();
            security.close();
            store.close();
            vertx.close();
            dataDirectory.close();
            ops.close();
        }
        LOG.info("Fleetjobs stopped");
    }

    private void pauseForDrainDelay() {
        long millis = ops.drainDelay().toMillis();
        if (millis <= 0) {
            return;
        }
        LOG.info("Draining: /health/ready answers 503; requests are served for {} ms more", millis);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The admin listener's port; -1 when there is none. */
    public int adminPort() {
        return ops.adminPort();
    }

    /** Readiness as {@code /health/ready} answers it. */
    public Readiness readiness() {
        return ops.readiness();
    }
}
