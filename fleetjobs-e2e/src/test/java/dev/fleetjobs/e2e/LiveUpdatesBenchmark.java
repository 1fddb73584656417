package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.http.ConditionalAnswer;
import dev.fleetjobs.server.http.Json;
import dev.fleetjobs.server.overview.JobTimeline;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.sqlite.SqliteStores;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live updates of a job page at 10,000 executions: the console's polling with entity tags against
 * a Server-Sent Events prototype that checks the same data at the same pace and pushes only what
 * changed. The job is an hour old (its chart moves in 30-second steps). Each runs with 20 viewers for 15 s, once while nothing changes and once while a device
 * finishes 20 executions a second; the server's CPU (every thread but the benchmark's clients')
 * above a run without viewers, and the bytes the viewers receive, are printed.
 */
class LiveUpdatesBenchmark {

    private static final int EXECUTIONS = 10_000;
    private static final int VIEWERS = 20;
    private static final long PACE_MILLIS = 2_500;
    private static final Duration PHASE = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong fullAnswers = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();

    @Test
    void pollingWithEntityTagsAgainstServerSentEvents() throws Exception {
        ConsoleLoadBenchmark.BenchFleet.prepare(dataDir, "fleet", EXECUTIONS);
        try (RunningServer server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir))) {
            ConsoleLoadBenchmark.BenchFleet.rollOut(server, "job-10k", "fleet", EXECUTIONS);
        }
        // An hour-old job, as most are when someone watches them: its chart has 30-second steps.
        ConsoleLoadBenchmark.BenchFleet.backdate(dataDir, "job-10k", Duration.ofHours(1), EXECUTIONS);
        try (RunningServer server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir))) {
            ConsoleClient console = new ConsoleClient(server.endpoint());
            assertThat(console.signIn(RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY).statusCode()).isEqualTo(200);
            JobStore sideStore = SqliteStores.open(dataDir);
            Vertx vertx = Vertx.vertx();
            try {
                int ssePort = startEventSource(vertx, new JobTimeline(sideStore, java.time.Clock.systemUTC()));
                HttpClient http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool(named("bench-http"))).build();
                List<String> report = new ArrayList<>();
                for (boolean busy : new boolean[] {false, true}) {
                    String churn = busy ? "a device finishing 20 executions/s" : "nothing changing";
                    long base = measure(server, busy, () -> { }, () -> { });
                    report.add(String.format("LiveUpdates: %s, no viewers: server CPU %d ms/s", churn, base));
                    reset();
                    ScheduledExecutorService pollers = Executors.newScheduledThreadPool(4, named("bench-poller"));
                    long polling = measure(server, busy, () -> startPollers(pollers, http, server, console), pollers::shutdownNow);
                    report.add(String.format("LiveUpdates: %s, %d viewers polling with ETags every %d ms: server CPU %d ms/s above it,"
                                    + " %d full answers, %d answered 304, %d KB received", churn, VIEWERS, PACE_MILLIS, polling - base,
                            fullAnswers.get(), notModified.get(), bytes.get() / 1024));
                    reset();
                    List<java.util.concurrent.CompletableFuture<?>> streams = new ArrayList<>();
                    long events = measure(server, busy, () -> openStreams(http, ssePort, streams), () -> streams.forEach(s -> s.cancel(true)));
                    report.add(String.format("LiveUpdates: %s, %d viewers on Server-Sent Events (checked every %d ms): server CPU %d ms/s"
                                    + " above it, %d events, %d KB received", churn, VIEWERS, PACE_MILLIS, events - base, fullAnswers.get(),
                            bytes.get() / 1024));
                    reset();
                }
                report.forEach(System.out::println);
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().join();
                sideStore.close();
            }
        }
    }

    private void reset() {
        bytes.set(0);
        fullAnswers.set(0);
        notModified.set(0);
    }

    /** Runs one phase and returns the server's CPU milliseconds per second in it. */
    private long measure(RunningServer server, boolean busy, Runnable start, Runnable stop) throws Exception {
        ScheduledExecutorService device = Executors.newSingleThreadScheduledExecutor(named("bench-device"));
        AtomicInteger next = new AtomicInteger(busy ? nextQueued(server) : 0);
        if (busy) {
            device.scheduleAtFixedRate(() -> {
                String thing = String.format("fleet-%06d", next.getAndIncrement());
                server.jobs().startNextPendingJobExecution(r -> r.thingName(thing));
                server.jobs().updateJobExecution(r -> r.thingName(thing).jobId("job-10k")
                        .status(software.amazon.awssdk.services.iotjobsdataplane.model.JobExecutionStatus.SUCCEEDED));
            }, 0, 50, TimeUnit.MILLISECONDS);
        }
        start.run();
        Thread.sleep(2_000); // warm-up, not measured
        long before = serverCpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(PHASE.toMillis());
        long cpu = serverCpuNanos() - before;
        long elapsed = System.nanoTime() - t0;
        stop.run();
        device.shutdownNow();
        device.awaitTermination(5, TimeUnit.SECONDS);
        return cpu * 1000 / elapsed;
    }

    private static int nextQueued(RunningServer server) {
        return server.iot().describeJob(r -> r.jobId("job-10k")).job().jobProcessDetails().numberOfSucceededThings();
    }

    private void startPollers(ScheduledExecutorService pollers, HttpClient http, RunningServer server, ConsoleClient console) {
        URI uri = URI.create(server.endpoint() + "/console/api/_fleetjobs/jobs/job-10k/timeline?points=120");
        for (int v = 0; v < VIEWERS; v++) {
            String[] tag = {null};
            pollers.scheduleAtFixedRate(() -> {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Cookie", console.cookie);
                if (tag[0] != null) {
                    request.header("If-None-Match", tag[0]);
                }
                try {
                    HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    bytes.addAndGet(answer.body().length + 200);
                    if (answer.statusCode() == 304) {
                        notModified.incrementAndGet();
                    } else {
                        fullAnswers.incrementAndGet();
                        tag[0] = answer.headers().firstValue("ETag").orElse(null);
                    }
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
            }, v * PACE_MILLIS / VIEWERS, PACE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void openStreams(HttpClient http, int port, List<java.util.concurrent.CompletableFuture<?>> streams) {
        for (int v = 0; v < VIEWERS; v++) {
            streams.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events")).build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(line -> {
                        bytes.addAndGet(line.length() + 1);
                        if (line.startsWith("data:")) {
                            fullAnswers.incrementAndGet();
                        }
                    })));
        }
    }

    /**
     * The prototype: one stream per viewer, each checking the timeline at the console's pace and
     * sending it when its entity tag changed (what an SSE endpoint must do when several nodes share
     * the database, so that no node hears of the others' commits).
     */
    private static int startEventSource(Vertx vertx, JobTimeline timeline) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            var response = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            String[] last = {null};
            long timer = vertx.setPeriodic(0, PACE_MILLIS, id -> timeline.read("job-10k", 120).thenAccept(result -> {
                try {
                    byte[] json = Json.MAPPER.writeValueAsBytes(Map.of("counts", result.progress().counts(),
                            "series", result.series().counts(), "from", result.series().fromMillis()));
                    String tag = ConditionalAnswer.tag(json);
                    if (!tag.equals(last[0])) {
                        last[0] = tag;
                        vertx.runOnContext(ignored -> response.write("data: " + new String(json, java.nio.charset.StandardCharsets.UTF_8)
                                + "\n\n"));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
            request.connection().closeHandler(ignored -> vertx.cancelTimer(timer));
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    /** CPU of every live thread except the benchmark's own clients (the server's event loops, store, workers). */
    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || info.getThreadName().startsWith("bench-") || info.getThreadName().startsWith("HttpClient")
                    || info.getThreadName().startsWith("main") || info.getThreadName().contains("apache")) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                total += cpu;
            }
        }
        return total;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

}
