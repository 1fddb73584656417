package dev.fleetjobs.cli.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * D devices connected over MQTT, in rounds: one SNAPSHOT job is created on the group of all of
 * them and every device waits for its {@code notify-next} (the fan-out: notifications per second
 * from CreateJob to the last one); then every device runs {@code start-next} and {@code update}
 * SUCCEEDED (the request round trips, the scenario's operations). Rounds go on until the measured
 * time is spent; rounds begun while warming up are not counted. Each round's DescribeJob must
 * count as SUCCEEDED exactly the devices that were answered, and no device may miss a notification.
 */
final class MqttLoopScenario implements Scenario {

    static final String NAME = "mqtt-loop";
    private static final Duration SETUP_LIMIT = Duration.ofMinutes(30);
    private static final Duration ROUND_LIMIT = Duration.ofSeconds(120);

    private volatile String status = "starting";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScenarioResult run(BenchContext context) {
        int deviceCount = context.settings.mqttDevices();
        InetSocketAddress broker = context.target.mqtt().orElseThrow(() -> new BenchUsageException(
                "mqtt-loop needs the server's MQTT listener: use --embedded, or give --mqtt-endpoint for a server started with --mqtt-port"));
        MqttFleet.checkOpenFiles(deviceCount, context.target.inProcess());
        List<String> things = IntStream.range(0, deviceCount).mapToObj(i -> context.name("mq-" + i)).toList();
        String groupArn = register(context, things);
        context.progress.show(NAME, () -> status);
        try (MqttFleet fleet = MqttFleet.of(things, broker)) {
            status = "connecting " + deviceCount + " devices";
            context.progress.show(NAME, () -> "connected " + fleet.connected() + "/" + deviceCount + " devices");
            Duration connectTime = fleet.connectAll(SETUP_LIMIT);
            context.progress.show(NAME, () -> status);
            return rounds(context, fleet, groupArn, connectTime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("Interrupted");
        }
    }

    private static String register(BenchContext context, List<String> things) {
        String group = context.name("mq");
        String groupArn = Await.result(context.control.createThingGroup(group), SETUP_LIMIT, "CreateThingGroup");
        Tasks registering = Tasks.start(context.vertx, things.size(), Math.min(64, context.settings.connections()),
                i -> context.control.createThing(things.get(i)).compose(created -> context.control.addThingToGroup(group, things.get(i))));
        context.progress.show("setup", () -> "registering " + registering.done() + "/" + things.size() + " MQTT devices");
        Await.result(registering.future(), SETUP_LIMIT, "the MQTT devices to be registered");
        return groupArn;
    }

    private ScenarioResult rounds(BenchContext context, MqttFleet fleet, String groupArn, Duration connectTime) throws InterruptedException {
        List<MqttDevice> devices = fleet.devices();
        int deviceCount = devices.size();
        Timing timing = context.settings.timing();
        Measurement requests = new Measurement();
        long warmupEnd = System.nanoTime() + timing.warmup().toNanos();
        long measureEnd = 0;
        double requestSeconds = 0;
        double fanOutSeconds = 0;
        long notifications = 0;
        long missed = 0;
        double bestFanOut = 0;
        int measuredRounds = 0;
        List<String> mismatches = new ArrayList<>();
        for (int number = 0; ; number++) {
            boolean measured = System.nanoTime() >= warmupEnd;
            if (measured && measureEnd == 0) {
                measureEnd = System.nanoTime() + timing.duration().toNanos();
            }
            String jobId = context.name("mq-job-" + number);
            MqttRound round = new MqttRound(jobId, deviceCount, measured ? requests : null, System.nanoTime());
            devices.forEach(device -> device.join(round));
            int roundNumber = number;
            status = "round " + roundNumber + (measured ? "" : " (warm-up)") + ": creating the job";
            Await.result(context.control.createJob(jobId, List.of(groupArn)), ROUND_LIMIT, "CreateJob " + jobId);
            status = "round " + roundNumber + (measured ? "" : " (warm-up)") + ": waiting for notify-next";
            boolean everyone = round.awaitNotifications(ROUND_LIMIT.toMillis());
            long notified = round.notifiedCount(deviceCount);
            status = "round " + roundNumber + (measured ? "" : " (warm-up)") + ": " + notified + " devices run the job";
            round.requestsStarted();
            devices.stream().filter(MqttDevice::notified).forEach(MqttDevice::startJob);
            boolean settled = round.awaitSettled((int) (deviceCount - notified), ROUND_LIMIT.toMillis());
            double roundRequestSeconds = (System.nanoTime() - round.requestsStartNanos()) / 1e9;
            if (!settled) {
                throw new BenchFailure("Round " + roundNumber + ": devices still waiting for answers after " + ROUND_LIMIT.toSeconds() + " s");
            }
            // update/accepted is sent after the commit, so DescribeJob already counts every answered update
            JobCounts counts = JobCounts.of(Await.result(context.control.describeJob(jobId), ROUND_LIMIT, "DescribeJob " + jobId));
            if (counts.succeeded() != round.finished()) {
                mismatches.add(String.format(Locale.ROOT, "%s: DescribeJob counts %d succeeded, the devices were answered for %d",
                        jobId, counts.succeeded(), round.finished()));
            }
            if (measured) {
                measuredRounds++;
                requestSeconds += roundRequestSeconds;
                notifications += notified;
                fanOutSeconds += round.fanOutSeconds();
                missed += deviceCount - notified;
                if (!everyone) {
                    requests.recordError(round.jobId() + ": " + (deviceCount - notified) + " devices missed notify-next");
                }
                bestFanOut = Math.max(bestFanOut, round.fanOutSeconds() <= 0 ? 0 : notified / round.fanOutSeconds());
                if (System.nanoTime() >= measureEnd) {
                    break;
                }
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("devices", deviceCount);
        details.put("connectSeconds", round3(connectTime.toMillis() / 1000.0));
        details.put("rounds", measuredRounds);
        details.put("notifyFanOutPerSecond", Math.round(fanOutSeconds <= 0 ? 0 : notifications / fanOutSeconds));
        details.put("bestRoundFanOutPerSecond", Math.round(bestFanOut));
        details.put("notificationsMissed", missed);
        String checkDetail = missed == 0 && mismatches.isEmpty()
                ? "every device got every notify-next; DescribeJob counts every answered update as SUCCEEDED"
                : missed + " notifications missed; " + String.join("; ", mismatches);
        Check check = Check.of(missed == 0 && mismatches.isEmpty(), checkDetail);
        return new ScenarioResult(NAME, "MQTT requests", requestSeconds <= 0 ? 0 : requests.ops() / requestSeconds, requests.ops(),
                requestSeconds, Latency.of(requests.latencyMicros()), requests.errors(), requests.errorSamples(), check, details,
                List.of("ops are start-next and update round trips; the fan-out is timed from CreateJob to the last notify-next"));
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
