package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.fleetjobs.server.app.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures notifications end to end: a job is created over HTTP (one durable commit) and every
 * targeted device, connected to the embedded broker, receives its {@code notify}. Prints
 * throughput and latency and writes them to {@code fleetjobs-e2e/target/notification-benchmark.txt}.
 * Sizes come from {@code -Dbench.devices} (at most 100, the targets of one job) and {@code -Dbench.rounds};
 * the defaults keep the regular test run short (docs/PERFORMANCE.md has the command and numbers).
 */
class NotificationBenchmarkTest {

    @TempDir
    Path dataDir;

    @Test
    void notificationThroughputAndLatency() throws IOException {
        int devices = Integer.getInteger("bench.devices", 50);
        int rounds = Integer.getInteger("bench.rounds", 10);
        int sequential = Integer.getInteger("bench.sequential", 20);
        try (RunningServer server = RunningServer.withPlainMqtt(ServerConfig.defaults("127.0.0.1", 0, dataDir), false, List.of())) {
            Fleet fleet = new Fleet(server.iot());
            int port = server.mqttPort();
            AtomicLong received = new AtomicLong();
            ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
            List<Mqtt5AsyncClient> clients = new ArrayList<>();
            String[] things = new String[devices];
            for (int i = 0; i < devices; i++) {
                things[i] = "bench-" + i;
                fleet.thing(things[i]);
                Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5().identifier(things[i])
                        .serverHost("127.0.0.1").serverPort(port).buildAsync();
                client.connect().join();
                client.subscribeWith().topicFilter("$aws/things/" + things[i] + "/jobs/notify").qos(MqttQos.AT_LEAST_ONCE)
                        .callback(publish -> {
                            arrivals.add(System.nanoTime());
                            received.incrementAndGet();
                        }).send().join();
                clients.add(client);
            }

            // Fan-out: each job targets every device; each creation notifies each device once.
            long start = System.nanoTime();
            List<Long> roundStarts = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                roundStarts.add(System.nanoTime());
                fleet.job("fan-" + round, "{\"round\":" + round + "}", things);
            }
            long expected = (long) devices * rounds;
            await().atMost(Duration.ofMinutes(2)).until(() -> received.get() >= expected);
            long fanOutNanos = arrivals.stream().mapToLong(Long::longValue).max().orElseThrow() - start;
            double perSecond = expected / (fanOutNanos / 1e9);

            // Latency of one notification at rest: from sending CreateJob over HTTP to the device's notify.
            List<Long> latencies = new ArrayList<>();
            fleet.thing("bench-probe");
            LinkedBlockingQueue<Long> probeArrivals = new LinkedBlockingQueue<>();
            Mqtt5AsyncClient probe = MqttClient.builder().useMqttVersion5().identifier("bench-probe")
                    .serverHost("127.0.0.1").serverPort(port).buildAsync();
            probe.connect().join();
            probe.subscribeWith().topicFilter("$aws/things/bench-probe/jobs/notify").qos(MqttQos.AT_LEAST_ONCE)
                    .callback(publish -> probeArrivals.add(System.nanoTime())).send().join();
            clients.add(probe);
            for (int i = 0; i < sequential; i++) {
                String jobId = "probe-" + i;
                long before = System.nanoTime();
                fleet.job(jobId, "{}", "bench-probe");
                latencies.add(next(probeArrivals) - before);
                // Finishing it empties the list again (one more notify), so every run starts alike.
                server.jobs().updateJobExecution(r -> r.thingName("bench-probe").jobId(jobId).status("SUCCEEDED"));
                next(probeArrivals);
            }
            clients.forEach(c -> c.disconnect().join());

            List<Long> sorted = latencies.stream().sorted().toList();
            String report = String.format(Locale.ROOT, "notification benchmark: %d devices x %d jobs = %d notify messages in %.3f s "
                            + "(%.0f notifications/s, %.0f executions created/s); single job->notify latency over %d runs: "
                            + "p50 %.1f ms, p90 %.1f ms, max %.1f ms (%d cores)%n",
                    devices, rounds, expected, fanOutNanos / 1e9, perSecond, perSecond, sorted.size(),
                    millis(sorted, 0.5), millis(sorted, 0.9), sorted.get(sorted.size() - 1) / 1e6,
                    Runtime.getRuntime().availableProcessors());
            System.out.print(report);
            Path out = Path.of("target", "notification-benchmark.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            assertThat(received.get()).isEqualTo(expected);
            assertThat(sorted).hasSize(sequential);
        }
    }

    private static long next(LinkedBlockingQueue<Long> arrivals) {
        try {
            Long arrival = arrivals.poll(10, TimeUnit.SECONDS);
            assertThat(arrival).as("a notification within 10 s").isNotNull();
            return arrival;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double millis(List<Long> sorted, double quantile) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
