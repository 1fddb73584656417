package dev.fleetjobs.cli.ops;

import dev.fleetjobs.sdk.models.errors.JobsServiceException;
import dev.fleetjobs.server.app.PortInUseException;
import dev.fleetjobs.sdk.models.errors.TransportException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr and an exit code: 1 when the service refused the
 * request, 2 for a wrong command line or missing settings (picocli's own code for usage errors),
 * 3 when the server could not be reached. A port clash or a data directory in use is a 2 as well:
 * the command line has to change.
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
        } else if (e instanceof PortInUseException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            err.println("error: " + e.getMessage());
            code = USAGE;
        } else if (e instanceof java.io.IOException io) {
            err.println("error: " + describe(io));
            code = USAGE;
        } else {
            err.println("error: " + e);
            code = REFUSED;
        }
        err.flush();
        return code;
    }

    /** File errors name what went wrong, not only the file (Java's messages are often just the path). */
    private static String describe(java.io.IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        return e.getMessage();
    }
}
