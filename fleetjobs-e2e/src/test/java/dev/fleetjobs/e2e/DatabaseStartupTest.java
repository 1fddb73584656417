package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.store.postgresql.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetjobs server --database-url}: what an operator sees when the database cannot be used. One line, exit code 2. */
class DatabaseStartupTest {

    @TempDir
    Path dataDir;

    private record Outcome(int exitCode, String output) {
    }

    private Outcome server(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(ServerProcess.command("server", "--port", "0", "--host", "127.0.0.1",
                "--data-dir", dataDir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return new Outcome(process.exitValue(), output);
    }

    private static void assertOneClearLine(Outcome outcome, String expected) {
        assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(2);
        assertThat(outcome.output().strip().lines()).as(outcome.output()).hasSize(1);
        assertThat(outcome.output()).startsWith("error: ").contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aMalformedUrlIsOneLine() throws Exception {
        assertOneClearLine(server(Map.of(), "--database-url", "mysql://x@db/fleet"), "Not a PostgreSQL URL");
    }

    @Test
    void anUnreachableDatabaseIsOneLine() throws Exception {
        int closed = ServerProcess.freePort();
        assertOneClearLine(server(Map.of("FLEETJOBS_SEALING_KEY", ServerBackend.SEALING_KEY),
                "--database-url", "postgresql://fleet:secret@127.0.0.1:" + closed + "/fleet"), "Cannot connect to postgresql://fleet@127.0.0.1:" + closed);
    }

    @Test
    void wrongCredentialsAreOneLineAndTheirPasswordIsNotShown() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        postgres.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'startup_test') THEN"
                + " CREATE ROLE startup_test LOGIN PASSWORD 'right-password'; END IF; END $$");
        Outcome outcome = server(Map.of("FLEETJOBS_DATABASE_URL", "postgresql://startup_test:wrong-password@127.0.0.1:" + postgres.port()
                + "/postgres", "FLEETJOBS_SEALING_KEY", ServerBackend.SEALING_KEY));
        assertOneClearLine(outcome, "password authentication failed");
        assertThat(outcome.output()).doesNotContain("wrong-password");
    }

    @Test
    void postgresqlWithoutASealingKeyIsOneLine() throws Exception {
        assertOneClearLine(server(Map.of(), "--database-url", TestPostgres.shared().newDatabaseUrl()), "sealing key");
    }

    @Test
    void aDifferentSealingKeyThanTheFirstNodesIsOneLine() throws Exception {
        String url = TestPostgres.shared().newDatabaseUrl();
        try (RunningServer first = RunningServer.start(ServerBackend.POSTGRESQL.configure(
                dev.fleetjobs.server.app.ServerConfig.defaults("127.0.0.1", 0, dataDir.resolve("first")))
                .withDatabase(new dev.fleetjobs.server.app.DatabaseOptions(url, ServerBackend.SEALING_KEY, "test")))) {
            assertThat(first.server().port()).isPositive();
        }
        String other = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertOneClearLine(server(Map.of("FLEETJOBS_SEALING_KEY", other), "--database-url", url), "not the one this database was set up with");
    }
}
