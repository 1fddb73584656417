package dev.fleetjobs.server.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HiveMQ Community Edition running in this process, with the Fleetjobs extension in it. */
final class EmbeddedBroker implements MqttOutlet, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final long START_TIMEOUT_SECONDS = 60;

    private final EmbeddedHiveMQ hivemq;
    private final FleetjobsExtension extension;
    private final PublishService publishService;
    private final int plainPort;
    private final int tlsPort;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, FleetjobsExtension extension, PublishService publishService, int plainPort, int tlsPort) {
        this.hivemq = hivemq;
        this.extension = extension;
        this.publishService = publishService;
        this.plainPort = plainPort;
        this.tlsPort = tlsPort;
    }

    static EmbeddedBroker start(MqttSettings settings, String bindAddress, Path folder, MqttJobsApi api, MqttRequestObserver observer) {
        int plainPort = resolve(settings.plainPort(), bindAddress);
        int tlsPort = resolve(settings.tlsPort(), bindAddress);
        ConfigSecrets secrets = new ConfigSecrets();
        try {
            BrokerFolder.prepare(folder);
            BrokerConfigFile.write(folder.resolve(BrokerFolder.CONF), bindAddress, plainPort, tlsPort, settings.tls(), secrets);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the MQTT broker's folder " + folder, e);
        }
        FleetjobsExtension extension = new FleetjobsExtension(
                new ClientAuthenticator(settings.certificates(), settings.backEnds(), new TopicGrants(settings.extraTopics()), observer), api);
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(folder.resolve(BrokerFolder.CONF))
                .withDataFolder(folder.resolve(BrokerFolder.DATA))
                .withExtensionsFolder(folder.resolve(BrokerFolder.EXTENSIONS))
                .withoutLoggingBootstrap()
                .withEmbeddedExtension(EmbeddedExtension.builder()
                        .withId("fleetjobs")
                        .withName("Fleetjobs jobs API")
                        .withVersion("1")
                        .withExtensionMain(extension)
                        .build())
                .build();
        try (secrets) {
            secrets.publish();
            hivemq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            PublishService publishService = extension.started().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            ListeningPorts.await(bindAddress, Duration.ofSeconds(START_TIMEOUT_SECONDS), plainPort, tlsPort);
            BrokerFolder.tighten(folder);
            return new EmbeddedBroker(hivemq, extension, publishService, plainPort, tlsPort);
        } catch (Exception e) {
            hivemq.stop();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("The embedded MQTT broker did not start", e);
        }
    }

    long connectedDevices() {
        return extension.connectedDevices();
    }

    int plainPort() {
        return plainPort;
    }

    int tlsPort() {
        return tlsPort;
    }

    @Override
    public void publish(String topic, byte[] payload) {
        publishService.publish(Builders.publish().topic(topic).qos(Qos.AT_LEAST_ONCE).payload(ByteBuffer.wrap(payload)).build())
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.warn("Publishing on {} failed: {}", topic, failure.toString());
                    }
                });
    }

    @Override
    public void close() {
        extension.quiesce();
        try {
            hivemq.stop().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("The embedded MQTT broker did not stop cleanly: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** HiveMQ needs a concrete port in its configuration; 0 asks for a free one. */
    private static int resolve(int port, String bindAddress) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(bindAddress))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the MQTT broker", e);
        }
    }
}
