package dev.fleetjobs.server.ops;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server is operated: the admin listener (metrics and health), the request log and the
 * drain before a stop.
 *
 * @param adminHost   where the admin listener binds (this machine only by default)
 * @param adminPort   its port; {@link #OFF} for no admin listener, 0 for any free port (tests)
 * @param accessLog   one line per HTTP request and per MQTT jobs request on the logger {@value AccessLog#LOGGER}
 * @param drainDelay  on a stop, how long {@code /health/ready} answers 503 while requests are still served, so that a
 *                    load balancer stops sending before the listeners close
 */
public record OpsOptions(String adminHost, int adminPort, boolean accessLog, Duration drainDelay) {

    public static final int OFF = -1;
    public static final String DEFAULT_ADMIN_HOST = "127.0.0.1";

    public OpsOptions {
        Objects.requireNonNull(adminHost, "adminHost");
        Objects.requireNonNull(drainDelay, "drainDelay");
        if (drainDelay.isNegative()) {
            throw new IllegalArgumentException("drainDelay must not be negative");
        }
    }

    /** No admin listener, no request log, no drain delay: what an embedded server (tests, bench) runs with. */
    public static OpsOptions defaults() {
        return new OpsOptions(DEFAULT_ADMIN_HOST, OFF, false, Duration.ZERO);
    }

    public boolean adminEnabled() {
        return adminPort != OFF;
    }

    public OpsOptions withAdmin(String host, int port) {
        return new OpsOptions(host, port, accessLog, drainDelay);
    }

    public OpsOptions withAccessLog(boolean enabled) {
        return new OpsOptions(adminHost, adminPort, enabled, drainDelay);
    }

    public OpsOptions withDrainDelay(Duration delay) {
        return new OpsOptions(adminHost, adminPort, accessLog, delay);
    }
}
