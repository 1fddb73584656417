package dev.fleetjobs.cli;

import dev.fleetjobs.cli.agent.AgentCommand;
import dev.fleetjobs.cli.artifact.ArtifactCommand;
import dev.fleetjobs.cli.bench.BenchCommand;
import dev.fleetjobs.cli.dev.DevCommand;
import dev.fleetjobs.cli.ops.CliErrors;
import dev.fleetjobs.cli.ops.EnvironmentFactory;
import dev.fleetjobs.cli.ops.GroupCommand;
import dev.fleetjobs.cli.ops.JobCommand;
import dev.fleetjobs.cli.ops.UsageErrors;
import dev.fleetjobs.cli.ops.ThingCommand;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fleetjobs} command: one entry point for the server and, later, the tools around it. */
@Command(name = "fleetjobs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A self-hosted, wire-compatible AWS IoT Jobs service.",
        subcommands = {ServerCommand.class, ThingCommand.class, GroupCommand.class, JobCommand.class, AgentCommand.class,
                DevCommand.class, CredentialsCommand.class, CertificatesCommand.class, ArtifactCommand.class, StoreCommand.class, BackupCommand.class, RestoreCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class FleetjobsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line with {@code environment} in place of the process environment (tests). */
    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new FleetjobsCommand(), new EnvironmentFactory(environment))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new CliErrors())
                .setParameterExceptionHandler(new UsageErrors());
        withVersion(commandLine, new VersionProvider());
        DevCommand.acceptNegativeDurations(commandLine);
        return commandLine;
    }

    /** Every subcommand's --version prints what the top level's does. */
    private static void withVersion(CommandLine commandLine, CommandLine.IVersionProvider version) {
        commandLine.getCommandSpec().versionProvider(version);
        commandLine.getSubcommands().values().forEach(sub -> withVersion(sub, version));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
