package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;
import software.amazon.awssdk.services.iotjobsdataplane.model.IotJobsDataPlaneException;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecution;

/**
 * 64 clients race StartNext and UpdateJobExecution (with expectedVersion) on the same four
 * things, spread over the endpoints given (one node, or several on one database). Every
 * execution must be started once, every accepted update must add exactly one to versionNumber,
 * and refused updates must change nothing.
 */
final class ExecutionRace {

    static final int CLIENTS = 64;
    static final int THINGS = 4;
    static final int JOBS = 6;

    private ExecutionRace() {
    }

    /** The things and the jobs every thing has, through one node. */
    static void prepare(Fleet fleet) {
        String[] things = new String[THINGS];
        for (int t = 0; t < THINGS; t++) {
            things[t] = "racer-" + t;
            fleet.thing(things[t]);
        }
        for (int j = 0; j < JOBS; j++) {
            fleet.job("race-" + j, "{\"n\":" + j + "}", things);
        }
    }

    /** Runs the clients, client c on endpoint c modulo their number, and checks the outcome through the first. */
    static void runAndCheck(List<IotJobsDataPlaneClient> endpoints, IotClient iot) throws Exception {
        IotJobsDataPlaneClient checker = endpoints.get(0);
        Map<String, Map<Long, String>> accepted = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String thing = "racer-" + (c % THINGS);
            String writer = "client-" + c;
            IotJobsDataPlaneClient endpoint = endpoints.get(c % endpoints.size());
            clients.add(pool.submit(() -> race(endpoint, thing, writer, accepted, refused)));
        }
        for (Future<?> client : clients) {
            client.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(refused.get()).as("the race really raced").isPositive();
        for (int t = 0; t < THINGS; t++) {
            String thing = "racer-" + t;
            for (int j = 0; j < JOBS; j++) {
                String jobId = "race-" + j;
                JobExecution execution = checker.describeJobExecution(r -> r.thingName(thing).jobId(jobId)).execution();
                TreeMap<Long, String> updates = new TreeMap<>(accepted.getOrDefault(thing + "/" + jobId, Map.of()));
                assertThat(execution.statusAsString()).isEqualTo("SUCCEEDED");
                // Version 1 when queued, 2 after the single StartNext, then one per accepted update.
                assertThat(execution.versionNumber()).as(thing + "/" + jobId).isEqualTo(2L + updates.size());
                assertThat(updates.keySet()).containsExactlyElementsOf(range(3, execution.versionNumber()));
                assertThat(execution.statusDetails()).containsEntry("writer", updates.lastEntry().getValue());
            }
        }
        for (int j = 0; j < JOBS; j++) {
            String jobId = "race-" + j;
            assertThat(iot.describeJob(r -> r.jobId(jobId)).job().jobProcessDetails().numberOfSucceededThings()).isEqualTo(THINGS);
        }
    }

    private static void race(IotJobsDataPlaneClient jobs, String thing, String writer, Map<String, Map<Long, String>> accepted,
                             AtomicInteger refused) {
        int round = 0;
        while (true) {
            JobExecution next = jobs.startNextPendingJobExecution(r -> r.thingName(thing)).execution();
            if (next == null) {
                return;
            }
            String key = thing + "/" + next.jobId();
            boolean finish = ThreadLocalRandom.current().nextInt(4) == 0;
            String details = writer + "-" + round++;
            try {
                var state = jobs.updateJobExecution(r -> r.thingName(thing).jobId(next.jobId()).expectedVersion(next.versionNumber())
                        .status(finish ? "SUCCEEDED" : "IN_PROGRESS").statusDetails(Map.of("writer", details))
                        .includeJobExecutionState(true)).executionState();
                assertThat(state.versionNumber()).isEqualTo(next.versionNumber() + 1);
                String earlier = accepted.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).putIfAbsent(state.versionNumber(), details);
                assertThat(earlier).as("version " + state.versionNumber() + " of " + key + " accepted twice").isNull();
            } catch (IotJobsDataPlaneException e) {
                assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(409);
                refused.incrementAndGet();
            }
        }
    }

    private static List<Long> range(long from, long toInclusive) {
        List<Long> values = new ArrayList<>();
        for (long v = from; v <= toInclusive; v++) {
            values.add(v);
        }
        return values;
    }
}
