package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.mqtt.MqttSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Fleetjobs nodes on one database, both clients of a real Mosquitto: they split the jobs
 * requests through a shared subscription, every request is answered exactly once, and changes
 * made on either node reach the device as notifications.
 */
class ExternalBrokerTest {

    @TempDir
    Path folder;

    @Test
    void twoNodesShareTheRequestsAndBothNotify() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        try (MosquittoProcess mosquitto = MosquittoProcess.start(folder)) {
            MqttSettings external = new MqttSettings(MqttSettings.OFF, MqttSettings.OFF, null, null, URI.create(mosquitto.url()),
                    false, List.of());
            try (RunningServer nodeA = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, data), external);
                 // one SQLite database for both nodes: the second shares the first one's locked data directory
                 RunningServer nodeB = RunningServer.startSharing(ServerConfig.defaults("127.0.0.1", 0, data), external);
                 MqttDevice device = MqttDevice.connect(mosquitto.port(), "remote-1").subscribeToJobs()) {
                new Fleet(nodeA.iot()).thing("remote-1");
                new Fleet(nodeA.iot()).job("remote-a", "{\"via\":\"A\"}", "remote-1");
                assertThat(device.awaitMessage("$aws/things/remote-1/jobs/notify-next", 1).json().get("execution").get("jobId").asText())
                        .isEqualTo("remote-a");
                new Fleet(nodeB.iot()).job("remote-b", "{\"via\":\"B\"}", "remote-1");
                assertThat(device.awaitMessage("$aws/things/remote-1/jobs/notify", 2).json().get("jobs").get("QUEUED")).hasSize(2);

                int requests = 40;
                IntStream.range(0, requests).forEach(i -> device.publish("$aws/things/remote-1/jobs/get", "{\"clientToken\":\"r" + i + "\"}"));
                await().atMost(MqttDevice.WAIT).until(() -> device.messages("$aws/things/remote-1/jobs/get/accepted").size() >= requests);
                assertThat(device.messages("$aws/things/remote-1/jobs/get/accepted"))
                        .extracting(m -> m.json().get("clientToken").asText())
                        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, requests).mapToObj(i -> "r" + i).toList());
                long servedByA = nodeA.server().mqtt().requestsServed();
                long servedByB = nodeB.server().mqtt().requestsServed();
                assertThat(servedByA + servedByB).isEqualTo(requests);
                assertThat(servedByA).isPositive();
                assertThat(servedByB).isPositive();

                // A device's own update, served by whichever node, notifies through the broker.
                assertThat(device.request("start-next", "{}").json().get("execution").get("jobId").asText()).isEqualTo("remote-a");
                device.request("remote-a/update", "{\"status\":\"SUCCEEDED\"}");
                assertThat(device.awaitMessage("$aws/things/remote-1/jobs/notify-next", 2).json().get("execution").get("jobId").asText())
                        .isEqualTo("remote-b");
                assertThat(device.messages("$aws/things/remote-1/jobs/get/accepted")).hasSize(requests);
            }
        }
    }
}
