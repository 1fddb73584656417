package dev.fleetjobs.cli.dev;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fleetjobs dev clock advance 15m} and {@code fleetjobs dev clock show}: the job clock of a {@code --dev} server. */
@Command(name = "clock", mixinStandardHelpOptions = true,
        description = {"Reads or moves the job clock of a server started with --dev.",
                "Moving it applies every timeout, retry, rollout step and schedule due on the way, each at its own time."})
public final class DevClockCommand {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;
    private final Clock realClock;

    public DevClockCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** @param realClock signs requests; the server checks signatures against its real clock, never the job clock */
    public DevClockCommand(Map<String, String> environment, Clock realClock) {
        this.environment = environment;
        this.realClock = realClock;
    }

    @Command(name = "advance", mixinStandardHelpOptions = true, description = "Moves the job clock forward and prints the new time.")
    int advance(@Parameters(paramLabel = "DURATION", description = "How far: 90s, 15m, 2h, 1d, 1h30m; a plain number is seconds.")
                String duration,
                @Mixin DevEndpoint endpoint) {
        long seconds;
        try {
            seconds = ClockDuration.seconds(duration);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return call(endpoint, seconds);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints the job clock's time.")
    int show(@Mixin DevEndpoint endpoint) {
        return call(endpoint, 0);
    }

    private int call(DevEndpoint endpoint, long seconds) {
        Credentials credentials;
        try {
            credentials = DevEndpoint.credentials(environment);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        DevClockClient client = new DevClockClient(endpoint.endpoint(environment), credentials, endpoint.region(environment), realClock);
        try {
            Instant now = client.advance(seconds);
            PrintWriter out = spec.commandLine().getOut();
            out.println(now + " (epoch " + now.getEpochSecond() + ")");
            out.flush();
            return 0;
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("fleetjobs: " + (e.getMessage() == null ? "cannot reach " + endpoint.endpoint(environment) : e.getMessage()));
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
