package dev.fleetjobs.cli.ops;

import dev.fleetjobs.sdk.models.errors.JobsServiceException;
import dev.fleetjobs.sdk.models.errors.TransportException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr and an exit code: 1 when the service refused the
 * request, 2 for a wrong command line or missing settings (picocli's own code for usage errors),
 * 3 when the server could not be reached.
 */
public final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int code;
        if (e instanceof JobsServiceException refused) {
            err.println("error: " + refused.errorType() + ": " + refused.serviceMessage());
            code = REFUSED;
        } else if (e instanceof TransportException unreachable) {
            err.println("error: cannot reach the server: " + unreachable.getMessage());
            code = UNREACHABLE;
        } else if (e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof java.io.IOException) {
            err.println("error: " + e.getMessage());
            code = USAGE;
        } else {
            err.println("error: " + e);
            code = REFUSED;
        }
        err.flush();
        return code;
    }
}
