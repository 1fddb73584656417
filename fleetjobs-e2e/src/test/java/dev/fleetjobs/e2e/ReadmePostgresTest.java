package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.store.postgresql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's "Running on PostgreSQL with several nodes" as written, on the test run's
 * PostgreSQL: only the ports are this machine's free ones, and {@code sudo -u postgres} becomes the
 * test cluster's superuser (a {@code sudo} of the test's own on the PATH).
 */
class ReadmePostgresTest {

    @TempDir
    Path work;

    @Test
    void theDatabaseIsCreatedAndTwoNodesServeTheSameFleet() throws Exception {
        String database = ReadmeBlocks.block("postgres-database");
        String nodes = ReadmeBlocks.block("postgres-nodes");
        assertThat(database).contains("sudo -u postgres psql").contains("createdb");
        assertThat(nodes).contains("FLEETJOBS_DATABASE_URL").contains("--port 9291");
        TestPostgres postgres = TestPostgres.shared();
        int nodeA = ServerProcess.freePort();
        int nodeB = ServerProcess.freePort();
        String script = (database + nodes).replace("localhost:5432", "127.0.0.1:" + postgres.port())
                .replace("9290", Integer.toString(nodeA)).replace("9291", Integer.toString(nodeB));
        ReadmeBlocks.launcher(work);
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path sudo = bin.resolve("sudo");
        Files.writeString(sudo, "#!/usr/bin/env bash\n# sudo -u postgres COMMAND...: COMMAND as the test cluster's superuser\nshift 2\n"
                + "PGHOST=127.0.0.1 PGPORT=" + postgres.port() + " PGUSER=" + TestPostgres.SUPERUSER + " PGDATABASE=postgres exec \"$@\"\n");
        Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwx------"));
        try {
            String output = ReadmeBlocks.run(script, Map.of("FLEETJOBS_ROOT_ACCESS_KEY_ID", RunningServer.ACCESS_KEY,
                    "FLEETJOBS_ROOT_SECRET_ACCESS_KEY", RunningServer.SECRET_KEY), work);
            assertThat(output.strip()).as(output).endsWith("pump-1");
        } finally {
            for (String pidFile : new String[] {"node-a.pid", "node-b.pid"}) {
                Path pid = work.resolve(pidFile);
                if (Files.exists(pid)) {
                    ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }
}
