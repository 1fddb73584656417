package dev.fleetjobs.server.app;

import dev.fleetjobs.server.auth.SigV4Verifier;
import dev.fleetjobs.server.http.DataPlaneRoutes;
import dev.fleetjobs.server.http.EndpointRoutes;
import dev.fleetjobs.server.http.ExecutionRoutes;
import dev.fleetjobs.server.http.JobRoutes;
import dev.fleetjobs.server.http.JobTemplateRoutes;
import dev.fleetjobs.server.http.TagRoutes;
import dev.fleetjobs.server.http.ThingGroupRoutes;
import dev.fleetjobs.server.http.ThingRoutes;
import dev.fleetjobs.server.http.HttpEdge;
import dev.fleetjobs.server.http.RouteTable;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.DataPlaneService;
import dev.fleetjobs.server.service.ExecutionAdminService;
import dev.fleetjobs.server.service.JobLifecycleService;
import dev.fleetjobs.server.service.JobService;
import dev.fleetjobs.server.service.JobTemplateService;
import dev.fleetjobs.server.service.JobWorker;
import dev.fleetjobs.server.service.TagService;
import dev.fleetjobs.server.service.ThingGroupService;
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

    private final ServerConfig config;
    private final RootCredentials credentials;
    private final JobStore store;
    private final Vertx vertx;
    private final HttpEdge edge;
    private final HttpServer httpServer;
    private final JobWorker worker;
    private boolean closed;

    private FleetjobsServer(ServerConfig config, RootCredentials credentials, JobStore store, Vertx vertx, HttpEdge edge,
                            HttpServer httpServer, JobWorker worker) {
        this.config = config;
        this.credentials = credentials;
        this.store = store;
        this.vertx = vertx;
        this.edge = edge;
        this.httpServer = httpServer;
        this.worker = worker;
    }

    public static FleetjobsServer start(ServerConfig config) throws IOException {
        createPrivateDirectory(config.dataDir());
        RootCredentials credentials = RootCredentials.resolve(config);
        JobStore store = SqliteStores.open(config.dataDir());
        Vertx vertx = null;
        JobWorker worker = null;
        try {
            Clock clock = config.jobClock();
            Arns arns = new Arns(config.region(), config.accountId());
            worker = new JobWorker(store, clock, arns, config.jobWorkBatchSize());
            JobService jobService = new JobService(store, clock, arns, worker);
            DataPlaneRoutes dataPlane = new DataPlaneRoutes(new DataPlaneService(store, clock));
            SigV4Verifier verifier = new SigV4Verifier(
                    accessKeyId -> accessKeyId.equals(credentials.accessKeyId()) ? Optional.of(credentials.secretAccessKey()) : Optional.empty(),
                    Clock.systemUTC(), MAX_SIGNATURE_SKEW);
            RouteTable dataPlaneTable = new RouteTable().addAll(dataPlane);
            RouteTable controlPlaneTable = new RouteTable()
                    .addAll(new ThingRoutes(new ThingService(store, clock, arns), arns))
                    .addAll(new JobRoutes(jobService, new JobLifecycleService(store, clock, arns, worker, jobService), arns))
                    .addAll(new ExecutionRoutes(new ExecutionAdminService(store, clock), arns))
                    .addAll(new ThingGroupRoutes(new ThingGroupService(store, clock, arns), arns))
                    .addAll(new JobTemplateRoutes(new JobTemplateService(store, clock, arns), arns))
                    .addAll(new TagRoutes(new TagService(store, arns)))
                    .addAll(new EndpointRoutes());
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
            worker.start();
            FleetjobsServer server = new FleetjobsServer(config, credentials, store, vertx, edge, httpServer, worker);
            LOG.info("Fleetjobs ready on http://{}:{} (data in {})", config.host(), httpServer.actualPort(), config.dataDir().toAbsolutePath());
            return server;
        } catch (RuntimeException e) {
            if (vertx != null) {
                vertx.close();
            }
            if (worker != null) {
                worker.close();
            }
            store.close();
            throw e;
        }
    }

    public int port() {
        return httpServer.actualPort();
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
            worker.close();
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
