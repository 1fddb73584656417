package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long writes are held off while {@code fleetjobs backup} copies a node of 10,000 things and
 * 10,000 executions that four clients keep writing to: the longest time without any write answered,
 * and the write latency, before and during the backups. Prints, asserts nothing about speed. Run:
 * {@code ./mvnw -q verify -pl fleetjobs-e2e -am -Dtest=BackupBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class BackupBenchmark {

    private static final int THINGS = Integer.getInteger("bench.things", 10_000);
    private static final int TARGETS_PER_JOB = 100;
    private static final int BACKUPS = 3;

    @TempDir
    Path work;

    @Test
    void writesDuringABackupOfTenThousandThings() throws Exception {
        Path dataDir = work.resolve("node");
        try (RunningServer server = RunningServer.start(dataDir)) {
            List<String> things = IntStream.range(0, THINGS).mapToObj(i -> String.format("thing-%05d", i)).toList();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> created = new ArrayList<>();
            Fleet fleet = new Fleet(server.iot());
            for (int from = 0; from < THINGS; from += TARGETS_PER_JOB) {
                List<String> slice = things.subList(from, Math.min(THINGS, from + TARGETS_PER_JOB));
                String jobId = "job-" + from / TARGETS_PER_JOB;
                created.add(pool.submit(() -> {
                    slice.forEach(fleet::thing);
                    fleet.job(jobId, "{\"v\":1}", slice.toArray(String[]::new));
                }));
            }
            for (Future<?> f : created) {
                f.get();
            }
            pool.shutdown();
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() ->
                    server.iot().describeJob(r -> r.jobId("job-" + (THINGS / TARGETS_PER_JOB - 1))).job().jobProcessDetails().numberOfQueuedThings()
                            == TARGETS_PER_JOB);
            try (BackupWriters writers = new BackupWriters(server.endpoint(), RunningServer.credentials(), 3, "job-0",
                    things.subList(0, TARGETS_PER_JOB))) {
                Thread.sleep(3_000); // warm-up
                long baselineFrom = System.nanoTime();
                Thread.sleep(3_000);
                long baselineTo = System.nanoTime();
                System.out.printf("BackupBenchmark: %,d things, %,d executions, database %,d bytes; 4 clients writing%n", THINGS, THINGS,
                        Files.size(dataDir.resolve("fleetjobs.db")));
                System.out.printf("BackupBenchmark: without a backup: %.0f writes/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, longest gap %.1f ms%n",
                        writers.countBetween(baselineFrom, baselineTo) / ((baselineTo - baselineFrom) / 1e9),
                        writers.latency(baselineFrom, baselineTo, 0.5), writers.latency(baselineFrom, baselineTo, 0.99),
                        writers.latency(baselineFrom, baselineTo, 1.0), writers.longestGap(baselineFrom, baselineTo));
                for (int b = 1; b <= BACKUPS; b++) {
                    Path output = work.resolve("backup-" + b + ".zip");
                    long from = System.nanoTime();
                    Cli.Result result = Cli.run("backup", "--data-dir", dataDir.toString(), "--output", output.toString());
                    long to = System.nanoTime();
                    assertThat(result.exitCode()).as(result.err()).isZero();
                    System.out.printf("BackupBenchmark: backup %d took %.0f ms (%,d bytes): %.0f writes/s during it, p50 %.1f ms, p99 %.1f ms,"
                                    + " slowest write under way %.1f ms, longest gap %.1f ms%n  %s%n",
                            b, (to - from) / 1e6, Files.size(output), writers.countBetween(from, to) / ((to - from) / 1e9),
                            writers.latency(from, to, 0.5), writers.latency(from, to, 0.99), writers.slowestOverlapping(from, to),
                            writers.longestGap(from, to), result.out().lines().findFirst().orElse(""));
                    Thread.sleep(1_000);
                }
                writers.close();
                assertThat(writers.failures()).isEmpty();
            }
        }
    }
}
