package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.protocol.mqtt.JobsTopic;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import dev.fleetjobs.store.postgresql.PostgresStores;
import dev.fleetjobs.store.postgresql.PostgresUrl;
import dev.fleetjobs.store.postgresql.TestPostgres;
import dev.fleetjobs.store.sql.SqlJobStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.JobExecutionsRetryConfig;
import software.amazon.awssdk.services.iot.model.RetryCriteria;
import software.amazon.awssdk.services.iot.model.RetryableFailureType;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/**
 * Two {@code fleetjobs server} processes on one PostgreSQL database: whatever a request reaches,
 * the work is done once, the time rules fire once, a node killed mid-rollout loses nothing
 * acknowledged, and devices on one node hear of changes made through the other.
 */
class TwoNodesTest {

    @TempDir
    Path work;

    private String databaseUrl;
    private final List<ServerProcess> nodes = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void database() {
        databaseUrl = TestPostgres.shared().newDatabaseUrl();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        nodes.forEach(ServerProcess::close);
    }

    private ServerProcess node(String name, String... extraArgs) {
        ServerProcess node = ServerProcess.start(work.resolve(name), work.resolve(name + ".log"),
                Map.of("FLEETJOBS_DATABASE_URL", databaseUrl, "FLEETJOBS_SEALING_KEY", ServerBackend.SEALING_KEY), extraArgs);
        nodes.add(node);
        return node;
    }

    private IotClient iot(ServerProcess node) {
        IotClient client = RunningServer.iotClient(node.endpoint());
        clients.add(client);
        return client;
    }

    private IotJobsDataPlaneClient jobs(ServerProcess node) {
        IotJobsDataPlaneClient client = RunningServer.jobsClient(node.endpoint());
        clients.add(client);
        return client;
    }

    @Test
    void clientsSplitAcrossBothNodesRaceWithoutAStartTwiceOrALostUpdate() throws Exception {
        ServerProcess a = node("a");
        ServerProcess b = node("b");
        ExecutionRace.prepare(new Fleet(iot(a)));
        ExecutionRace.runAndCheck(List.of(jobs(a), jobs(b)), iot(b));
    }

    @Test
    void theSharedDevClockFiresARateLimitedRolloutAndStepTimeoutsWithRetriesOnce() {
        ServerProcess a = node("a", "--dev");
        ServerProcess b = node("b", "--dev");
        IotClient iotA = iot(a);
        IotClient iotB = iot(b);
        Fleet fleet = new Fleet(iotA);
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fleet.thing("slow-" + i);
            targets.add(fleet.arnOf("slow-" + i));
        }
        iotA.createJob(r -> r.jobId("rated").targets(targets).document("{}")
                .jobExecutionsRolloutConfig(c -> c.maximumPerMinute(2)));
        fleet.thing("silent");
        iotB.createJob(r -> r.jobId("retried").targets(fleet.arnOf("silent")).document("{}")
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(RetryCriteria.builder()
                        .failureType(RetryableFailureType.TIMED_OUT).numberOfRetries(2).build()).build()));
        RawClient clockA = new RawClient(a.endpoint());
        RawClient clockB = new RawClient(b.endpoint());
        assertThat(offered(iotB, "rated")).as("the first window").isEqualTo(2);

        // One minute on node B: one more window, whichever node's sweeper gets there first.
        long moved = clockB.advanceClock(60);
        assertThat(offered(iotA, "rated")).isEqualTo(4);
        await().atMost(Duration.ofSeconds(10)).until(() -> clockA.advanceClock(0) >= moved);

        // The silent device starts each attempt with a one-minute step timer; the clock moves on alternate nodes.
        IotJobsDataPlaneClient jobsA = jobs(a);
        IotJobsDataPlaneClient jobsB = jobs(b);
        for (int attempt = 0; attempt < 3; attempt++) {
            boolean onA = attempt % 2 == 0;
            var started = (onA ? jobsA : jobsB).startNextPendingJobExecution(r -> r.thingName("silent").stepTimeoutInMinutes(1L))
                    .execution();
            assertThat(started.executionNumber()).isEqualTo(attempt + 1L);
            RawClient other = onA ? clockA : clockB;
            long target = (onA ? clockB : clockA).advanceClock(120);
            await().atMost(Duration.ofSeconds(10)).until(() -> other.advanceClock(0) >= target);
        }
        assertThat(offered(iotB, "rated")).as("every thing offered once, at the rate").isEqualTo(6);
        var executions = iotA.listJobExecutionsForThing(r -> r.thingName("silent")).executionSummaries();
        assertThat(executions).extracting(e -> e.jobExecutionSummary().executionNumber()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(executions).allSatisfy(e -> assertThat(e.jobExecutionSummary().statusAsString()).isEqualTo("TIMED_OUT"));
        assertThat(iotB.describeJob(r -> r.jobId("retried")).job().statusAsString()).isEqualTo("COMPLETED");
    }

    private static int offered(IotClient iot, String jobId) {
        var details = iot.describeJob(r -> r.jobId(jobId)).job().jobProcessDetails();
        return details.numberOfQueuedThings() + details.numberOfInProgressThings() + details.numberOfSucceededThings();
    }

    @Test
    void aNodeKilledDuringAGroupRolloutOfTenThousandThingsLeavesTheRestToTheOther() throws Exception {
        int things = 10_000;
        ServerProcess a = node("a");
        ServerProcess b = node("b");
        IotClient iotA = iot(a);
        iotA.createThingGroup(r -> r.thingGroupName("fleet"));
        PostgresUrl url = PostgresUrl.parse(databaseUrl);
        try (SqlJobStore store = PostgresStores.open(url)) {
            // The things are put in straight through the store: ten thousand API calls would only slow the test.
            for (int batch = 0; batch < things / 1000; batch++) {
                int first = batch * 1000;
                store.write((StoreTransaction tx) -> {
                    for (int i = first; i < first + 1000; i++) {
                        String name = String.format("member-%05d", i);
                        tx.insertThing(new Thing(name, UUID.randomUUID().toString(), Map.of(), 1, System.currentTimeMillis()));
                        tx.addThingToGroup("fleet", name);
                    }
                    return null;
                }).join();
            }
            // Writes acknowledged by node A up to its death must all be there afterwards.
            List<String> acknowledged = new ArrayList<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; writing.get(); i++) {
                    String name = "written-" + i;
                    try {
                        iotA.createThing(r -> r.thingName(name));
                        acknowledged.add(name);
                    } catch (RuntimeException e) {
                        return;
                    }
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 5);
            iotA.createJob(r -> r.jobId("everyone").targets("arn:aws:iot:us-east-1:000000000000:thinggroup/fleet").document("{}"));
            a.process().destroyForcibly();
            a.process().waitFor();
            writing.set(false);
            writer.join();

            IotClient iotB = iot(b);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !iotB.describeJob(r -> r.jobId("everyone")).job().isConcurrent());
            assertThat(iotB.describeJob(r -> r.jobId("everyone")).job().jobProcessDetails().numberOfQueuedThings()).isEqualTo(things);
            List<String> executed = new ArrayList<>();
            String cursor = null;
            do {
                String from = cursor;
                Page<JobExecution> page = store.read((StoreReader r) -> r.executionsForJob("everyone", null, from, 1000)).join();
                page.items().forEach(e -> executed.add(e.thingName()));
                cursor = page.nextCursor();
            } while (cursor != null);
            Set<String> distinct = new HashSet<>(executed);
            assertThat(executed).as("one execution per thing").hasSize(things);
            assertThat(distinct).hasSize(things);
            for (String name : acknowledged) {
                assertThat(iotB.describeThing(r -> r.thingName(name)).thingName()).isEqualTo(name);
            }
        }
    }

    @Test
    void aDeviceOnNodeBHearsOfAJobCreatedThroughNodeA() {
        int mqttPort = ServerProcess.freePort();
        ServerProcess a = node("a", "--dev", "--mqtt-port", Integer.toString(ServerProcess.freePort()));
        node("b", "--dev", "--mqtt-port", Integer.toString(mqttPort));
        new Fleet(iot(a)).thing("listener");
        // The broker starts after the HTTP listener the process start waited for.
        MqttDevice connected = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> MqttDevice.connect(mqttPort, "listener"), d -> d != null);
        try (MqttDevice device = connected.subscribeToJobs()) {
            new Fleet(iot(a)).job("announced", "{\"go\":true}", "listener");
            var next = device.awaitMessage(JobsTopic.notifyNext("listener"), 1).json();
            assertThat(next.get("execution").get("jobId").asText()).isEqualTo("announced");
            assertThat(next.get("execution").get("jobDocument").get("go").asBoolean()).isTrue();
        }
    }
}
