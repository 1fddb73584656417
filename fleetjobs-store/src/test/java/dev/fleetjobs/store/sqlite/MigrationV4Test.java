package dev.fleetjobs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.StoreReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written before the timing migration keeps running deadlines and gains its notified counts. */
class MigrationV4Test {

    @TempDir
    Path dataDir;

    @Test
    void runningStepTimersAndNotifiedThingsAreCarriedOver() throws Exception {
        String url = "jdbc:sqlite:" + dataDir.resolve(SqliteStores.DATABASE_FILE);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO jobs (job_id, target_selection, status, document, targets, force_canceled, created_at, last_updated_at)"
                    + " VALUES ('old', 'SNAPSHOT', 'IN_PROGRESS', '{}', '[]', 0, 1, 1)");
            s.execute("INSERT INTO job_executions (job_id, thing_name, execution_number, status, pending_rank, status_details, queued_at,"
                    + " started_at, last_updated_at, version_number, step_timeout_minutes, step_deadline, force_canceled, retry_attempt)"
                    + " VALUES ('old', 'a', 1, 'IN_PROGRESS', 0, '{}', 1, 2, 2, 2, 5, 300002, 0, 0),"
                    + " ('old', 'b', 1, 'SUCCEEDED', NULL, '{}', 1, 2, 3, 3, NULL, NULL, 0, 0),"
                    + " ('old', 'b', 2, 'QUEUED', 1, '{}', 4, NULL, 4, 1, NULL, NULL, 0, 1)");
        }
        try (JobStore store = SqliteStores.open(dataDir)) {
            List<JobExecution> expired = store.read((StoreReader r) -> r.expiredExecutions(300_002, 10)).join();
            assertThat(expired).extracting(JobExecution::thingName).containsExactly("a");
            assertThat(store.read((StoreReader r) -> r.nextDueMillis()).join()).isEqualTo(OptionalLong.of(300_002));
            assertThat(store.read((StoreReader r) -> r.findRollout("old")).join())
                    .contains(new RolloutState("old", 2, 0, null, 0, false, null));
        }
    }
}
