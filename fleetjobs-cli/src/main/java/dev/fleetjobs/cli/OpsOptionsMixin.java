package dev.fleetjobs.cli;

import dev.fleetjobs.server.ops.OpsOptions;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code fleetjobs server} options of operating it: the admin listener, the request log, the log format, the drain. */
final class OpsOptionsMixin {

    /** A setting that is on or off, spelt as such on the command line. */
    enum Switch { on, off }

    /** How every log line is written. */
    enum Format { text, json }

    @Option(names = "--admin-port", paramLabel = "PORT",
            description = "Admin listener without SigV4: GET /metrics (Prometheus), /health/live and /health/ready; off when not given.")
    Integer adminPort;

    @Option(names = "--admin-host", paramLabel = "HOST",
            description = "Address of the admin listener (default: ${DEFAULT-VALUE}, this machine only).")
    String adminHost = OpsOptions.DEFAULT_ADMIN_HOST;

    @Option(names = "--access-log", paramLabel = "on|off",
            description = "One line per HTTP request and per MQTT jobs request on the logger fleetjobs.access (default: ${DEFAULT-VALUE}).")
    Switch accessLog = Switch.on;

    @Option(names = "--log-format", paramLabel = "text|json",
            description = "text, or json for one JSON object per line, every log line (default: ${DEFAULT-VALUE}).")
    Format logFormat = Format.text;

    @Option(names = "--drain-delay", paramLabel = "SECONDS",
            description = "On SIGTERM, how long /health/ready answers 503 while requests are still served, before the listeners "
                    + "close (default: ${DEFAULT-VALUE}).")
    int drainDelaySeconds;

    OpsOptions options(CommandLine commandLine) {
        if (adminPort != null && (adminPort < 0 || adminPort > 65535)) {
            throw new CommandLine.ParameterException(commandLine, "--admin-port must be between 0 and 65535.");
        }
        if (drainDelaySeconds < 0) {
            throw new CommandLine.ParameterException(commandLine, "--drain-delay must not be negative.");
        }
        return OpsOptions.defaults()
                .withAdmin(adminHost, adminPort == null ? OpsOptions.OFF : adminPort)
                .withAccessLog(accessLog == Switch.on)
                .withDrainDelay(Duration.ofSeconds(drainDelaySeconds));
    }

    boolean jsonLogs() {
        return logFormat == Format.json;
    }
}
