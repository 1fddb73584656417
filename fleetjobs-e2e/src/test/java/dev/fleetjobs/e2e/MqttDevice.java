package dev.fleetjobs.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A device on the HiveMQ MQTT client (MQTT 5): connects with its thing name as client id, keeps
 * every message it receives, and speaks raw topics and payloads.
 */
final class MqttDevice implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(10);

    /** One message received: its topic and parsed JSON payload. */
    record Message(String topic, JsonNode json) {
    }

    final String thingName;
    private final Mqtt5BlockingClient client;
    private final List<Message> received = new CopyOnWriteArrayList<>();

    private MqttDevice(String thingName, Mqtt5BlockingClient client) {
        this.thingName = thingName;
        this.client = client;
        client.toAsync().publishes(MqttGlobalPublishFilter.ALL, publish -> received.add(new Message(publish.getTopic().toString(),
                parse(publish.getPayloadAsBytes()))));
    }

    static MqttDevice connect(int port, String clientId) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();
        MqttDevice device = new MqttDevice(clientId, client);
        client.connectWith().cleanStart(true).send();
        return device;
    }

    /** A back end: any client id, logged in with an access key as user name and password. */
    static MqttDevice backEnd(int port, String clientId, Cli.Key key) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();
        MqttDevice backEnd = new MqttDevice(clientId, client);
        client.connectWith().cleanStart(true).simpleAuth().username(key.accessKeyId())
                .password(key.secretAccessKey().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
        return backEnd;
    }

    String prefix() {
        return "$aws/things/" + thingName + "/jobs";
    }

    /** Subscribes to a filter and returns the broker's answer. */
    Mqtt5SubAckReasonCode subscribe(String filter) {
        try {
            return client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().getReasonCodes().get(0);
        } catch (Mqtt5SubAckException refused) {
            return refused.getMqttMessage().getReasonCodes().get(0);
        }
    }

    /** Subscribes to everything of this thing's jobs topics. */
    MqttDevice subscribeToJobs() {
        subscribe(prefix() + "/#");
        return this;
    }

    /** Publishes and returns the broker's PUBACK reason code, refusals included. */
    Mqtt5PubAckReasonCode publishAcked(String topic, String payload) {
        try {
            publish(topic, payload);
            return Mqtt5PubAckReasonCode.SUCCESS;
        } catch (Mqtt5PubAckException refused) {
            return refused.getMqttMessage().getReasonCode();
        } catch (MqttSessionExpiredException closed) {
            // The broker sends NOT_AUTHORIZED and disconnects at once; the client may see the DISCONNECT first.
            if (closed.getCause() instanceof Mqtt5DisconnectException disconnect
                    && disconnect.getMqttMessage().getReasonCode() == Mqtt5DisconnectReasonCode.NOT_AUTHORIZED) {
                return Mqtt5PubAckReasonCode.NOT_AUTHORIZED;
            }
            throw closed;
        }
    }

    /**
     * Publishes where the broker must refuse it: with a PUBACK error code and disconnect, or (for
     * a topic beginning with $ that no interceptor takes) by disconnecting at once. Returns how.
     */
    String publishRefused(String topic, String payload) {
        try {
            publish(topic, payload);
            return "accepted";
        } catch (Mqtt5PubAckException refused) {
            return refused.getMqttMessage().getReasonCode().toString();
        } catch (MqttSessionExpiredException closed) {
            if (closed.getCause() instanceof Mqtt5DisconnectException disconnect) {
                return disconnect.getMqttMessage().getReasonCode().toString();
            }
            throw closed;
        }
    }

    void publish(String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    /** Publishes with the RETAIN flag and returns the broker's PUBACK reason code, refusals included. */
    Mqtt5PubAckReasonCode publishRetained(String topic, String payload) {
        try {
            client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
            return Mqtt5PubAckReasonCode.SUCCESS;
        } catch (Mqtt5PubAckException refused) {
            return refused.getMqttMessage().getReasonCode();
        }
    }

    /**
     * Subscribes to this thing's jobs topics afresh and makes a request: a retained message would
     * arrive at the subscription, before the reply. Returns what arrived up to the reply.
     */
    List<Message> retainedBeforeAReply() {
        int before = received.size();
        subscribeToJobs();
        Message reply = request("get", "{\"clientToken\":\"barrier\"}");
        List<Message> arrived = received.subList(before, received.size());
        return List.copyOf(arrived.subList(0, arrived.indexOf(reply)));
    }

    /** Publishes to {@code prefix()/suffix} and waits for its one reply on /accepted or /rejected. */
    Message request(String suffix, String payload) {
        String topic = prefix() + "/" + suffix;
        int before = received.size();
        publish(topic, payload);
        return await().atMost(WAIT).until(() -> received.subList(before, received.size()).stream()
                .filter(m -> m.topic().equals(topic + "/accepted") || m.topic().equals(topic + "/rejected"))
                .findFirst().orElse(null), m -> m != null);
    }

    /** Waits for the n-th (1-based) message on the topic. */
    Message awaitMessage(String topic, int n) {
        return await().atMost(WAIT).until(() -> messages(topic), list -> list.size() >= n).get(n - 1);
    }

    List<Message> messages(String topic) {
        return received.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    List<Message> all() {
        return List.copyOf(received);
    }

    boolean isConnected() {
        return client.getState().isConnected();
    }

    @Override
    public void close() {
        if (client.getState().isConnected()) {
            try {
                client.disconnect();
            } catch (RuntimeException alreadyDisconnectedByTheBroker) {
                // the broker closes a connection after a refused publish; nothing left to close
            }
        }
    }

    private static JsonNode parse(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
