package dev.fleetjobs.server.ops;

import dev.fleetjobs.server.http.RequestObserver;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds the HTTP request metrics and the request log from the edge. Each series holds its label
 * children, taken at its first request: a route never called adds no zero series to the scrape.
 */
final class HttpRequests implements RequestObserver {

    private static final double NANOS_PER_SECOND = 1e9;

    private final FleetjobsMetrics metrics;
    private final boolean accessLog;

    HttpRequests(FleetjobsMetrics metrics, boolean accessLog) {
        this.metrics = metrics;
        this.accessLog = accessLog;
    }

    @Override
    public Series series(String plane, String operation) {
        return new OperationSeries(plane, operation);
    }

    private final class OperationSeries implements Series {

        private final String plane;
        private final String operation;
        private volatile DistributionDataPoint duration;
        /** One counter child per status seen: a handful per operation. */
        private final ConcurrentHashMap<Integer, CounterDataPoint> byStatus = new ConcurrentHashMap<>();

        OperationSeries(String plane, String operation) {
            this.plane = plane;
            this.operation = operation;
        }

        @Override
        public void answered(String requestId, String principal, int status, String errorType, long nanos) {
            CounterDataPoint requests = byStatus.get(status);
            if (requests == null) {
                requests = byStatus.computeIfAbsent(status, s -> metrics.httpRequests.labelValues(plane, operation, Integer.toString(s)));
            }
            requests.inc();
            DistributionDataPoint latency = duration;
            if (latency == null) {
                // labelValues gives every caller the same child: a race here only looks it up twice.
                latency = metrics.httpDuration.labelValues(plane, operation);
                duration = latency;
            }
            latency.observe(nanos / NANOS_PER_SECOND);
            metrics.refusedIfAuth(errorType);
            if (accessLog) {
                AccessLog.request(requestId, principal, plane, operation, Integer.toString(status), nanos);
            }
        }
    }
}
