package dev.fleetjobs.cli.dev;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fleetjobs dev}: tools for a server started with {@code --dev}. */
@Command(name = "dev", mixinStandardHelpOptions = true, description = "Development tools for a server started with --dev.",
        subcommands = DevClockCommand.class)
public final class DevCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Lets {@code dev clock advance -5m} reach the duration parser, which says why it is refused, instead of picocli
     * taking {@code -5m} for an unknown option.
     */
    public static void acceptNegativeDurations(CommandLine root) {
        root.getSubcommands().get("dev").getSubcommands().get("clock").getSubcommands().get("advance")
                .setUnmatchedOptionsArePositionalParams(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
