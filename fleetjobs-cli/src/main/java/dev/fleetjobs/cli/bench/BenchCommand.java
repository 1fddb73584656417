package dev.fleetjobs.cli.bench;

import dev.fleetjobs.cli.ops.ConnectionOptions;
import dev.fleetjobs.cli.ops.OutputFormat;
import dev.fleetjobs.sdk.auth.AwsCredentials;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetjobs bench}: a load generator and fleet simulator. Exit code 0 when every scenario
 * ran without errors and its counts matched, 1 otherwise, 2 for a wrong option or a server that
 * cannot be reached.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures a Fleetjobs server: requests per second and latency of each scenario, and each one's ratio to noop "
                + "from the same run.",
                "Scenarios: noop, get-pending, describe, describe-thing, device-loop, mqtt-loop, rollout. noop and unsigned-noop "
                        + "(the references) always run first.",
                "Against --endpoint it creates things, groups and jobs named fjb-*; use a server whose data you can spare."})
public final class BenchCommand implements Callable<Integer> {

    static final List<String> SCENARIOS = List.of(NoopScenario.NAME, ReadScenario.GET_PENDING, ReadScenario.DESCRIBE,
            ReadScenario.DESCRIBE_THING, DeviceLoopScenario.NAME, MqttLoopScenario.NAME, RolloutScenario.NAME);
    static final int USAGE = 2;
    private static final int DEFAULT_MQTT_PORT = 1883;

    @Parameters(paramLabel = "SCENARIO", arity = "1..*", split = ",", description = "One or more of: ${COMPLETION-CANDIDATES}",
            completionCandidates = ScenarioNames.class)
    List<String> scenarios;

    /** The server to measure ({@code --endpoint}, {@code --region}) and the {@code AWS_*} credentials. */
    @CommandLine.Mixin
    ConnectionOptions connection;

    @Option(names = "--embedded", description = "Start a server in this process on a temporary data directory instead.")
    boolean embedded;

    @Option(names = "--connections", paramLabel = "C", description = "HTTP connections of the load generator (default: ${DEFAULT-VALUE}).")
    int connections = 64;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Measured time of each scenario (default: ${DEFAULT-VALUE}).")
    int durationSeconds = 10;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "Time each scenario runs before it is measured (default: ${DEFAULT-VALUE}).")
    int warmupSeconds = 3;

    @Option(names = {"--output", "-o"}, paramLabel = "FORMAT", description = "table or json (default: table).")
    OutputFormat output = OutputFormat.TABLE;

    @Option(names = "--devices", paramLabel = "D",
            description = "Simulated devices of device-loop (default: --connections) and mqtt-loop (default: " + BenchSettings.DEFAULT_MQTT_DEVICES + ").")
    Integer devices;

    @Option(names = "--things", paramLabel = "N", description = "Things the rollout scenario registers and targets (default: ${DEFAULT-VALUE}).")
    int things = 10_000;

    @Option(names = "--jobs-per-device", paramLabel = "J", description = "Jobs device-loop prepares per device (default: enough for the run, sized from noop's rate).")
    Integer jobsPerDevice;

    @Option(names = "--mqtt-endpoint", paramLabel = "URL",
            description = "The server's MQTT listener for mqtt-loop, mqtt://host:port (default: the endpoint's host, port " + DEFAULT_MQTT_PORT + ").")
    String mqttEndpoint;

    @Option(names = "--server-pid", paramLabel = "PID",
            description = "The process id of the --endpoint server when it runs on this machine (Linux): each scenario then "
                    + "reports the server's CPU microseconds per operation, which a busy machine disturbs less than the rate.")
    Long serverPid;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    BenchCommand() {
        this(System.getenv());
    }

    BenchCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Scenario> plan;
        BenchSettings settings;
        try {
            plan = plan();
            settings = settings();
        } catch (BenchUsageException e) {
            return usage(err, e.getMessage());
        }
        boolean needsMqtt = plan.stream().anyMatch(s -> s.name().equals(MqttLoopScenario.NAME));
        try (Target target = embedded ? EmbeddedTarget.start(needsMqtt) : remoteTarget();
             Progress progress = Progress.on(err, System.console() != null)) {
            List<ScenarioResult> results = new BenchRun(target, settings, progress).run(plan);
            progress.clear();
            BenchReport report = new BenchReport(heading(target, settings), settingsForReport(target, settings), results);
            PrintWriter out = spec.commandLine().getOut();
            if (output == OutputFormat.JSON) {
                report.printJson(out);
            } else {
                report.printTable(out);
            }
            return report.anyFailed() ? 1 : 0;
        } catch (BenchUsageException e) {
            return usage(err, e.getMessage());
        }
    }

    private List<Scenario> plan() {
        Set<String> asked = new LinkedHashSet<>();
        for (String name : scenarios) {
            String scenario = name.trim().toLowerCase(Locale.ROOT);
            if (!SCENARIOS.contains(scenario)) {
                throw new BenchUsageException("Unknown scenario '" + name + "'; choose from " + String.join(", ", SCENARIOS) + ".");
            }
            asked.add(scenario);
        }
        List<Scenario> plan = new ArrayList<>(List.of(NoopScenario.unsigned(), NoopScenario.signed()));
        for (String name : asked) {
            switch (name) {
                case NoopScenario.NAME -> { }
                case ReadScenario.GET_PENDING, ReadScenario.DESCRIBE, ReadScenario.DESCRIBE_THING -> plan.add(new ReadScenario(name));
                case DeviceLoopScenario.NAME -> plan.add(new DeviceLoopScenario());
                case MqttLoopScenario.NAME -> plan.add(new MqttLoopScenario());
                case RolloutScenario.NAME -> plan.add(new RolloutScenario());
                default -> throw new IllegalStateException("no scenario " + name);
            }
        }
        return plan;
    }

    private BenchSettings settings() {
        if (embedded && (connection.endpointGiven() || mqttEndpoint != null || serverPid != null)) {
            throw new BenchUsageException("Give --endpoint (with --mqtt-endpoint, --server-pid) or --embedded, not both.");
        }
        positive("--connections", connections);
        positive("--duration", durationSeconds);
        if (warmupSeconds < 0) {
            throw new BenchUsageException("--warmup must not be negative.");
        }
        if (devices != null) {
            positive("--devices", devices);
        }
        positive("--things", things);
        if (jobsPerDevice != null) {
            positive("--jobs-per-device", jobsPerDevice);
        }
        return new BenchSettings(connections, new Timing(Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds)),
                devices, things, jobsPerDevice);
    }

    private Target remoteTarget() {
        URI url;
        try {
            url = connection.endpoint();
        } catch (IllegalArgumentException e) {
            throw new BenchUsageException("--endpoint: " + e.getMessage() + ".");
        }
        AwsCredentials credentials = AwsCredentials.find(environment).orElseThrow(() -> new BenchUsageException(
                "No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY for the server at " + url + ", or use --embedded."));
        InetSocketAddress mqtt;
        if (mqttEndpoint != null) {
            URI mqttUrl = parseUrl(mqttEndpoint, "--mqtt-endpoint", "mqtt://localhost:1883");
            if (!"mqtt".equalsIgnoreCase(mqttUrl.getScheme())) {
                throw new BenchUsageException("--mqtt-endpoint must be a plain mqtt:// URL, not '" + mqttEndpoint + "'.");
            }
            mqtt = InetSocketAddress.createUnresolved(mqttUrl.getHost(), mqttUrl.getPort() > 0 ? mqttUrl.getPort() : DEFAULT_MQTT_PORT);
        } else {
            mqtt = InetSocketAddress.createUnresolved(url.getHost(), DEFAULT_MQTT_PORT);
        }
        return new RemoteTarget(url, credentials, connection.region(), mqtt, serverPid == null ? null : ProcessCpu.of(serverPid));
    }

    private static URI parseUrl(String text, String option, String example) {
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new BenchUsageException(option + " must be a URL such as " + example + ", not '" + text + "'.");
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new BenchUsageException(option + " must be at least 1, not " + value + ".");
        }
    }

    private int usage(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return USAGE;
    }

    private String heading(Target target, BenchSettings settings) {
        return String.format(Locale.ROOT, "fleetjobs bench: %s, %d connections, %d s warm-up and %d s measured per scenario, %d CPUs",
                target.describe(), settings.connections(), settings.timing().warmup().toSeconds(), settings.timing().duration().toSeconds(),
                Runtime.getRuntime().availableProcessors());
    }

    private static Map<String, Object> settingsForReport(Target target, BenchSettings settings) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("endpoint", target.endpoint().toString());
        map.put("embedded", target.inProcess());
        map.put("connections", settings.connections());
        map.put("warmupSeconds", settings.timing().warmup().toSeconds());
        map.put("durationSeconds", settings.timing().duration().toSeconds());
        map.put("cpus", Runtime.getRuntime().availableProcessors());
        map.put("java", Runtime.version().toString());
        return map;
    }

    /** The scenario names, for the help text. */
    static final class ScenarioNames extends ArrayList<String> {
        ScenarioNames() {
            super(SCENARIOS);
        }
    }
}
