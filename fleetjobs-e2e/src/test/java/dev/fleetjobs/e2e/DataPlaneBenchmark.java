package dev.fleetjobs.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/**
 * Prints device-side throughput and latency through the official SDK; asserts nothing about speed.
 * Not part of the test run (see the surefire excludes of this module); run it with
 * {@code ./mvnw -q verify -pl fleetjobs-e2e -am -Dtest=DataPlaneBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DataPlaneBenchmark {

    private static final int THINGS = 100;
    private static final int JOBS = 50;
    private static final int CLIENTS = 32;

    @Test
    void startAndFinishEveryExecution() throws Exception {
        Path dataDir = Files.createTempDirectory("fleetjobs-bench");
        try (RunningServer server = RunningServer.start(dataDir);
             IotJobsDataPlaneClient jobs = benchmarkClient(server.endpoint())) {
            String[] things = prepare(new Fleet(server.iot()), THINGS, JOBS);
            measureReads(jobs, things);
            Run run = deviceLoop(List.of(jobs), things);
            System.out.printf("DataPlaneBenchmark: %d executions started and finished by %d clients in %.2f s:"
                            + " %.0f requests/s (StartNext+Update), latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    THINGS * JOBS, CLIENTS, run.seconds(), run.perSecond(), run.percentile(0.50), run.percentile(0.99),
                    run.percentile(1.0));
        }
    }

    /** Creates the things and the jobs, each job on every thing; returns the things' names. */
    static String[] prepare(Fleet fleet, int thingCount, int jobCount) {
        String[] things = new String[thingCount];
        for (int i = 0; i < thingCount; i++) {
            things[i] = "bench-" + i;
            fleet.thing(things[i]);
        }
        for (int j = 0; j < jobCount; j++) {
            fleet.job("bench-job-" + j, "{\"n\":" + j + "}", things);
        }
        return things;
    }

    /**
     * Every thing runs all its executions (StartNext, then UpdateJobExecution SUCCEEDED) until none
     * is left; client c takes things through endpoint c modulo their number.
     */
    static Run deviceLoop(List<IotJobsDataPlaneClient> endpoints, String[] things) throws Exception {
        AtomicInteger nextThing = new AtomicInteger();
        return onEveryClient((client, latencies) -> {
            IotJobsDataPlaneClient jobs = endpoints.get(client % endpoints.size());
            for (int t = nextThing.getAndIncrement(); t < things.length; t = nextThing.getAndIncrement()) {
                String thing = things[t];
                while (true) {
                    long before = System.nanoTime();
                    var execution = jobs.startNextPendingJobExecution(r -> r.thingName(thing)).execution();
                    latencies.add(System.nanoTime() - before);
                    if (execution == null) {
                        break;
                    }
                    before = System.nanoTime();
                    jobs.updateJobExecution(r -> r.thingName(thing).jobId(execution.jobId()).status("SUCCEEDED"));
                    latencies.add(System.nanoTime() - before);
                }
            }
        });
    }

    /** A device-side client for a benchmark: one connection per client thread, no retries. */
    static IotJobsDataPlaneClient benchmarkClient(java.net.URI endpoint) {
        return IotJobsDataPlaneClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1).credentialsProvider(RunningServer.credentials())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(CLIENTS))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /** GetPendingJobExecutions from every client for a few seconds. */
    private static void measureReads(IotJobsDataPlaneClient jobs, String[] things) throws Exception {
        long end = System.nanoTime() + 5_000_000_000L;
        Run run = onEveryClient((client, latencies) -> {
            for (int i = client; System.nanoTime() < end; i++) {
                String thing = things[i % things.length];
                long before = System.nanoTime();
                jobs.getPendingJobExecutions(r -> r.thingName(thing));
                latencies.add(System.nanoTime() - before);
            }
        });
        System.out.printf("DataPlaneBenchmark: GetPendingJobExecutions by %d clients for %.1f s: %.0f requests/s,"
                        + " latency p50 %.2f ms, p99 %.2f ms%n",
                CLIENTS, run.seconds(), run.perSecond(), run.percentile(0.50), run.percentile(0.99));
    }

    /** What one client does; it records the latency of each request in nanoseconds. */
    @FunctionalInterface
    private interface ClientWork {
        void run(int client, List<Long> latencies);
    }

    /** A finished run: its duration and every latency recorded, sorted. */
    record Run(double seconds, long[] sortedLatencies) {

        double perSecond() {
            return sortedLatencies.length / seconds;
        }

        /** The latency at {@code p} (0..1) in milliseconds. */
        double percentile(double p) {
            return sortedLatencies[(int) Math.min(sortedLatencies.length - 1, Math.round(p * (sortedLatencies.length - 1)))] / 1e6;
        }
    }

    private static Run onEveryClient(ClientWork work) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            workers.add(pool.submit(() -> {
                work.run(client, latencies);
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Run(seconds, sorted);
    }
}
