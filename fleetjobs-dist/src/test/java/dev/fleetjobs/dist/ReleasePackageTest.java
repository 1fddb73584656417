package dev.fleetjobs.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release package as a user gets it: unpacked with tar, run through its own launcher. */
class ReleasePackageTest {

    private static final String VERSION = System.getProperty("fleetjobs.version");
    private static final Path PACKAGE = Path.of(System.getProperty("fleetjobs.package"));
    private static final Pattern COMMENTED_KEY = Pattern.compile("(?m)^# ([a-z0-9-]+) = (.*)$");
    private static final Pattern PRINTED_KEY = Pattern.compile("(?m)^(?:# )?([a-z0-9-]+)(?: = .*| is not set)  # (\\S+).*$");

    @TempDir
    static Path unpacked;

    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(PACKAGE).as("built by the package phase").exists();
        Result tar = run(unpacked, List.of("tar", "-xzf", PACKAGE.toString(), "-C", unpacked.toString()));
        assertThat(tar.exitCode()).as(tar.output()).isZero();
        home = unpacked.resolve("fleetjobs-" + VERSION);
    }

    @Test
    void holdsTheLauncherTheJarTheSampleConfigTheUnitAndTheDocs() throws IOException {
        for (String file : List.of("bin/fleetjobs", "lib/fleetjobs.jar", "etc/fleetjobs.conf", "systemd/fleetjobs.service",
                "README.md", "SECURITY.md", "docs/ARCHITECTURE.md")) {
            assertThat(home.resolve(file)).as(file).isRegularFile();
        }
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/fleetjobs")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.getPosixFilePermissions(home.resolve("etc/fleetjobs.conf"))).doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        String unit = Files.readString(home.resolve("systemd/fleetjobs.service"));
        assertThat(unit).contains("User=fleetjobs", "Restart=on-failure", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "ProtectHome=yes", "PrivateTmp=yes", "StateDirectory=fleetjobs", "ReadWritePaths=/var/lib/fleetjobs",
                "ExecStart=/opt/fleetjobs/bin/fleetjobs server --config /etc/fleetjobs/fleetjobs.conf");
    }

    @Test
    void theSampleConfigNamesEveryOptionOnceWithValuesTheServerAccepts(@TempDir Path work) throws Exception {
        String sample = Files.readString(home.resolve("etc/fleetjobs.conf"));
        Result asShipped = fleetjobs(work, "server", "--config", home.resolve("etc/fleetjobs.conf").toString(), "--print-config");
        assertThat(asShipped.exitCode()).as(asShipped.output()).isZero();
        assertThat(sources(asShipped.output())).as("everything is commented out").containsOnly("default");

        // every "# key = value" line uncommented: only known keys, values of the right types, every option there
        Path uncommented = work.resolve("uncommented.conf");
        Files.writeString(uncommented, COMMENTED_KEY.matcher(sample).replaceAll("$1 = $2"));
        Result all = fleetjobs(work, "server", "--config", uncommented.toString(), "--print-config");
        assertThat(all.exitCode()).as(all.output()).isZero();
        Set<String> sampleKeys = new TreeSet<>();
        Matcher key = COMMENTED_KEY.matcher(sample);
        while (key.find()) {
            assertThat(sampleKeys.add(key.group(1))).as(key.group(1) + " appears once").isTrue();
        }
        Set<String> serverKeys = new TreeSet<>();
        Matcher printed = PRINTED_KEY.matcher(all.output());
        while (printed.find()) {
            serverKeys.add(printed.group(1));
            assertThat(printed.group(2)).as(printed.group()).isEqualTo("file");
        }
        assertThat(sampleKeys).as("the sample has a line for every option of fleetjobs server").isEqualTo(serverKeys);
    }

    @Test
    void theLauncherWorksThroughASymbolicLink(@TempDir Path work) throws Exception {
        // as /usr/local/bin/fleetjobs -> /opt/fleetjobs/bin/fleetjobs (inside the unpacked tree, which the link may point into)
        Path link = Files.createSymbolicLink(Files.createDirectories(unpacked.resolve("usr-local-bin")).resolve("fleetjobs"),
                home.resolve("bin/fleetjobs"));
        Result version = run(work, List.of(link.toString(), "--version"));
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains(VERSION);
    }

    @Test
    void theUnpackedServerStartsFromAConfigFileAnswersAndStopsOnSigterm(@TempDir Path work) throws Exception {
        int port = freePort();
        Path config = work.resolve("fleetjobs.conf");
        Files.writeString(config, "# the port comes from this file only\nport = " + port + "\nmax-connections = 100\n");
        Path log = work.resolve("server.log");
        ProcessBuilder builder = launcher(work, List.of("server", "--config", config.toString(), "--data-dir", work.resolve("data").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Process server = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest unsigned = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things")).GET().build();
            HttpResponse<String> response = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (response == null) {
                assertThat(server.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("answers within 90 s:\n" + Files.readString(log)).isLessThan(deadline);
                try {
                    response = http.send(unsigned, HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
            assertThat(response.body()).contains("Missing Authentication Token");
        } finally {
            server.destroy(); // SIGTERM
        }
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        assertThat(Files.readString(log)).contains("Fleetjobs ready", "Fleetjobs stopped");
    }

    @Test
    void systemdAcceptsTheUnit(@TempDir Path work) throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        if (!Files.isExecutable(analyze)) {
            System.out.println("systemd-analyze is not installed: the unit was checked by its text only");
            return;
        }
        // verify insists that ExecStart exists: point it at the unpacked launcher
        String unit = Files.readString(home.resolve("systemd/fleetjobs.service"))
                .replace("/opt/fleetjobs/bin/fleetjobs", home.resolve("bin/fleetjobs").toString());
        Path copy = Files.writeString(work.resolve("fleetjobs.service"), unit);
        Result verify = run(work, List.of(analyze.toString(), "verify", copy.toString()));
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).doesNotContainIgnoringCase("unknown").doesNotContainIgnoringCase("ignoring");
    }

    private static Set<String> sources(String printConfig) {
        Set<String> sources = new TreeSet<>();
        Matcher printed = PRINTED_KEY.matcher(printConfig);
        while (printed.find()) {
            sources.add(printed.group(2));
        }
        assertThat(sources).as(printConfig).isNotEmpty();
        return sources;
    }

    private static Result fleetjobs(Path work, String... args) throws Exception {
        return run(launcher(work, List.of(args)));
    }

    private static ProcessBuilder launcher(Path work, List<String> args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/fleetjobs").toString()));
        command.addAll(args);
        return environment(new ProcessBuilder(command).directory(work.toFile()));
    }

    /** The test's Java, and no FLEETJOBS_* settings from whoever runs the build. */
    private static ProcessBuilder environment(ProcessBuilder builder) {
        builder.environment().keySet().removeIf(name -> name.startsWith("FLEETJOBS_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path work, List<String> command) throws Exception {
        return run(environment(new ProcessBuilder(command).directory(work.toFile())));
    }

    private static Result run(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
