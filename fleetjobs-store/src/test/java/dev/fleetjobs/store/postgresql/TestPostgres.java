package dev.fleetjobs.store.postgresql;

import static org.awaitility.Awaitility.await;

import dev.fleetjobs.store.sql.SqlJobStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real PostgreSQL server for a whole test run (one per JVM), from Debian's server binaries
 * ({@code /usr/lib/postgresql/N/bin}; package {@code postgresql}, which {@code .ci/run} installs),
 * in a temporary directory on a free port, with fsync on. PostgreSQL refuses to run as root, so as
 * root it runs inside a user namespace ({@code unshare -U}). It stops when the JVM ends, even when
 * the JVM is killed: a shell beside it waits for its standard input to close.
 *
 * <p>Each test class asks for a fresh database ({@link #newDatabase()}), a copy of one migrated once.
 */
public final class TestPostgres {

    public static final String SUPERUSER = "postgres";
    public static final String PASSWORD = "test-superuser-password";
    private static final String TEMPLATE = "fleetjobs_template";
    private static final String DIR_PREFIX = "fleetjobs-pg-";

    private static TestPostgres shared;

    private final Path dir;
    private final int port;
    private final Process server;
    private final AtomicInteger databases = new AtomicInteger();
    private boolean templateReady;

    private TestPostgres(Path dir, int port, Process server) {
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    /** The server of this test run, started at the first call. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The server's binaries (psql beside them). */
    public static Path binaries() {
        String configured = System.getenv("FLEETJOBS_TEST_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("postgres")) && Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(TestPostgres::majorVersion))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries under " + root
                            + ": install Debian's postgresql package (.ci/run does) or set FLEETJOBS_TEST_PG_BIN"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A new, empty database at the newest schema, as the superuser. */
    public PostgresUrl newDatabase() {
        return PostgresUrl.parse(newDatabaseUrl());
    }

    /** As {@link #newDatabase()}, as the text a node is given: {@code postgresql://USER:PASSWORD@HOST:PORT/DB}. */
    public synchronized String newDatabaseUrl() {
        if (!templateReady) {
            execute("CREATE DATABASE " + TEMPLATE);
            PostgresStores.open(url(TEMPLATE)).close();
            templateReady = true;
        }

        String name = "fleetjobs_" + databases.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return urlText(name);
    }

    /** A new database with nothing in it, not even the schema: what an operator creates. */
    public synchronized String newEmptyDatabaseUrl() {
        String name = "fleetjobs_empty_" + databases.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return urlText(name);
    }

    public PostgresUrl url(String database) {
        return PostgresUrl.parse(urlText(database));
    }

    public String urlText(String database) {
        return "postgresql://" + SUPERUSER + ":" + PASSWORD + "@" + host() + ":" + port + "/" + database;
    }

    /** Runs statements as the superuser on the maintenance database, outside a transaction. */
    public void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host() + ":" + port + "/postgres",
                SUPERUSER, PASSWORD); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }

    /** Opens a store on the database, as a node would. */
    public static SqlJobStore open(PostgresUrl url) {
        return PostgresStores.open(url);
    }

    private static TestPostgres start() {
        Path bin = binaries();
        try {
            removeAbandoned();
            Path dir = Files.createTempDirectory(DIR_PREFIX);
            Path passwordFile = dir.resolve("password");
            Files.writeString(passwordFile, PASSWORD + "\n");
            run(asServerUser(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale")),
                    dir.resolve("initdb.log"));
            // The superuser connects without a password (SCRAM costs each of the many test connections
            // time); any other role, such as the README's, needs its password.
            Files.writeString(dir.resolve("data").resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all " + SUPERUSER + " 127.0.0.1/32 trust",
                    "host all all 127.0.0.1/32 scram-sha-256", ""));
            int port = freePort();
            String postgres = String.join(" ", bin.resolve("postgres").toString(), "-D", quote(dir.resolve("data")),
                    "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + quote(dir),
                    "-c", "max_connections=500", "-c", "shared_buffers=64MB", "-c", "fsync=on", "-c", "synchronous_commit=on");
            // The shell stops the server once its standard input closes: when the JVM ends, however it
            // ends. Immediate shutdown: the data is thrown away, so nothing needs to be written first.
            String script = postgres + " > " + quote(dir.resolve("server.log")) + " 2>&1 & pg=$!; read -r _; kill -QUIT $pg; wait $pg";
            Process server = new ProcessBuilder(asServerUser(List.of("bash", "-c", script))).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("shell.log").toFile()).start();
            TestPostgres postgresql = new TestPostgres(dir, port, server);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> {
                        if (!server.isAlive()) {
                            throw new AssertionError("PostgreSQL exited:\n" + Files.readString(dir.resolve("server.log")));
                        }
                        postgresql.execute("SELECT 1");
                        return true;
                    });
            Runtime.getRuntime().addShutdownHook(new Thread(postgresql::stop, "test-postgres-stop"));
            return postgresql;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Directories of servers that no longer run (a JVM killed before it could clean up). */
    private static void removeAbandoned() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> dirs = Files.list(tmp)) {
            dirs.filter(d -> d.getFileName().toString().startsWith(DIR_PREFIX)).forEach(d -> {
                Path pidFile = d.resolve("data").resolve("postmaster.pid");
                try {
                    boolean running = Files.exists(pidFile) && ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
                            .map(ProcessHandle::isAlive).orElse(false);
                    if (!running && Files.getLastModifiedTime(d).toMillis() < System.currentTimeMillis() - 60_000) {
                        deleteTree(d);
                    }
                } catch (IOException | RuntimeException ignored) {
                    // Someone else's, or half made: leave it.
                }
            });
        }
    }

    private void stop() {
        try (OutputStream in = server.getOutputStream()) {
            in.write('\n');
        } catch (IOException ignored) {
            // The shell is gone already.
        }
        try {
            server.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(dir);
    }

    /** As root, inside a new user namespace (there the process is not root, as PostgreSQL insists). */
    private static List<String> asServerUser(List<String> command) {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("unshare", "-U"));
        }
        full.addAll(command);
        return full;
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String quote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
