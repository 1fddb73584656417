package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.JobStatus;

/** Every acknowledged write survives a stop, a SIGTERM and a {@code kill -9}. */
class RestartTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    @Test
    void stateSurvivesAnOrderlyRestart() {
        try (RunningServer first = RunningServer.start(dataDir)) {
            Fleet fleet = new Fleet(first.iot());
            fleet.thing("keeper");
            fleet.job("kept", "{\"k\":1}", "keeper");
            first.jobs().startNextPendingJobExecution(r -> r.thingName("keeper").statusDetails(Map.of("p", "1")));
        }
        try (RunningServer second = RunningServer.start(dataDir)) {
            var execution = second.jobs().describeJobExecution(r -> r.thingName("keeper").jobId("kept")).execution();
            assertThat(execution.statusAsString()).isEqualTo("IN_PROGRESS");
            assertThat(execution.versionNumber()).isEqualTo(2L);
            assertThat(execution.statusDetails()).containsEntry("p", "1");
            assertThat(execution.jobDocument()).isEqualTo("{\"k\":1}");
            second.jobs().updateJobExecution(r -> r.thingName("keeper").jobId("kept").status("SUCCEEDED"));
            assertThat(second.iot().describeJob(r -> r.jobId("kept")).job().status()).isEqualTo(JobStatus.COMPLETED);
        }
    }

    @Test
    void acknowledgedWritesSurviveKillNine() throws Exception {
        List<String> acknowledged = writeWhileStopping(false);
        assertAllPresent(acknowledged);
    }

    @Test
    void sigtermStopsCleanlyWithoutLosingAcknowledgedWrites() throws Exception {
        List<String> acknowledged = writeWhileStopping(true);
        assertAllPresent(acknowledged);
    }

    /** Several clients create things as fast as they can while the server process is stopped under them. */
    private List<String> writeWhileStopping(boolean graceful) throws Exception {
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (ServerProcess process = ServerProcess.start(dataDir, logs.resolve("server.log"))) {
            List<Thread> writers = new java.util.ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    try (IotClient iot = client(process)) {
                        for (int i = 0; !stop.get(); i++) {
                            String name = "w" + writer + "-" + i;
                            try {
                                iot.createThing(r -> r.thingName(name));
                                acknowledged.add(name);
                            } catch (RuntimeException e) {
                                return;
                            }
                        }
                    }
                });
                thread.start();
                writers.add(thread);
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 200);
            if (graceful) {
                process.process().destroy();
                assertThat(process.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(process.process().exitValue()).as(process.log()).isIn(0, 143);
                assertThat(process.log()).contains("Fleetjobs stopped");
            } else {
                process.process().destroyForcibly();
                assertThat(process.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            stop.set(true);
            for (Thread thread : writers) {
                thread.join(30_000);
            }
        }
        return acknowledged;
    }

    private void assertAllPresent(List<String> acknowledged) {
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);
        try (RunningServer restarted = RunningServer.start(dataDir)) {
            List<String> stored = restarted.iot().listThingsPaginator(r -> r.maxResults(250)).things().stream()
                    .map(t -> t.thingName()).toList();
            assertThat(stored).containsAll(acknowledged);
        }
    }

    private static IotClient client(ServerProcess process) {
        return IotClient.builder().endpointOverride(process.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(RunningServer.credentials())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }
}
