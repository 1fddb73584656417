package dev.fleetjobs.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hot queries are served by an index in the order they need, never by a scan and a sort. */
class QueryPlanTest {

    @TempDir
    Path dataDir;

    @BeforeEach
    void migrate() {
        SqliteStores.open(dataDir).close();
    }

    @Test
    void pendingExecutionsUseThePendingIndexInOrder() throws Exception {
        assertThat(plan(Sql.PENDING_EXECUTIONS)).contains("INDEX job_executions_pending ").doesNotContain("TEMP B-TREE");
    }

    @Test
    void executionPagesUseAnIndexInCreationOrder() throws Exception {
        assertThat(plan(Sql.EXECUTIONS_FOR_JOB)).contains("INDEX job_executions_by_job ").doesNotContain("TEMP B-TREE");
        assertThat(plan(Sql.EXECUTIONS_FOR_JOB_WITH_STATUS)).contains("INDEX job_executions_by_job_status ").doesNotContain("TEMP B-TREE");
        assertThat(plan(Sql.EXECUTIONS_FOR_THING)).contains("INDEX job_executions_by_thing ").doesNotContain("TEMP B-TREE");
        assertThat(plan(Sql.EXECUTIONS_FOR_THING_WITH_STATUS)).contains("INDEX job_executions_by_thing_status ")
                .doesNotContain("TEMP B-TREE");
    }

    @Test
    void offeredExecutionsUseThePendingIndexInOrderAndLookUpJobsByKey() throws Exception {
        assertThat(plan(Sql.OFFERED_EXECUTIONS)).contains("INDEX job_executions_pending ")
                .contains("USING INDEX sqlite_autoindex_jobs_1").doesNotContain("TEMP B-TREE");
    }

    @Test
    void dueTimersAndRolloutsAreFoundThroughTheirPartialIndexes() throws Exception {
        assertThat(plan(Sql.EXPIRED_EXECUTIONS)).contains("INDEX job_executions_timeouts ").doesNotContain("TEMP B-TREE");
        assertThat(plan(Sql.NEXT_TIMEOUT)).contains("job_executions_timeouts");
        assertThat(plan(Sql.DUE_ROLLOUTS)).contains("INDEX job_rollouts_due ").doesNotContain("TEMP B-TREE");
        assertThat(plan(Sql.NEXT_ROLLOUT_DUE)).contains("job_rollouts_due");
    }

    @Test
    void progressReadsTheCountsAndNotTheExecutions() throws Exception {
        assertThat(plan(Sql.COUNTS)).contains("job_execution_counts").doesNotContain("job_executions ");
    }

    @Test
    void groupMemberWalksReadEachGroupsMembersInNameOrderFromAnIndex() throws Exception {
        assertThat(plan(Sql.MEMBERS_AFTER)).contains("sqlite_autoindex_thing_group_members_1").doesNotContain("TEMP B-TREE");
        assertThat(plan(Sql.SUBTREE_GROUPS_FROM)).contains("INDEX thing_group_descendants ").doesNotContain("TEMP B-TREE");
        assertThat(plan(Sql.GROUPS_OF_THING)).contains("INDEX thing_group_members_by_thing ");
    }

    @Test
    void attributeFiltersAndTheNextWorkUseTheirIndexes() throws Exception {
        assertThat(plan(Sql.THINGS_WITH_ATTRIBUTE)).contains("INDEX thing_attributes_by_value ");
        assertThat(plan(Sql.NEXT_WORK)).contains("INDEX job_work_by_turn").doesNotContain("TEMP B-TREE");
    }

    @Test
    void certificatesOfACaArePagedFromTheirIndex() throws Exception {
        assertThat(plan(SecuritySql.CERTIFICATES_BY_CA_ASCENDING)).contains("INDEX certificates_by_ca ").doesNotContain("TEMP B-TREE");
        assertThat(plan(SecuritySql.CERTIFICATES_BY_CA_DESCENDING)).contains("INDEX certificates_by_ca ").doesNotContain("TEMP B-TREE");
    }

    @Test
    void consoleQueriesUseTheirIndexesAndNeverCountExecutionsOneByOne() throws Exception {
        assertThat(plan(ConsoleSql.LATEST_FAILURES)).contains("INDEX job_executions_failures").doesNotContain("TEMP B-TREE");
        assertThat(plan(ConsoleSql.EXECUTION_COUNTS)).contains("job_execution_counts").doesNotContain("job_executions ");
        assertThat(plan(ConsoleSql.SAMPLES)).contains("sqlite_autoindex_job_progress_samples_1").doesNotContain("TEMP B-TREE");
        assertThat(plan(ConsoleSql.LATEST_SAMPLE)).contains("sqlite_autoindex_job_progress_samples_1").doesNotContain("TEMP B-TREE");
        assertThat(plan(ConsoleSql.FIND_SESSION)).contains("sqlite_autoindex_console_sessions_1");
        assertThat(plan(ConsoleSql.DELETE_EXPIRED_SESSIONS)).contains("console_sessions_expiry");
    }

    @Test
    void canaryGatesAndRollbacksReadByKey() throws Exception {
        assertThat(plan(SafeRolloutSql.STAGE_STATUSES)).contains("SEARCH c USING COVERING INDEX sqlite_autoindex_canary_stage_things_1")
                .contains("SEARCH e USING INDEX sqlite_autoindex_job_executions_1").doesNotContain("job_executions_by_job");
        assertThat(plan(SafeRolloutSql.IS_STAGE_THING)).contains("sqlite_autoindex_canary_stage_things_1");
        assertThat(plan(SafeRolloutSql.THINGS_WITH_LATEST_STATUS.replace("<statuses>", "'SUCCEEDED', 'FAILED'"))).contains("sqlite_autoindex_job_executions_1").doesNotContain("TEMP B-TREE");
        assertThat(plan(SafeRolloutSql.LINKS_OF_ORIGINAL)).contains("INDEX job_rollbacks_by_original").doesNotContain("TEMP B-TREE");
    }

    /** SQLite accepts the statements' :named parameters itself; unbound ones are NULL, which is enough to plan. */
    private String plan(String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("fleetjobs.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString("detail")).append('\n');
            }
        }
        System.out.printf("%s%n  -> %s", sql, plan);
        return plan.toString();
    }
}
