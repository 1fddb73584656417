package dev.fleetjobs.cli.dev;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.cli.ops.CliErrors;
import dev.fleetjobs.cli.ops.ControlPlaneClient;
import dev.fleetjobs.cli.ops.ControlPlaneCommand;
import dev.fleetjobs.sdk.http.JsonCodec;
import dev.fleetjobs.sdk.models.errors.JobsServiceException;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fleetjobs dev clock advance 15m} and {@code fleetjobs dev clock show}: the job clock of a {@code --dev} server. */
@Command(name = "clock", mixinStandardHelpOptions = true,
        description = {"Reads or moves the job clock of a server started with --dev.",
                "Moving it applies every timeout, retry, rollout step and schedule due on the way, each at its own time."},
        subcommands = {DevClockCommand.Advance.class, DevClockCommand.Show.class})
public final class DevClockCommand {

    @Command(name = "advance", mixinStandardHelpOptions = true, description = "Moves the job clock forward and prints the new time.")
    static final class Advance extends ClockCall {

        @Parameters(paramLabel = "DURATION", description = "How far: 90s, 15m, 2h, 1d, 1h30m; a plain number is seconds.")
        String duration;

        @Override
        long seconds() {
            try {
                return ClockDuration.seconds(duration);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec().commandLine(), e.getMessage());
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints the job clock's time.")
    static final class Show extends ClockCall {

        @Override
        long seconds() {
            return 0;
        }
    }

    /** {@code POST /_dev/clock}, signed for the control plane like every operator command. */
    abstract static class ClockCall extends ControlPlaneCommand {

        abstract long seconds();

        @Override
        public Integer call() throws Exception {
            seconds(); // a wrong duration is told before missing credentials or an unreachable server
            return super.call();
        }

        @Override
        protected int run(ControlPlaneClient client) {
            long seconds = seconds();
            JsonNode answer;
            try {
                answer = client.call("POST", "/_dev/clock", Map.of(), JsonCodec.mapper().valueToTree(Map.of("advanceSeconds", seconds)));
            } catch (JobsServiceException e) {
                if (!"UnknownOperationException".equals(e.errorType())) {
                    throw e;
                }
                spec().commandLine().getErr().println("error: " + e.errorType() + ": " + e.serviceMessage()
                        + " (was the server started with --dev?)");
                spec().commandLine().getErr().flush();
                return CliErrors.REFUSED;
            }
            if (!answer.path("now").canConvertToLong()) {
                throw new IllegalStateException("Unexpected answer from the server: " + answer);
            }
            Instant now = Instant.ofEpochSecond(answer.get("now").longValue());
            if (json()) {
                printJson(Map.of("now", now.getEpochSecond()));
            } else {
                out().println(now + " (epoch " + now.getEpochSecond() + ")");
                out().flush();
            }
            return 0;
        }
    }
}
