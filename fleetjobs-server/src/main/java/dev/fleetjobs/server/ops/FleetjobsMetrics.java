package dev.fleetjobs.server.ops;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Every metric of one server, in a registry of its own (two servers in one JVM, as in tests, do
 * not mix). Histograms are classic, with fixed buckets: Prometheus setups without native
 * histograms (the default) and Grafana's usual heatmaps read them as they are.
 */
public final class FleetjobsMetrics {

    /** The AWS error types of an authentication or authorization refusal at the HTTP edge. */
    static final Set<String> REFUSALS = Set.of("MissingAuthenticationTokenException", "IncompleteSignatureException",
            "InvalidSignatureException", "UnrecognizedClientException", "AccessDeniedException",
            "CertificateValidationException", "ForbiddenException", "UnauthorizedException");

    private static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final double[] UNIT_BUCKETS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    final Counter httpRequests;
    final Histogram httpDuration;
    final Counter mqttRequests;
    final Counter authRefusals;
    final Histogram commitDuration;
    final Histogram commitUnits;
    /** The refusal children of the HTTP reasons, taken once: refused floods stay cheap. */
    private final Map<String, CounterDataPoint> httpRefusals;

    public FleetjobsMetrics() {
        httpRequests = Counter.builder().name("fleetjobs_http_requests_total")
                .help("HTTP requests answered, by plane (data, control, s3), AWS operation name and HTTP status.")
                .labelNames("plane", "operation", "status").register(registry);
        httpDuration = Histogram.builder().name("fleetjobs_http_request_duration_seconds")
                .help("Time from the request's arrival to the end of its answer.")
                .labelNames("plane", "operation").classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
        mqttRequests = Counter.builder().name("fleetjobs_mqtt_requests_total")
                .help("MQTT jobs requests answered, by AWS operation name and outcome (accepted or rejected).")
                .labelNames("operation", "outcome").register(registry);
        authRefusals = Counter.builder().name("fleetjobs_auth_refusals_total")
                .help("Requests and MQTT connections refused for authentication or authorization, by reason.")
                .labelNames("reason").register(registry);
        commitDuration = Histogram.builder().name("fleetjobs_store_commit_duration_seconds")
                .help("Time the store's writer took to run and commit one batch of units of work.")
                .classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
        commitUnits = Histogram.builder().name("fleetjobs_store_commit_units")
                .help("Units of work (one write each) per commit of the store's writer.")
                .classicOnly().classicUpperBounds(UNIT_BUCKETS).register(registry);
        Map<String, CounterDataPoint> refusals = new HashMap<>();
        REFUSALS.forEach(reason -> refusals.put(reason, authRefusals.labelValues(reason)));
        httpRefusals = Map.copyOf(refusals);
        JvmMetrics.builder().register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** A gauge read at each scrape. */
    void gauge(String name, String help, LongSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).callback(callback -> callback.call(value.getAsLong())).register(registry);
    }

    /** A counter kept elsewhere (a {@code LongAdder} of the component that counts), read at each scrape. */
    void counter(String name, String help, LongSupplier value) {
        CounterWithCallback.builder().name(name).help(help).callback(callback -> callback.call(value.getAsLong())).register(registry);
    }

    /** The same with one label, for a fixed set of label values. */
    void counter(String name, String help, String label, Map<String, LongSupplier> values) {
        CounterWithCallback.builder().name(name).help(help).labelNames(label)
                .callback(callback -> values.forEach((value, supplier) -> callback.call(supplier.getAsLong(), value)))
                .register(registry);
    }

    /** A gauge with one label whose values a supplier gives all at once. */
    void gauges(String name, String help, String label, java.util.function.Supplier<Map<String, Long>> values) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(label)
                .callback(callback -> values.get().forEach((value, count) -> callback.call(count, value)))
                .register(registry);
    }

    /** Counts a refusal of the HTTP edge, if {@code errorType} is one. */
    void refusedIfAuth(String errorType) {
        if (errorType != null) {
            CounterDataPoint refusal = httpRefusals.get(errorType);
            if (refusal != null) {
                refusal.inc();
            }
        }
    }
}
