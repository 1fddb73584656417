package dev.fleetjobs.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built {@code fleetjobs.jar} run as its own process, as a user runs {@code ./fleetjobs}: with
 * the environment of the tests but no {@code FLEETJOBS_ROOT_*} variables, so a server generates its
 * root credentials.
 */
final class JarCommand {

    static final Path JAR = Path.of("..", "fleetjobs-cli", "target", "fleetjobs.jar").toAbsolutePath().normalize();

    /** What a finished command printed (stdout and stderr together) and how it exited. */
    record Result(int exitCode, String output) {
    }

    private JarCommand() {
    }

    /** Runs a command that ends by itself, such as a server start that fails. */
    static Result run(Path work, String... args) {
        try {
            Path log = Files.createTempFile(work, "fleetjobs", ".log");
            Process process = start(log, args);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("fleetjobs " + String.join(" ", args) + " did not end:\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a command that runs until stopped, its output going to {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("Build fleetjobs-cli first: " + JAR + " is missing");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("FLEETJOBS_ROOT_ACCESS_KEY_ID");
        builder.environment().remove("FLEETJOBS_ROOT_SECRET_ACCESS_KEY");
        return builder.start();
    }
}
