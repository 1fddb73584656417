package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.StepTimerChange;
import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.ProgressSample;
import dev.fleetjobs.store.sqlite.SqliteStores;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * How fast the console opens a job of 100,000 executions (half of them finished), against a job of
 * ten in the same run: the API calls the job page makes, timed from the console's own HTTP side,
 * and the whole page in Chromium until its counts, chart and first executions are drawn. Things
 * and finished executions are written straight into the store to save minutes of setup; the job
 * itself is created and rolled out through the API.
 */
class ConsoleLoadBenchmark {

    static final int BIG = 100_000;
    private static final int SMALL = 10;
    private static final int RUNS = 5;

    @TempDir
    Path dataDir;

    @Test
    void aJobOfAHundredThousandExecutionsOpensInUnderASecond() throws Exception {
        BenchFleet.prepare(dataDir, "big", BIG);
        BenchFleet.prepare(dataDir, "small", SMALL);
        try (RunningServer server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir))) {
            BenchFleet.rollOut(server, "job-big", "big", BIG);
            BenchFleet.rollOut(server, "job-small", "small", SMALL);
        }
        BenchFleet.finishHalf(dataDir, "job-big");
        BenchFleet.finishHalf(dataDir, "job-small");
        BenchFleet.backdate(dataDir, "job-big", Duration.ofDays(1), BIG);
        try (RunningServer server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir))) {
            ConsoleClient console = new ConsoleClient(server.endpoint());
            assertThat(console.signIn(RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY).statusCode()).isEqualTo(200);
            List<Long> bigCold = new ArrayList<>();
            List<Long> smallApi = new ArrayList<>();
            List<Long> bigWarm = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                server.iot().updateJob(r -> r.jobId("job-big").description("touched so that the timeline is counted again"));
                bigCold.add(openApi(console, "job-big"));
                bigWarm.add(openApi(console, "job-big"));
                smallApi.add(openApi(console, "job-small"));
            }
            List<Long> bigPage = new ArrayList<>();
            List<Long> smallPage = new ArrayList<>();
            try (Browser browser = new Browser()) {
                browser.driver.get(server.endpoint() + "/console/");
                browser.driver.findElement(By.id("access-key-id")).sendKeys(RunningServer.ACCESS_KEY);
                browser.driver.findElement(By.id("secret-access-key")).sendKeys(RunningServer.SECRET_KEY);
                browser.driver.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> browser.driver.findElement(By.id("who-name")).isDisplayed());
                for (int run = 0; run < RUNS; run++) {
                    server.iot().updateJob(r -> r.jobId("job-big").description("touched again"));
                    bigPage.add(openPage(browser, server, "job-big"));
                    smallPage.add(openPage(browser, server, "job-small"));
                }
            }
            System.out.printf("ConsoleLoad: job page API calls (DescribeJob, GetJobDocument, timeline, first 25 executions, in parallel)%n");
            System.out.printf("ConsoleLoad:   %d executions, a day of progress samples, after a change: median %d ms, max %d ms %s%n",
                    BIG, median(bigCold), max(bigCold), bigCold);
            System.out.printf("ConsoleLoad:   the same, opened again: median %d ms, max %d ms %s%n", median(bigWarm), max(bigWarm), bigWarm);
            System.out.printf("ConsoleLoad:   %d executions (reference): median %d ms %s%n", SMALL, median(smallApi), smallApi);
            System.out.printf("ConsoleLoad: whole job page in Chromium until counts, chart and executions are drawn%n");
            System.out.printf("ConsoleLoad:   %d executions: median %d ms, max %d ms %s%n", BIG, median(bigPage), max(bigPage), bigPage);
            System.out.printf("ConsoleLoad:   %d executions (reference): median %d ms %s; ratio %.1f%n", SMALL, median(smallPage), smallPage,
                    (double) median(bigPage) / Math.max(1, median(smallPage)));
        }
    }

    /** The four calls the job page makes when it opens, in parallel as the browser sends them. */
    private static long openApi(ConsoleClient console, String jobId) {
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = List.of(
                CompletableFuture.supplyAsync(() -> console.api("GET", "/jobs/" + jobId, null)),
                CompletableFuture.supplyAsync(() -> console.api("GET", "/jobs/" + jobId + "/job-document", null)),
                CompletableFuture.supplyAsync(() -> console.api("GET", "/_fleetjobs/jobs/" + jobId + "/timeline?points=120", null)),
                CompletableFuture.supplyAsync(() -> console.api("GET", "/jobs/" + jobId + "/things?maxResults=25", null)));
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(call.join().statusCode()).isEqualTo(200);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long openPage(Browser browser, RunningServer server, String jobId) {
        int succeeded = server.iot().describeJob(r -> r.jobId(jobId)).job().jobProcessDetails().numberOfSucceededThings();
        browser.driver.get(server.endpoint() + "/console/#/");
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> browser.driver.findElement(By.cssSelector("h1")).getText()
                .equals("Overview"));
        long start = System.nanoTime();
        browser.driver.get(server.endpoint() + "/console/#/jobs/" + jobId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).ignoreExceptions().until(() ->
                browser.driver.findElement(By.cssSelector("[data-count=SUCCEEDED] .n")).getText().equals(String.valueOf(succeeded))
                        && browser.driver.findElement(By.id("progress-chart")).getAttribute("data-points") != null
                        && browser.driver.findElements(By.cssSelector("#executions tbody tr")).size() > 0);
        return (System.nanoTime() - start) / 1_000_000;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Fleets written straight into a stopped server's store, and jobs rolled out on them through the API. */
    static final class BenchFleet {

        private static final int BATCH = 5_000;

        private BenchFleet() {
        }

        /** A group of {@code size} things named {@code <group>-NNNNNN}. */
        static void prepare(Path dataDir, String group, int size) {
            try (RunningServer server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir))) {
                server.iot().createThingGroup(r -> r.thingGroupName(group));
            }
            JobStore store = SqliteStores.open(dataDir);
            try {
                for (int from = 0; from < size; from += BATCH) {
                    int start = from;
                    store.write(tx -> {
                        for (int i = start; i < Math.min(size, start + BATCH); i++) {
                            String name = String.format("%s-%06d", group, i);
                            tx.insertThing(new Thing(name, "id-" + name, Map.of("batch", String.valueOf(i / BATCH)), 1, 1_000L));
                            tx.addThingToGroup(group, name);
                        }
                        return null;
                    }).join();
                }
            } finally {
                store.close();
            }
        }

        static void rollOut(RunningServer server, String jobId, String group, int size) {
            server.iot().createJob(r -> r.jobId(jobId).targets("arn:aws:iot:us-east-1:000000000000:thinggroup/" + group)
                    .document("{\"operation\":\"install\",\"version\":\"3.0\"}"));
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> server.iot().describeJob(r -> r.jobId(jobId)).job().jobProcessDetails().numberOfQueuedThings() == size);
        }

        /** Makes the job {@code age} old, with a progress sample every 5 s since (17,280 rows a day for its chart to read). */
        static void backdate(Path dataDir, String jobId, Duration age, int size) {
            JobStore store = SqliteStores.open(dataDir);
            int samples = (int) (age.toMillis() / 5_000);
            try {
                Job job = store.read(r -> r.findJob(jobId).orElseThrow()).join();
                long dayAgo = job.createdAtMillis() - age.toMillis();
                store.write(tx -> {
                    tx.updateJob(new Job(job.jobId(), job.targetSelection(), job.status(), job.document(), job.description(), job.targets(),
                            job.inProgressTimeoutMinutes(), job.forceCanceled(), job.reasonCode(), job.comment(), dayAgo,
                            job.lastUpdatedAtMillis(), job.completedAtMillis(), job.runConfig(), job.jobTemplateArn(),
                            job.documentParameters(), job.documentBeforeSubstitution()));
                    for (int i = 0; i < samples; i++) {
                        long done = (long) size * i / samples / 2;
                        tx.insertProgressSample(new ProgressSample(jobId, dayAgo + i * 5_000L, new JobProgress(Map.of(
                                ExecutionStatus.QUEUED, size - done, ExecutionStatus.SUCCEEDED, done))));
                    }
                    return null;
                }).join();
            } finally {
                store.close();
            }
        }

        /** Starts every execution and ends half of them (of those, one in ten failed), spread over an hour, as a device loop would. */
        static void finishHalf(Path dataDir, String jobId) {
            JobStore store = SqliteStores.open(dataDir);
            try {
                String cursor = null;
                int index = 0;
                do {
                    String from = cursor;
                    Page<JobExecution> page = store.read(r -> r.executionsForJob(jobId, null, from, 1_000)).join();
                    int first = index;
                    List<JobExecution> executions = page.items();
                    store.write(tx -> {
                        for (int i = 0; i < executions.size(); i++) {
                            JobExecution e = executions.get(i);
                            long at = e.queuedAtMillis() + (first + i) * 36L;
                            JobExecution started = e.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, StepTimerChange.KEEP, null, at);
                            tx.updateExecution(started);
                            if ((first + i) % 2 == 1) {
                                tx.updateExecution(started.withDeviceUpdate((first + i) % 20 == 1 ? ExecutionStatus.FAILED
                                        : ExecutionStatus.SUCCEEDED, Map.of("step", "done"), StepTimerChange.KEEP, null, at + 5_000));
                            }
                        }
                        return null;
                    }).join();
                    index += executions.size();
                    cursor = page.nextCursor();
                } while (cursor != null);
            } finally {
                store.close();
            }
        }
    }
}
