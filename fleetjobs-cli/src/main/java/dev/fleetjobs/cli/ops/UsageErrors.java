package dev.fleetjobs.cli.ops;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * A wrong command line: the message, picocli's suggestions for a misspelt option or command, the
 * command's synopsis and where to find the rest, instead of the whole usage text. Exit code 2.
 */
public final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.print(command.getHelp().fullSynopsis());
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return CliErrors.USAGE;
    }
}
