package dev.fleetjobs.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import io.vertx.core.Future;

/**
 * N things registered (CreateThing and AddThingToThingGroup, {@code --connections} at a time,
 * timed apart), then one SNAPSHOT job on their group: the time from sending CreateJob until
 * DescribeJob counts all N executions QUEUED with the rollout finished, and, when the server runs
 * in this process, the heap's peak meanwhile. Its operations are executions queued.
 */
final class RolloutScenario implements Scenario {

    static final String NAME = "rollout";
    private static final Duration REGISTRATION_LIMIT = Duration.ofHours(2);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScenarioResult run(BenchContext context) {
        int things = context.settings.things();
        String group = context.name("roll");
        String groupArn = Await.result(context.control.createThingGroup(group), REGISTRATION_LIMIT, "CreateThingGroup");
        Measurement registration = new Measurement();
        long registrationStart = System.nanoTime();
        Tasks registering = Tasks.start(context.vertx, things, context.settings.connections(), i -> {
            String thing = context.name("roll-" + i);
            return timed(registration, () -> context.control.createThing(thing))
                    .compose(created -> timed(registration, () -> context.control.addThingToGroup(group, thing)));
        });
        context.progress.show(NAME, () -> String.format(Locale.ROOT, "registering things %,d/%,d", registering.done(), things));
        Await.result(registering.future(), REGISTRATION_LIMIT, "the things to be registered");
        double registrationSeconds = (System.nanoTime() - registrationStart) / 1e9;

        String jobId = context.name("roll-job");
        HeapProbe heap = context.target.inProcess() ? HeapProbe.start() : null;
        JsonNode job;
        long createdNanos;
        long sent = System.nanoTime();
        try {
            Await.result(context.control.createJob(jobId, List.of(groupArn)), Duration.ofMinutes(5), "CreateJob " + jobId);
            createdNanos = System.nanoTime();
            context.progress.show(NAME, "waiting until " + things + " executions are queued");
            job = JobCounts.awaitQueued(context, jobId, things, Duration.ofSeconds(120).plusMillis(things));
        } finally {
            if (heap != null) {
                heap.close();
            }
        }
        double queuedSeconds = (System.nanoTime() - sent) / 1e9;
        long queued = JobCounts.of(job).queued();

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("things", things);
        details.put("registrationSeconds", round2(registrationSeconds));
        details.put("registrationRequestsPerSecond", Math.round(2 * things / registrationSeconds));
        details.put("createJobMillis", round2((createdNanos - sent) / 1e6));
        details.put("queuedSeconds", round2(queuedSeconds));
        if (heap != null) {
            HeapProbe.Peak peak = heap.peak();
            details.put("peakHeapMb", peak.usedMb());
            details.put("peakHeapAfterGcMb", peak.afterGcMb());
            details.put("maxHeapMb", peak.maxMb());
        }
        Check check = Check.of(queued == things, String.format(Locale.ROOT, "DescribeJob counts %,d queued of %,d", queued, things));
        return new ScenarioResult(NAME, "executions queued", things / queuedSeconds, things, queuedSeconds,
                Latency.of(registration.latencyMicros()), registration.errors(), registration.errorSamples(), check, details,
                List.of("latencies are of the registration requests", heap != null
                        ? "the heap is this JVM's: the embedded server's and the bench's together"
                        : "the server's heap is measured only with --embedded"));
    }

    private static <T> Future<T> timed(Measurement measurement, Supplier<Future<T>> call) {
        long start = System.nanoTime();
        return call.get().onComplete(outcome -> measurement.record(start, System.nanoTime(), outcome.cause()));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
