package dev.fleetjobs.e2e;

import dev.fleetjobs.server.app.DatabaseOptions;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.store.postgresql.PostgresStores;
import dev.fleetjobs.store.postgresql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/**
 * The device loop of {@link DataPlaneBenchmark} (StartNext + UpdateJobExecution SUCCEEDED, 32 SDK
 * clients) on SQLite, on PostgreSQL with concurrent short transactions (the default) and with one
 * group-committing writer, and on two PostgreSQL nodes in one JVM splitting the clients; all in
 * one run, so the ratios compare like with like on a shared machine. Prints, asserts nothing. Run:
 * {@code ./mvnw -q verify -pl fleetjobs-e2e -am -Dtest=DatabaseBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.rounds=N} repeats the set).
 */
class DatabaseBenchmark {

    private static final int THINGS = 100;
    private static final int JOBS = Integer.getInteger("bench.jobs", 20);

    @Test
    void deviceLoopOnEachDatabase() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 2);
        for (int round = 1; round <= rounds; round++) {
            double sqlite = measure("SQLite, one node", 1, null);
            String url = TestPostgres.shared().newDatabaseUrl();
            double concurrent = measure("PostgreSQL, one node, 8 writer connections, one unit per transaction", 1,
                    new DatabaseOptions(url, ServerBackend.SEALING_KEY, "bench"));
            double grouped = measure("PostgreSQL, one node, one writer with group commit", 1,
                    new DatabaseOptions(TestPostgres.shared().newDatabaseUrl(), ServerBackend.SEALING_KEY, "bench")
                            .withStoreOptions(PostgresStores.defaultOptions().withWriteConnections(1).withMaxBatchSize(1000)));
            double twoNodes = measure("PostgreSQL, two nodes (one JVM)", 2,
                    new DatabaseOptions(TestPostgres.shared().newDatabaseUrl(), ServerBackend.SEALING_KEY, "bench"));
            System.out.printf("DatabaseBenchmark round %d: PostgreSQL/SQLite %.2f, group commit/SQLite %.2f, two nodes/one node %.2f%n",
                    round, concurrent / sqlite, grouped / sqlite, twoNodes / concurrent);
        }
    }

    /** Requests per second of the device loop over {@code nodes} servers on the database (null: SQLite). */
    private static double measure(String label, int nodes, DatabaseOptions database) throws Exception {
        List<RunningServer> servers = new ArrayList<>();
        List<IotJobsDataPlaneClient> clients = new ArrayList<>();
        try {
            for (int n = 0; n < nodes; n++) {
                Path dataDir = Files.createTempDirectory("fleetjobs-bench");
                ServerConfig config = ServerConfig.defaults("127.0.0.1", 0, dataDir);
                servers.add(RunningServer.start(database == null ? config : config.withDatabase(database)));
                clients.add(DataPlaneBenchmark.benchmarkClient(servers.get(n).endpoint()));
            }
            String[] things = DataPlaneBenchmark.prepare(new Fleet(servers.get(0).iot()), THINGS, JOBS);
            DataPlaneBenchmark.Run run = DataPlaneBenchmark.deviceLoop(clients, things);
            System.out.printf("DatabaseBenchmark: %s: %d executions in %.2f s: %.0f requests/s, p50 %.2f ms, p99 %.2f ms%n",
                    label, THINGS * JOBS, run.seconds(), run.perSecond(), run.percentile(0.5), run.percentile(0.99));
            return run.perSecond();
        } finally {
            clients.forEach(IotJobsDataPlaneClient::close);
            servers.forEach(RunningServer::close);
        }
    }
}
