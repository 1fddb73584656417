package dev.fleetjobs.sdk.agent;

import java.util.List;
import java.util.Objects;

/**
 * One step of a job document in the AWS IoT Device Client's format.
 *
 * @param handler     runHandler: the script's file name
 * @param path        runHandler: its directory; null or {@code default} is the agent's handler directory
 * @param args        runHandler: the arguments after the runAsUser argument
 * @param command     runCommand: the program and its arguments
 * @param runAsUser   empty when not given
 * @param allowStdErr lines on stderr that still count as success; null to ignore stderr
 * @param download    download: what to fetch and check; null for the other types
 */
public record Action(
        String name,
        ActionType type,
        String handler,
        String path,
        List<String> args,
        List<String> command,
        String runAsUser,
        Integer allowStdErr,
        boolean ignoreStepFailure,
        Download download) {

    public Action {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        args = args == null ? List.of() : List.copyOf(args);
        command = command == null ? List.of() : List.copyOf(command);
        runAsUser = runAsUser == null ? "" : runAsUser;
    }

    /** A step that runs a handler or a command. */
    public Action(String name, ActionType type, String handler, String path, List<String> args, List<String> command, String runAsUser,
                  Integer allowStdErr, boolean ignoreStepFailure) {
        this(name, type, handler, path, args, command, runAsUser, allowStdErr, ignoreStepFailure, null);
    }

    /** Whether the handler is looked up in the agent's handler directory. */
    public boolean usesHandlerDirectory() {
        return type == ActionType.RUN_HANDLER && (path == null || path.isEmpty() || path.equals("default"));
    }
}
