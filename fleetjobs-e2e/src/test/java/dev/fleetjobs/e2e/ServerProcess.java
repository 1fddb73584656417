package dev.fleetjobs.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code fleetjobs server} from the built fleetjobs.jar, as a child process that can be killed. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** @param extraArgs more {@code fleetjobs server} options, such as {@code --dev} */
    static ServerProcess start(Path dataDir, Path logFile, String... extraArgs) {
        return start(null, Map.of(), dataDir, logFile, extraArgs);
    }

    /** @param environment added to the process's environment (a database URL, a sealing key) */
    static ServerProcess start(Path dataDir, Path logFile, Map<String, String> environment, String... extraArgs) {
        return start(null, environment, dataDir, logFile, extraArgs);
    }

    /**
     * @param umask        the file mode creation mask to run under (such as {@code 000}), or null for the inherited one
     * @param environment  more environment variables
     */
    static ServerProcess start(String umask, Map<String, String> environment, Path dataDir, Path logFile, String... extraArgs) {
        int port = freePort();
        List<String> command = new ArrayList<>(command("server", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--data-dir", dataDir.toString()));
        command.addAll(List.of(extraArgs));
        if (umask != null) {
            command.addAll(0, List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().put("FLEETJOBS_ROOT_ACCESS_KEY_ID", RunningServer.ACCESS_KEY);
        builder.environment().put("FLEETJOBS_ROOT_SECRET_ACCESS_KEY", RunningServer.SECRET_KEY);
        builder.environment().putAll(environment);
        try {
            ServerProcess server = new ServerProcess(builder.start(), port, logFile);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(server::acceptsConnections);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code java -jar fleetjobs.jar} with the arguments. */
    static List<String> command(String... arguments) {
        Path jar = Path.of("..", "fleetjobs-cli", "target", "fleetjobs.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build fleetjobs-cli first: " + jar + " is missing");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** A free port on the loopback address (also for the MQTT listener a test names). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Process process() {
        return process;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private boolean acceptsConnections() {
        if (!process.isAlive()) {
            throw new IllegalStateException("server exited early with " + process.exitValue() + ":\n" + log());
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
