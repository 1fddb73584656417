package dev.fleetjobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fleetjobs} command: one entry point for the server and, later, the tools around it. */
@Command(name = "fleetjobs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A self-hosted, wire-compatible AWS IoT Jobs service.",
        subcommands = {ServerCommand.class, CredentialsCommand.class, CertificatesCommand.class, CommandLine.HelpCommand.class})
public final class FleetjobsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new FleetjobsCommand());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
