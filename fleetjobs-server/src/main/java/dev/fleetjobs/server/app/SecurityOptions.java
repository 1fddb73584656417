package dev.fleetjobs.server.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The server's security settings beside {@link ServerConfig}.
 *
 * @param devicePort          the HTTPS device listener's port; -1 for none, 0 picks a free port (tests)
 * @param deviceTlsCertificate PEM certificate (chain) of the device listener; null with {@code --dev} to generate one
 * @param deviceTlsKey        its PEM private key, readable by the owner only
 * @param headerTimeout       a connection must send a request's headers within this after opening or after its last response
 * @param bodyTimeout         and the request's body within this after its headers
 * @param maxConnections      per listener; more are closed as they open
 * @param refreshInterval     how often the stored access keys and CAs are checked for changes made by other processes
 */
public record SecurityOptions(int devicePort, Path deviceTlsCertificate, Path deviceTlsKey, Duration headerTimeout,
                              Duration bodyTimeout, int maxConnections, Duration refreshInterval) {

    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    public SecurityOptions {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        if ((deviceTlsCertificate == null) != (deviceTlsKey == null)) {
            throw new IllegalArgumentException("Give both the device listener's certificate and its key, or neither");
        }
    }

    public static SecurityOptions defaults() {
        return new SecurityOptions(-1, null, null, DEFAULT_HEADER_TIMEOUT, DEFAULT_BODY_TIMEOUT, DEFAULT_MAX_CONNECTIONS,
                Duration.ofSeconds(1));
    }

    public SecurityOptions withDeviceListener(int port, Path certificate, Path key) {
        return new SecurityOptions(port, certificate, key, headerTimeout, bodyTimeout, maxConnections, refreshInterval);
    }

    public SecurityOptions withTimeouts(Duration header, Duration body) {
        return new SecurityOptions(devicePort, deviceTlsCertificate, deviceTlsKey, header, body, maxConnections, refreshInterval);
    }

    public SecurityOptions withMaxConnections(int max) {
        return new SecurityOptions(devicePort, deviceTlsCertificate, deviceTlsKey, headerTimeout, bodyTimeout, max, refreshInterval);
    }

    public SecurityOptions withRefreshInterval(Duration interval) {
        return new SecurityOptions(devicePort, deviceTlsCertificate, deviceTlsKey, headerTimeout, bodyTimeout, maxConnections, interval);
    }
}
