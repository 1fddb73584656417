package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.mqtt.MqttSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --dev}, every time a device sees over MQTT reads the job clock: notifications as much
 * as replies, after {@code dev clock advance} moved it (the server started as the CLI starts it, on
 * the real clock).
 */
class DevClockMqttTest {

    @TempDir
    Path dataDir;

    @Test
    void notificationsAndRepliesCarryTheMovedJobClock() {
        try (RunningServer server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir).withDev(true),
                new MqttSettings(0, MqttSettings.OFF, null, null, null, true, List.of()))) {
            Fleet fleet = new Fleet(server.iot());
            fleet.thing("clock-1");
            long moved = server.advanceClock(Duration.ofDays(2).toSeconds());
            assertThat(moved).isGreaterThan(Instant.now().plus(Duration.ofDays(1)).getEpochSecond());

            try (MqttDevice device = MqttDevice.connect(server.mqttPort(), "clock-1").subscribeToJobs();
                 MqttDevice backEnd = MqttDevice.backEnd(server.mqttPort(), "monitor-1", RunningServer.ROOT)) {
                backEnd.subscribe("$aws/events/#");
                fleet.job("late-1", "{\"operation\":\"install\"}", "clock-1");
                MqttDevice.Message next = device.awaitMessage(device.prefix() + "/notify-next", 1);
                MqttDevice.Message list = device.awaitMessage(device.prefix() + "/notify", 1);
                MqttDevice.Message started = device.request("start-next", "{\"clientToken\":\"c1\"}");

                assertThat(next.json().get("timestamp").asLong()).as("notify-next").isBetween(moved - 5, moved + 60);
                assertThat(list.json().get("timestamp").asLong()).as("notify").isBetween(moved - 5, moved + 60);
                assertThat(started.json().get("timestamp").asLong()).as("start-next reply").isBetween(moved - 5, moved + 60);
                assertThat(next.json().get("execution").get("queuedAt").asLong()).as("queuedAt").isBetween(moved - 5, moved + 60);

                device.request("late-1/update", "{\"status\":\"SUCCEEDED\"}");
                MqttDevice.Message event = backEnd.awaitMessage("$aws/events/jobExecution/late-1/succeeded", 1);
                assertThat(event.json().get("timestamp").asLong()).as("jobs event").isBetween(moved - 5, moved + 60);
            }
        }
    }
}
