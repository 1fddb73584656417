package dev.fleetjobs.cli.ops;

import dev.fleetjobs.cli.FleetjobsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code fleetjobs} in-process with a given environment and captures what it prints. */
public final class Cli {

    public record Result(int exitCode, String out, String err) {
    }

    private final Map<String, String> environment;

    public Cli(Map<String, String> environment) {
        this.environment = environment;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = FleetjobsCommand.commandLine(environment);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int code = command.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Like {@link #run} but printing into {@code out} as it goes, for commands that run a while. */
    int run(StringWriter out, String... args) {
        CommandLine command = FleetjobsCommand.commandLine(environment);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(out, true));
        return command.execute(args);
    }
}
