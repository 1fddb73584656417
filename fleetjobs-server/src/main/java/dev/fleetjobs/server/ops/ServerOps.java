package dev.fleetjobs.server.ops;

import dev.fleetjobs.server.http.RequestObserver;
import dev.fleetjobs.server.mqtt.MqttFront;
import dev.fleetjobs.server.mqtt.MqttRequestObserver;
import dev.fleetjobs.server.scheduler.JobScheduler;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.sql.SqlJobStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What an operator sees of one server: the metrics, the request log, readiness and the admin
 * listener that serves them. The server hands its parts over as they come up ({@code watch...});
 * the edges report through {@link #httpRequests()} and {@link #mqttRequests()}, which observe
 * nothing when neither the admin listener nor the request log is on.
 */
public final class ServerOps implements AutoCloseable {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final long STORE_PROBE_TIMEOUT_SECONDS = 2;

    private final OpsOptions options;
    private final Readiness readiness;
    private final FleetjobsMetrics metrics;
    private final AdminListener admin;
    private final RequestObserver httpRequests;
    private final MqttRequestObserver mqttRequests;

    private ServerOps(OpsOptions options, Readiness readiness, FleetjobsMetrics metrics, AdminListener admin) {
        this.options = options;
        this.readiness = readiness;
        this.metrics = metrics;
        this.admin = admin;
        this.httpRequests = metrics == null ? RequestObserver.NONE : new HttpRequests(metrics, options.accessLog());
        this.mqttRequests = metrics == null ? MqttRequestObserver.NONE : new MqttRequests(metrics, options.accessLog());
    }

    /** Starts the admin listener, when one is asked for, before anything else: until every part is up it answers 503. */
    public static ServerOps start(OpsOptions options) {
        FleetjobsMetrics metrics = options.adminEnabled() || options.accessLog() ? new FleetjobsMetrics() : null;
        Readiness readiness = new Readiness();
        AdminListener admin = options.adminEnabled()
                ? AdminListener.start(options.adminHost(), options.adminPort(), metrics, readiness) : null;
        return new ServerOps(options, readiness, metrics, admin);
    }

    public Readiness readiness() {
        return readiness;
    }

    public RequestObserver httpRequests() {
        return httpRequests;
    }

    public MqttRequestObserver mqttRequests() {
        return mqttRequests;
    }

    /** The admin listener's port; -1 when there is none. */
    public int adminPort() {
        return admin == null ? OpsOptions.OFF : admin.port();
    }

    public Duration drainDelay() {
        return options.drainDelay();
    }

    /** The store is open and migrated: its commits, queue and counts become metrics, and readiness asks it each time. */
    public void watchStore(JobStore store, SqlJobStore writer) {
        readiness.storeProbe(() -> answers(store));
        readiness.up(Readiness.STORE);
        if (metrics == null) {
            return;
        }
        writer.onCommit((units, nanos) -> {
            metrics.commitDuration.observe(nanos / NANOS_PER_SECOND);
            metrics.commitUnits.observe(units);
        });
        metrics.gauge("fleetjobs_store_write_queue_depth", "Writes accepted and waiting for the store's writer.", writer::queuedWrites);
        FleetCounts counts = new FleetCounts(store);
        metrics.gauges("fleetjobs_jobs", "Jobs by status (read at most every " + FleetCounts.MAX_AGE.toSeconds() + " s).",
                "status", counts::jobs);
        metrics.gauges("fleetjobs_job_executions", "Job executions by status, from the store's per-job counters (read at most every "
                + FleetCounts.MAX_AGE.toSeconds() + " s).", "status", counts::executions);
        metrics.gauge("fleetjobs_rollout_waiting_targets", "Targets of in-progress jobs their rollouts have not offered yet.",
                counts::waitingTargets);
    }

    public void watchTimers(JobScheduler scheduler) {
        if (metrics != null) {
            metrics.counter("fleetjobs_timers_fired_total", "Time-based job rules this node ran, by kind.", "kind",
                    Map.<String, LongSupplier>of("execution_timeout", scheduler::timeoutsFired, "rollout_step", scheduler::rolloutStepsFired));
        }
    }

    public void watchMqtt(MqttFront mqtt) {
        if (metrics != null) {
            metrics.counter("fleetjobs_notifications_published_total", "MQTT notifications (notify, notify-next, events) handed to the broker.",
                    mqtt::notificationsPublished);
            metrics.gauge("fleetjobs_mqtt_connections", "Devices connected to the embedded broker now (0 without one).",
                    () -> mqtt.connectedDevices().orElse(0));
        }
    }

    private static boolean answers(JobStore store) {
        try {
            store.read(reader -> reader.findThing("fleetjobs-readiness-probe")).get(STORE_PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** Stops the admin listener: the last thing a server does. */
    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
