package dev.fleetjobs.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server the README's blocks run against, one after another: {@code fleetjobs server} from the
 * built jar on one data directory, started as a newcomer starts it (root credentials generated and
 * printed), and restarted on the same directory when a block needs options the running one lacks.
 */
final class ReadmeServer implements AutoCloseable {

    private static final Pattern EXPORT = Pattern.compile("export (AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY)=(\\S+)");

    private final Path work;
    private final Path dataDir;
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private Process process;
    private List<String> options;
    private Map<String, String> environment = Map.of();
    private int starts;

    ReadmeServer(Path work, Path dataDir) {
        this.work = work;
        this.dataDir = dataDir;
    }

    /**
     * Makes sure a server runs with every option of {@code declared} (the words of a block's {@code server} attribute);
     * otherwise (re)starts one with exactly those. A number after an option ending in {@code -port} becomes a free
     * port, told to the blocks as {@code FLEETJOBS_<NAME>_PORT}.
     */
    void ensure(String declared) throws IOException {
        List<String> wanted = items(declared);
        if (process != null && options.containsAll(wanted)) {
            return;
        }
        close();
        List<String> args = new ArrayList<>(List.of("server", "--port", Integer.toString(ServerProcess.freePort()), "--data-dir", dataDir.toString()));
        Map<String, String> env = new LinkedHashMap<>();
        for (String item : wanted) {
            String[] words = item.split(" ", 2);
            args.add(words[0]);
            if (words.length == 2) {
                if (words[0].endsWith("-port")) {
                    String port = Integer.toString(ServerProcess.freePort());
                    env.put("FLEETJOBS_" + words[0].substring(2, words[0].length() - "-port".length()).replace('-', '_')
                            .toUpperCase(Locale.ROOT) + "_PORT", port);
                    args.add(port);
                } else {
                    args.add(words[1]);
                }
            }
        }
        Path log = work.resolve("server-" + (++starts) + ".log");
        process = JarCommand.start(log, args.toArray(String[]::new));
        options = wanted;
        await().atMost(Duration.ofSeconds(90)).until(() -> ready(log));
        String output = Files.readString(log);
        Matcher export = EXPORT.matcher(output);
        while (export.find()) {
            credentials.put(export.group(1), export.group(2));
        }
        if (credentials.size() != 2) {
            throw new IllegalStateException("the first start printed no root credentials:\n" + output);
        }
        env.put("FLEETJOBS_URL", "http://127.0.0.1:" + args.get(2));
        env.putAll(credentials);
        environment = env;
    }

    /** What a block gets: the server's URL, the root credentials it printed at first start, its extra ports. */
    Map<String, String> environment() {
        return environment;
    }

    /**
     * The same without the port variables, for a block that declares no server: a server such a block starts
     * itself would take FLEETJOBS_MQTT_PORT and the like as its own settings.
     */
    Map<String, String> environmentWithoutPorts() {
        Map<String, String> withoutPorts = new LinkedHashMap<>(environment);
        withoutPorts.keySet().removeIf(name -> name.startsWith("FLEETJOBS_") && name.endsWith("_PORT"));
        return withoutPorts;
    }

    private boolean ready(Path log) throws IOException {
        String output = Files.readString(log);
        if (!process.isAlive()) {
            throw new IllegalStateException("fleetjobs server " + options + " exited with " + process.exitValue() + ":\n" + output);
        }
        return output.contains("Fleetjobs ready") && (!credentials.isEmpty() || output.contains("export AWS_SECRET_ACCESS_KEY="));
    }

    /** {@code --dev --mqtt-port 1883} as items {@code --dev} and {@code --mqtt-port 1883}. */
    private static List<String> items(String declared) {
        List<String> items = new ArrayList<>();
        if (declared == null || declared.isBlank()) {
            return items;
        }
        for (String word : declared.trim().split("\\s+")) {
            if (word.startsWith("--") || items.isEmpty()) {
                items.add(word);
            } else {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + word);
            }
        }
        return items;
    }

    /** Stops the running server as Ctrl-C does, and waits until it has let go of the data directory. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }
}
