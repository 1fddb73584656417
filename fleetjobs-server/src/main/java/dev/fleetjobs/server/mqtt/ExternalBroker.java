package dev.fleetjobs.server.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import dev.fleetjobs.protocol.mqtt.JobsTopic;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fleetjobs as one client of an external MQTT 5 broker. The request topics are served through a
 * shared subscription, so every Fleetjobs node on the broker takes a share of the requests; the
 * replies and notifications are ordinary publishes, so the broker's ACLs must keep each thing's
 * topics to that thing (README: "Several nodes").
 */
final class ExternalBroker implements MqttOutlet, AutoCloseable {

    /** The shared-subscription group of all Fleetjobs nodes. */
    static final String SHARE_GROUP = "fleetjobs";
    private static final String AWS_PREFIX = "$aws/";
    private static final String[] REQUEST_FILTERS = {
        "things/+/jobs/get", "things/+/jobs/start-next", "things/+/jobs/+/get", "things/+/jobs/+/update"};
    /** URL query parameter: the prefix under which the broker forwards the requests, when not {@code $aws/}. */
    static final String REQUEST_PREFIX_PARAMETER = "request-prefix";
    private static final long CONNECT_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(ExternalBroker.class);

    private final Mqtt5AsyncClient client;
    private final String requestPrefix;

    private ExternalBroker(Mqtt5AsyncClient client, String requestPrefix) {
        this.client = client;
        this.requestPrefix = requestPrefix;
    }

    static ExternalBroker connect(URI url, MqttJobsApi api) {
        boolean tls = "mqtts".equals(url.getScheme());
        if (!tls && !"mqtt".equals(url.getScheme())) {
            throw new IllegalArgumentException("The MQTT broker URL must start with mqtt:// or mqtts://: " + url);
        }
        int port = url.getPort() > 0 ? url.getPort() : tls ? 8883 : 1883;
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier("fleetjobs-" + UUID.randomUUID())
                .serverHost(url.getHost())
                .serverPort(port)
                .automaticReconnectWithDefaultConfig();
        if (tls) {
            builder = builder.sslWithDefaultConfig();
        }
        if (url.getUserInfo() != null) {
            String[] user = url.getUserInfo().split(":", 2);
            builder = builder.simpleAuth().username(user[0])
                    .password(user.length > 1 ? user[1].getBytes(StandardCharsets.UTF_8) : new byte[0]).applySimpleAuth();
        }
        String requestPrefix = requestPrefix(url);
        Mqtt5AsyncClient[] holder = new Mqtt5AsyncClient[1];
        // Each (re)connection starts a clean session, so the subscription is made anew every time.
        Mqtt5AsyncClient client = builder.addConnectedListener(context -> subscribe(holder[0], requestPrefix)).buildAsync();
        holder[0] = client;
        ExternalBroker broker = new ExternalBroker(client, requestPrefix);
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> broker.serve(publish, api));
        try {
            client.connectWith().cleanStart(true).send().get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.disconnect();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot connect to the MQTT broker " + url.getHost() + ":" + port, e);
        }
        LOG.info("Serving the jobs topics through the MQTT broker at {}:{}", url.getHost(), port);
        return broker;
    }

    /**
     * Some brokers (Mosquitto 2.0) never route topics that begin with {@code $} to shared
     * subscriptions; there a bridge can forward the requests under another prefix, named in the URL
     * as {@code ?request-prefix=fleetjobs/aws/} (README).
     */
    private static String requestPrefix(URI url) {
        if (url.getQuery() == null) {
            return AWS_PREFIX;
        }
        for (String parameter : url.getQuery().split("&")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].equals(REQUEST_PREFIX_PARAMETER) && !pair[1].isEmpty()) {
                return pair[1].endsWith("/") ? pair[1] : pair[1] + "/";
            }
        }
        throw new IllegalArgumentException("The MQTT broker URL takes only ?" + REQUEST_PREFIX_PARAMETER + "=PREFIX: " + url);
    }

    private static void subscribe(Mqtt5AsyncClient client, String requestPrefix) {
        Mqtt5Subscribe subscribe = null;
        for (String filter : REQUEST_FILTERS) {
            String shared = "$share/" + SHARE_GROUP + "/" + requestPrefix + filter;
            subscribe = subscribe == null
                    ? Mqtt5Subscribe.builder().topicFilter(shared).qos(MqttQos.AT_LEAST_ONCE).build()
                    : subscribe.extend().addSubscription().topicFilter(shared).qos(MqttQos.AT_LEAST_ONCE).applySubscription().build();
        }
        client.subscribe(subscribe).whenComplete((ack, failure) -> {
            if (failure != null) {
                LOG.error("Subscribing to the jobs request topics failed", failure);
            }
        });
    }

    private void serve(Mqtt5Publish request, MqttJobsApi api) {
        String received = request.getTopic().toString();
        String name = received.startsWith(requestPrefix) ? AWS_PREFIX + received.substring(requestPrefix.length()) : received;
        JobsTopic topic = JobsTopic.parse(name);
        if (topic == null || topic.operation() == null) {
            return;
        }
        MqttQos qos = request.getQos() == MqttQos.AT_MOST_ONCE ? MqttQos.AT_MOST_ONCE : MqttQos.AT_LEAST_ONCE;
        api.handle(topic, request.getPayloadAsBytes()).thenAccept(reply -> send(reply.topic(), reply.payload(), qos));
    }

    @Override
    public void publish(String topic, byte[] payload) {
        send(topic, payload, MqttQos.AT_LEAST_ONCE);
    }

    private void send(String topic, byte[] payload, MqttQos qos) {
        client.publishWith().topic(topic).qos(qos).payload(payload).send().whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.warn("Publishing on {} failed: {}", topic, failure.toString());
            }
        });
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("Disconnecting from the MQTT broker: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
