package dev.fleetjobs.server.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request log: one line per HTTP request and per MQTT jobs request. Only names and numbers
 * the server chose go in (request id, key id or thing name, plane, operation name, status,
 * latency): never a header, a query string, a path or a body, so no signature, secret or
 * presigned URL can leak. The fields are also attached as key-value pairs, which the JSON log
 * format writes as fields of their own.
 */
final class AccessLog {

    static final String LOGGER = "fleetjobs.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {
    }

    /** Milliseconds with three decimals, without String.format's cost on every request. */
    static String millis(long nanos) {
        long micros = Math.max(0, nanos) / 1000;
        long fraction = micros % 1000;
        return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    /** @param status  the HTTP status, or for MQTT {@code accepted} or the rejected code */
    static void request(String requestId, String principal, String plane, String operation, String status, long nanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String latencyMs = millis(nanos);
        LOG.atInfo()
                .addKeyValue("requestId", requestId)
                .addKeyValue("principal", principal)
                .addKeyValue("plane", plane)
                .addKeyValue("operation", operation)
                .addKeyValue("status", status)
                .addKeyValue("latencyMs", latencyMs)
                .log("requestId={} principal={} plane={} operation={} status={} latencyMs={}",
                        requestId, principal, plane, operation, status, latencyMs);
    }
}
