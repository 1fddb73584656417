package dev.fleetjobs.cli;

import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.RootCredentials;
import dev.fleetjobs.server.app.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetjobs server}: runs the server until SIGTERM or Ctrl-C, then stops it cleanly. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Runs the Fleetjobs server on embedded storage.",
                "Root credentials come from FLEETJOBS_ROOT_ACCESS_KEY_ID and FLEETJOBS_ROOT_SECRET_ACCESS_KEY; "
                        + "when unset they are generated at first start, kept in the data directory and printed once."})
final class ServerCommand implements Callable<Integer> {

    static final String ROOT_KEY_ENV = "FLEETJOBS_ROOT_ACCESS_KEY_ID";
    static final String ROOT_SECRET_ENV = "FLEETJOBS_ROOT_SECRET_ACCESS_KEY";

    @Option(names = "--port", description = "HTTP port of both API planes (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "0.0.0.0";

    @Option(names = "--data-dir", description = "Where the database and keys live (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of(ServerConfig.DEFAULT_DATA_DIR);

    @Option(names = "--dev", description = "Enables development-only features: a job clock that 'fleetjobs dev clock' moves.")
    boolean dev;

    @Option(names = "--data-plane-rate-limit", paramLabel = "N",
            description = "Device requests per second before ThrottlingException; 0 for no limit (default: ${DEFAULT-VALUE}).")
    int dataPlaneRateLimit;

    @CommandLine.Mixin
    MqttOptions mqtt = new MqttOptions();

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
        String key = environment.get(ROOT_KEY_ENV);
        String secret = environment.get(ROOT_SECRET_ENV);
        if ((key == null) != (secret == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Set both " + ROOT_KEY_ENV + " and " + ROOT_SECRET_ENV + ", or neither.");
        }
        ServerConfig config = ServerConfig.defaults(host, port, dataDir)
                .withRootCredentials(key, secret)
                .withDev(dev)
                .withDataPlaneRequestsPerSecond(dataPlaneRateLimit);
        FleetjobsServer server = FleetjobsServer.start(config, mqtt.settings(dev, spec.commandLine()));
        printCredentialsOnce(server.credentials(), config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "fleetjobs-shutdown"));
        stopped.await();
        return 0;
    }

    private void printCredentialsOnce(RootCredentials credentials, ServerConfig config) {
        if (!credentials.generated()) {
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Generated root credentials, kept in " + config.dataDir().resolve("root-credentials.properties")
                + " and shown only this once. Paste these lines into your shell:");
        out.println("export AWS_ACCESS_KEY_ID=" + credentials.accessKeyId());
        out.println("export AWS_SECRET_ACCESS_KEY=" + credentials.secretAccessKey());
        out.println("export AWS_DEFAULT_REGION=" + config.region());
        out.flush();
    }
}
