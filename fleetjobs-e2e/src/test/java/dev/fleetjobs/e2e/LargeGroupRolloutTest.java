package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Job;
import software.amazon.awssdk.services.iot.model.JobExecutionStatus;

/**
 * A job on a group of 100,000 things, all registered and grouped through the API by concurrent
 * clients: CreateJob answers at once, the rollout finishes in the background in batches, every
 * thing gets exactly one execution and DescribeJob's counts are exact. The time of each phase and
 * the peak heap (server and clients share this JVM) are printed; docs/PERFORMANCE.md records them.
 */
class LargeGroupRolloutTest {

    private static final int THINGS = 100_000;
    private static final int CLIENT_THREADS = 16;
    private static final String GROUP_ARN = "arn:aws:iot:us-east-1:000000000000:thinggroup/hundred-k";

    @TempDir
    Path dataDir;

    @Test
    void aJobOnAGroupOfAHundredThousandThings() throws Exception {
        try (RunningServer server = RunningServer.start(dataDir);
             IotClient iot = client(server.endpoint())) {
            long setupStart = System.nanoTime();
            iot.createThingGroup(r -> r.thingGroupName("hundred-k"));
            iot.createThingGroup(r -> r.thingGroupName("hundred-k-half").parentGroupName("hundred-k"));
            registerThings(iot);
            long setupMillis = millisSince(setupStart);

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peakHeap = new AtomicLong(heapBefore);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 10, TimeUnit.MILLISECONDS);

            long createStart = System.nanoTime();
            iot.createJob(r -> r.jobId("hundred-k-rollout").targets(GROUP_ARN).document("{\"operation\":\"install\"}"));
            long createMillis = millisSince(createStart);
            Job rolling = iot.describeJob(r -> r.jobId("hundred-k-rollout")).job();
            assertThat(rolling.isConcurrent()).isTrue();
            assertThat(rolling.jobProcessDetails().processingTargets()).containsExactly(GROUP_ARN);

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !iot.describeJob(r -> r.jobId("hundred-k-rollout")).job().isConcurrent());
            long rolloutMillis = millisSince(createStart);
            sampler.shutdownNow();

            Job done = iot.describeJob(r -> r.jobId("hundred-k-rollout")).job();
            assertThat(done.jobProcessDetails().numberOfQueuedThings()).isEqualTo(THINGS);
            assertThat(done.jobProcessDetails().numberOfInProgressThings()).isZero();
            assertThat(done.jobProcessDetails().processingTargets()).isEmpty();
            long listed = iot.listJobExecutionsForJobPaginator(r -> r.jobId("hundred-k-rollout").status(JobExecutionStatus.QUEUED)
                    .maxResults(250)).executionSummaries().stream().map(s -> s.thingArn()).distinct().count();
            assertThat(listed).isEqualTo(THINGS);
            assertThat(server.jobs().getPendingJobExecutions(r -> r.thingName(name(THINGS - 1))).queuedJobs()).hasSize(1);

            System.gc();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("LargeGroupRollout: %d things registered and grouped through the API by %d client threads in %d ms"
                            + " (%.0f requests/s)%n", THINGS, CLIENT_THREADS, setupMillis, 2.0 * THINGS * 1000 / setupMillis);
            System.out.printf("LargeGroupRollout: CreateJob answered in %d ms; all %d executions in place after %d ms%n",
                    createMillis, THINGS, rolloutMillis);
            System.out.printf("LargeGroupRollout: heap used %d MB before the job, peak %d MB during the rollout, %d MB after a GC"
                            + " (max heap %d MB, shared with the test's clients)%n", mb(heapBefore), mb(peakHeap.get()), mb(heapAfter),
                    mb(memory.getHeapMemoryUsage().getMax()));
            assertThat(createMillis).as("CreateJob answers before the rollout is done").isLessThan(3_000);
        }
    }

    /** Every thing is created and put in the group (half of them in a subgroup) by concurrent clients. */
    private static void registerThings(IotClient iot) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < CLIENT_THREADS; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < THINGS; i += CLIENT_THREADS) {
                        String thing = name(i);
                        String group = i % 2 == 0 ? "hundred-k" : "hundred-k-half";
                        iot.createThing(r -> r.thingName(thing));
                        iot.addThingToThingGroup(r -> r.thingGroupName(group).thingName(thing));
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static IotClient client(URI endpoint) {
        return IotClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(RunningServer.credentials())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(CLIENT_THREADS))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static String name(int i) {
        return String.format("device-%06d", i);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
