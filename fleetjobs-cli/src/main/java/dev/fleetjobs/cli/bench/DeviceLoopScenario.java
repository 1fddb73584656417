package dev.fleetjobs.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * D devices over HTTP, each running the jobs loop ({@link SimulatedDevice}) on jobs made for them
 * beforehand: one thing group of the D things and enough SNAPSHOT jobs on it to keep every device
 * busy for the whole run (sized from noop's rate, or {@code --jobs-per-device}). Each request is a
 * durable write answered after its commit. Afterwards DescribeJob of every job must count exactly
 * the executions the devices were told they finished or hold.
 */
final class DeviceLoopScenario implements Scenario {

    static final String NAME = "device-loop";

    /** Devices are assumed to reach at most this share of noop's rate when jobs are sized. */
    private static final double EXPECTED_SHARE_OF_NOOP = 0.6;
    private static final double RATE_WITHOUT_NOOP = 5_000;
    private static final int MAX_JOBS = 10_000;
    private static final Duration SETUP_LIMIT = Duration.ofMinutes(30);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScenarioResult run(BenchContext context) {
        int devices = context.settings.deviceLoopDevices();
        int jobs = jobsPerDevice(context, devices);
        List<String> things = IntStream.range(0, devices).mapToObj(i -> context.name("dev-" + i)).toList();
        List<String> jobIds = IntStream.range(0, jobs).mapToObj(i -> context.name("dev-job-" + i)).toList();
        prepare(context, things, jobIds);

        List<SimulatedDevice> fleet = things.stream().map(thing -> new SimulatedDevice(context.http, thing)).toList();
        ClosedLoop loop = new ClosedLoop(context.vertx, fleet, context.settings.timing(), context.target.cpu().orElse(null));
        context.progress.show(NAME, loop::status);
        LoadResult load = loop.run();

        long succeeded = fleet.stream().mapToLong(SimulatedDevice::succeeded).sum();
        long held = fleet.stream().filter(SimulatedDevice::holdsOne).count();
        Check check = check(context, jobIds, (long) devices * jobs, succeeded, held);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("devices", devices);
        details.put("jobs", jobs);
        details.put("executionsSucceeded", succeeded);
        details.put("executionsSucceededPerSecond", Math.round(load.opsPerSecond() / 3));
        return ScenarioResult.of(NAME, load, check, details, List.of());
    }

    private static int jobsPerDevice(BenchContext context, int devices) {
        if (context.settings.jobsPerDevice() != null) {
            return context.settings.jobsPerDevice();
        }
        double rate = context.noopOpsPerSecond() > 0 ? context.noopOpsPerSecond() : RATE_WITHOUT_NOOP;
        double seconds = context.settings.timing().total().toMillis() / 1000.0;
        long needed = (long) Math.ceil(rate * EXPECTED_SHARE_OF_NOOP * seconds / 3 / devices) + 1;
        return (int) Math.max(2, Math.min(MAX_JOBS, needed));
    }

    private static void prepare(BenchContext context, List<String> things, List<String> jobIds) {
        String group = context.name("dev");
        int concurrency = Math.min(64, context.settings.connections());
        String groupArn = Await.result(context.control.createThingGroup(group), SETUP_LIMIT, "CreateThingGroup");
        Tasks registering = Tasks.start(context.vertx, things.size(), concurrency, i -> context.control.createThing(things.get(i))
                .compose(created -> context.control.addThingToGroup(group, things.get(i))));
        context.progress.show("setup", () -> "registering " + registering.done() + "/" + things.size() + " devices");
        Await.result(registering.future(), SETUP_LIMIT, "the devices to be registered");
        Tasks creating = Tasks.start(context.vertx, jobIds.size(), Math.min(8, concurrency),
                i -> context.control.createJob(jobIds.get(i), List.of(groupArn)));
        context.progress.show("setup", () -> "creating job " + creating.done() + "/" + jobIds.size() + " for " + things.size() + " devices");
        Await.result(creating.future(), SETUP_LIMIT, "the device jobs to be created");
        // A group larger than one rollout batch is finished in the background: wait until every execution is queued.
        AtomicLong waiting = new AtomicLong(jobIds.size());
        context.progress.show("setup", () -> "waiting for the rollout of " + waiting.get() + " jobs");
        for (String jobId : jobIds) {
            JobCounts.awaitQueued(context, jobId, things.size(), SETUP_LIMIT);
            waiting.decrementAndGet();
        }
    }

    private static Check check(BenchContext context, List<String> jobIds, long executions, long succeeded, long held) {
        context.progress.show(NAME, "checking the counts of " + jobIds.size() + " jobs with DescribeJob");
        List<JsonNode> described = new ArrayList<>();
        jobIds.forEach(id -> described.add(null));
        Await.result(Tasks.start(context.vertx, jobIds.size(), 16, i -> context.control.describeJob(jobIds.get(i))
                .map(job -> described.set(i, job))).future(), SETUP_LIMIT, "DescribeJob of the device jobs");
        JobCounts counts = JobCounts.sum(described);
        boolean ok = counts.succeeded() == succeeded && counts.inProgress() == held
                && counts.queued() + counts.inProgress() + counts.succeeded() == executions && counts.others() == 0;
        String detail = String.format(java.util.Locale.ROOT,
                "DescribeJob counts %,d succeeded, %,d in progress, %,d queued, %,d other; the devices finished %,d and hold %,d",
                counts.succeeded(), counts.inProgress(), counts.queued(), counts.others(), succeeded, held);
        return Check.of(ok, (ok ? "counts match: " : "counts differ: ") + detail);
    }
}
