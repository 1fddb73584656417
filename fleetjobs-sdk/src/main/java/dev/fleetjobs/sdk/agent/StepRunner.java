package dev.fleetjobs.sdk.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs steps as child processes the way the Device Client does: a handler gets the runAsUser
 * value as its first argument, then the args; a command runs from PATH, through {@code sudo -u}
 * when it names another user. While a step runs, a heartbeat is called at a fixed interval.
 */
final class StepRunner {

    private static final long OUTPUT_WAIT_MILLIS = 2_000;

    private final Path handlersDir;
    private final Object lock = new Object();
    private Process current;
    private boolean cancelled;

    StepRunner(Path handlersDir) {
        this.handlersDir = handlersDir.toAbsolutePath().normalize();
    }

    /** Why a document's handlers in the handler directory cannot run (missing, not executable, writable by others), or null. */
    String whyUnrunnable(JobDocument document) {
        for (Action action : document.allSteps()) {
            if (action.type() != ActionType.RUN_HANDLER) {
                continue;
            }
            String handler = action.handler();
            if (handler.contains("/") || handler.equals(".") || handler.equals("..")) {
                return "Handler name '" + handler + "' of step '" + action.name() + "' must be a plain file name";
            }
            if (!action.usesHandlerDirectory()) {
                continue;
            }
            Path file = handlersDir.resolve(handler);
            if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
                return "No executable handler '" + handler + "' for step '" + action.name() + "' in the handler directory";
            }
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                    return "Handler '" + handler + "' is writable by other users; refusing to run it";
                }
            } catch (UnsupportedOperationException | IOException noPosix) {
                // a file system without POSIX permissions: nothing more to check
            }
        }
        return null;
    }

    StepResult run(Action action, Map<String, String> environment, Duration heartbeatEvery, Runnable heartbeat) {
        ProcessBuilder builder = new ProcessBuilder(commandLine(action)).directory(handlersDir.toFile());
        builder.environment().putAll(environment);
        Process process;
        synchronized (lock) {
            if (cancelled) {
                return new StepResult(-1, "", "", 0, "The agent stopped before the step started");
            }
            try {
                process = builder.start();
            } catch (IOException e) {
                return new StepResult(-1, "", "", 0, "Could not start step '" + action.name() + "': " + e.getMessage());
            }
            current = process;
        }
        try {
            process.getOutputStream().close();
            TailBuffer stdout = new TailBuffer(process.getInputStream(), "step-stdout");
            TailBuffer stderr = new TailBuffer(process.getErrorStream(), "step-stderr");
            while (!process.waitFor(heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS)) {
                heartbeat.run();
            }
            int exit = process.exitValue();
            String out = stdout.text(OUTPUT_WAIT_MILLIS);
            String err = stderr.text(OUTPUT_WAIT_MILLIS);
            return new StepResult(exit, out, err, stderr.lines(), failure(action, exit, stderr.lines()));
        } catch (IOException e) {
            return new StepResult(-1, "", "", 0, "Step '" + action.name() + "' failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroy(process);
            return new StepResult(-1, "", "", 0, "Interrupted while step '" + action.name() + "' ran");
        } finally {
            synchronized (lock) {
                current = null;
            }
        }
    }

    /** Kills the running step and its children, and refuses to start another. */
    void cancel() {
        synchronized (lock) {
            cancelled = true;
            stopCurrent();
        }
    }

    /** Kills the running step and its children, if one runs. */
    void stopCurrent() {
        synchronized (lock) {
            if (current != null) {
                destroy(current);
            }
        }
    }

    private List<String> commandLine(Action action) {
        List<String> command = new ArrayList<>();
        if (action.type() == ActionType.RUN_HANDLER) {
            Path directory = action.usesHandlerDirectory() ? handlersDir : Path.of(action.path());
            command.add(directory.resolve(action.handler()).toString());
            command.add(action.runAsUser());
            command.addAll(action.args());
            return command;
        }
        if (!action.runAsUser().isEmpty() && !action.runAsUser().equals(System.getProperty("user.name"))) {
            command.addAll(List.of("sudo", "-n", "-u", action.runAsUser(), "--"));
        }
        command.addAll(action.command());
        return command;
    }

    private static String failure(Action action, int exit, int stderrLines) {
        if (exit != 0) {
            return "Step '" + action.name() + "' exited with status " + exit;
        }
        if (action.allowStdErr() != null && stderrLines > action.allowStdErr()) {
            return "Step '" + action.name() + "' wrote " + stderrLines + " lines to stderr, more than the " + action.allowStdErr()
                    + " allowed";
        }
        return null;
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
