package dev.fleetjobs.cli;

import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.RootCredentials;
import dev.fleetjobs.server.app.SecurityOptions;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.app.StartupException;
import dev.fleetjobs.cli.config.EffectiveSettings;
import dev.fleetjobs.cli.config.SettingsResolver;
import dev.fleetjobs.cli.ops.CliErrors;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetjobs server}: runs the server until SIGTERM or Ctrl-C, then stops it cleanly. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Runs the Fleetjobs server on embedded storage, or with --database-url on PostgreSQL shared with other nodes.",
                "Root credentials come from FLEETJOBS_ROOT_ACCESS_KEY_ID and FLEETJOBS_ROOT_SECRET_ACCESS_KEY; "
                        + "when unset they are generated at first start, kept in the data directory and printed once.",
                "Every option can also be set by the environment variable FLEETJOBS_<OPTION> (FLEETJOBS_DATA_DIR for --data-dir; "
                        + "a repeatable option takes a comma-separated list) or in the --config file; "
                        + "a flag beats the environment, which beats the file. The defaults shown are the built-in ones."})
final class ServerCommand implements Callable<Integer> {

    static final String ROOT_KEY_ENV = "FLEETJOBS_ROOT_ACCESS_KEY_ID";
    static final String ROOT_SECRET_ENV = "FLEETJOBS_ROOT_SECRET_ACCESS_KEY";
    /** The options that say where settings come from, which are not settings themselves. */
    static final Set<String> NOT_SETTINGS = Set.of("--config", "--print-config");

    @Option(names = "--config", paramLabel = "FILE",
            description = {"A TOML file of settings: the long options without '--' as keys (port = 9290, data-dir = \"/var/lib/fleetjobs\", "
                    + "mqtt-allow-topic = [\"a/b\"], dev = true); unknown keys are an error. Also " + SettingsResolver.CONFIG_VARIABLE + "."})
    Path configFile;

    @Option(names = "--print-config", description = "Prints the effective settings, where each comes from and secrets masked, then exits.")
    boolean printConfig;

    @Option(names = "--port", description = "HTTP port of both API planes (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every "
            + "interface).")
    String host = "127.0.0.1";

    @Option(names = "--data-dir", description = "Where the database and keys live (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of(ServerConfig.DEFAULT_DATA_DIR);

    @Option(names = "--dev", description = {"Development mode: a job clock that 'fleetjobs dev clock' moves; the device listener gets a "
            + "certificate from the server's own CA when --device-tls-cert is not given; the plain MQTT listener is allowed."})
    boolean dev;

    @Option(names = "--data-plane-rate-limit", paramLabel = "N",
            description = "Device requests per second before ThrottlingException; 0 for no limit (default: ${DEFAULT-VALUE}).")
    int dataPlaneRateLimit;

    @CommandLine.Mixin
    MqttOptions mqtt = new MqttOptions();

    @CommandLine.Mixin
    DatabaseOptionsMixin database = new DatabaseOptionsMixin();

    @Option(names = "--device-port", paramLabel = "PORT",
            description = "HTTPS port of the device data plane, authenticated by client certificates; off when not given.")
    Integer devicePort;

    @Option(names = "--device-tls-cert", paramLabel = "PEM", description = "The device listener's certificate (chain).")
    Path deviceTlsCert;

    @Option(names = "--device-tls-key", paramLabel = "PEM", description = "Its private key, readable by the owner only.")
    Path deviceTlsKey;

    @Option(names = "--header-timeout", paramLabel = "SECONDS",
            description = "Close connections that take longer to send a request's headers (default: ${DEFAULT-VALUE}).")
    int headerTimeoutSeconds = (int) SecurityOptions.DEFAULT_HEADER_TIMEOUT.toSeconds();

    @Option(names = "--max-connections", paramLabel = "N", description = "Open connections per listener (default: ${DEFAULT-VALUE}).")
    int maxConnections = SecurityOptions.DEFAULT_MAX_CONNECTIONS;

    @CommandLine.Mixin
    ArtifactStoreOptions artifacts;

    @CommandLine.Mixin
    OpsOptionsMixin ops = new OpsOptionsMixin();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    ServerCommand() {
        this(System.getenv());
    }

    ServerCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        EffectiveSettings settings = new SettingsResolver(spec, NOT_SETTINGS).resolve(environment, configFile);
        if (printConfig) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(settings.render());
            out.println("# root credentials: " + (environment.containsKey(ROOT_KEY_ENV)
                    ? "from " + ROOT_KEY_ENV + " and " + ROOT_SECRET_ENV : "generated at first start, then kept in the data directory or the database"));
            out.flush();
            return 0;
        }
        String key = environment.get(ROOT_KEY_ENV);
        String secret = environment.get(ROOT_SECRET_ENV);
        if ((key == null) != (secret == null)) {
            throw new IllegalArgumentException("Set both " + ROOT_KEY_ENV + " and " + ROOT_SECRET_ENV + ", or neither.");
        }
        if (ops.jsonLogs()) {
            LogFormat.useJson();
        }
        ServerConfig config = ServerConfig.defaults(host, port, dataDir)
                .withRootCredentials(key, secret)
                .withDev(dev)
                .withDataPlaneRequestsPerSecond(dataPlaneRateLimit)
                .withSecurity(securityOptions())
                .withDatabase(database.options(environment))
                .withOps(ops.options(spec.commandLine()));
        FleetjobsServer server;
        try {
            server = FleetjobsServer.start(config, mqtt.settings(dev, spec.commandLine()),
                    artifacts.settings(config.region(), spec.commandLine()));
        } catch (StartupException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return CliErrors.USAGE;
        }
        printCredentialsUntilShown(server.credentials(), config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "fleetjobs-shutdown"));
        stopped.await();
        return 0;
    }

    private SecurityOptions securityOptions() {
        if ((deviceTlsCert == null) != (deviceTlsKey == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give both --device-tls-cert and --device-tls-key, or neither.");
        }
        if (headerTimeoutSeconds < 1 || maxConnections < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--header-timeout and --max-connections must be positive.");
        }
        return SecurityOptions.defaults()
                .withDeviceListener(devicePort == null ? -1 : devicePort, deviceTlsCert, deviceTlsKey)
                .withTimeouts(Duration.ofSeconds(headerTimeoutSeconds), SecurityOptions.DEFAULT_BODY_TIMEOUT)
                .withMaxConnections(maxConnections);
    }

    /** Shows generated root credentials at the first start that gets this far (an earlier one may have failed). */
    private void printCredentialsUntilShown(RootCredentials credentials, ServerConfig config) throws java.io.IOException {
        if (!credentials.generated()) {
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Generated root credentials, kept in " + config.dataDir().resolve(RootCredentials.FILE_NAME)
                + " and shown only this once. Paste these lines into your shell:");
        out.println("export AWS_ACCESS_KEY_ID=" + credentials.accessKeyId());
        out.println("export AWS_SECRET_ACCESS_KEY=" + credentials.secretAccessKey());
        out.println("export AWS_DEFAULT_REGION=" + config.region());
        out.flush();
        RootCredentials.markShown(config.dataDir());
    }
}
