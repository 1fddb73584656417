package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.cli.FleetjobsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fleetjobs dev clock ...} in-process, against a --dev server, with the environment the AWS CLI reads. */
class DevClockCommandTest {

    private static final Instant START = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        CommandLine command = FleetjobsCommand.commandLine(environment);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private static Map<String, String> credentials(String endpointVariable, String endpoint) {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_ACCESS_KEY_ID", RunningServer.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", RunningServer.SECRET_KEY);
        if (endpointVariable != null) {
            environment.put(endpointVariable, endpoint);
        }
        return environment;
    }

    @Test
    void advanceMovesTheServersJobClockByTheGivenDuration() {
        try (RunningServer server = RunningServer.startDev(dataDir, START)) {
            assertThat(run(credentials("FLEETJOBS_URL", server.endpoint().toString()), "dev", "clock", "advance", "15m")).as(err.toString())
                    .isZero();
            assertThat(out.toString()).contains("2025-03-10T12:15:00Z").contains("epoch " + START.plusSeconds(900).getEpochSecond());

            assertThat(run(credentials(null, null), "dev", "clock", "advance", "1h30m", "--endpoint-url", server.endpoint() + "/"))
                    .as(err.toString()).isZero();
            assertThat(run(credentials("AWS_ENDPOINT_URL", server.endpoint().toString()), "dev", "clock", "show")).isZero();
            assertThat(out.toString()).contains("2025-03-10T13:45:00Z");
            assertThat(server.advanceClock(0)).isEqualTo(START.plusSeconds(900 + 5400).getEpochSecond());
        }
    }

    @Test
    void mistakesAreReportedWithoutMovingTheClock() {
        try (RunningServer server = RunningServer.startDev(dataDir, START)) {
            String url = server.endpoint().toString();
            assertThat(run(credentials("FLEETJOBS_URL", url), "dev", "clock", "advance", "soon")).isEqualTo(2);
            assertThat(err.toString()).contains("'soon' is not a duration");

            Map<String, String> noKey = credentials("FLEETJOBS_URL", url);
            noKey.remove("AWS_SECRET_ACCESS_KEY");
            assertThat(run(noKey, "dev", "clock", "advance", "1m")).isEqualTo(2);
            assertThat(err.toString()).contains("AWS_SECRET_ACCESS_KEY");

            Map<String, String> wrongKey = credentials("FLEETJOBS_URL", url);
            wrongKey.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
            assertThat(run(wrongKey, "dev", "clock", "advance", "1m")).isEqualTo(1);
            assertThat(err.toString()).contains("InvalidSignatureException");
            assertThat(server.advanceClock(0)).isEqualTo(START.getEpochSecond());
        }
    }

    @Test
    void aServerWithoutDevSaysSo() {
        try (RunningServer server = RunningServer.start(dataDir)) {
            assertThat(run(credentials("FLEETJOBS_URL", server.endpoint().toString()), "dev", "clock", "advance", "1m")).isEqualTo(1);
            assertThat(err.toString()).contains("UnknownOperationException").contains("--dev");
        }
    }
}
