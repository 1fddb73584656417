package dev.fleetjobs.cli.dev;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fleetjobs dev}: tools for a server started with {@code --dev}. */
@Command(name = "dev", mixinStandardHelpOptions = true, description = "Development tools for a server started with --dev.",
        subcommands = DevClockCommand.class)
public final class DevCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
