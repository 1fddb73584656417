package dev.fleetjobs.server.mqtt;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationFailedInput;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ClientInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionLostInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ServerInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;
import com.hivemq.extension.sdk.api.packets.general.DisconnectedReasonCode;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.parameter.ClientBasedInput;
import dev.fleetjobs.protocol.mqtt.JobsTopic;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wills on a device's own jobs request topics, run as the request (with the device's thing, as
 * any request of that connection) when the broker would have published them: when the
 * connection ends without a normal DISCONNECT, at once or after the MQTT 5 will delay (at most
 * the session expiry), unless the client has connected again by then. The reply goes to the
 * client's session as any reply does. Nothing fires once the broker is closing.
 */
final class RequestWills implements ClientLifecycleEventListener, AutoCloseable {

    private static final String TOKEN = "fleetjobs.request-will";
    /** The broker's own cap on session expiry (BrokerConfigFile). */
    private static final long MAX_DELAY_SECONDS = 3600;

    private record PendingWill(String clientId, JobsTopic topic, byte[] payload, Qos qos, long delaySeconds, long generation) {
        PendingWill armed(long connection) {
            return new PendingWill(clientId, topic, payload, qos, delaySeconds, connection);
        }
    }

    private final MqttJobsApi api;
    private final ScheduledExecutorService delays;
    private final Map<Long, PendingWill> byConnection = new ConcurrentHashMap<>();
    /** Per client id, how many of its connections authenticated: a will waiting out its delay fires only if none came since. */
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();
    private volatile RequesterReplies replies;
    private volatile boolean closed;

    RequestWills(MqttJobsApi api) {
        this.api = api;
        this.delays = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fleetjobs-mqtt-wills");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Where replies go; the broker's services exist only once the extension started. */
    void start(RequesterReplies replies) {
        this.replies = replies;
    }

    /** A connection being made carries a request will; it counts once the connection authenticates. */
    void register(ConnectionAttributeStore connection, String clientId, WillPublishPacket will, long sessionExpirySeconds) {
        long token = tokens.incrementAndGet();
        byte[] payload = will.getPayload().map(JobsRequestInterceptor::bytes).orElse(new byte[0]);
        long delay = sessionExpirySeconds == 0 ? 0 : Math.min(Math.min(will.getWillDelay(), sessionExpirySeconds), MAX_DELAY_SECONDS);
        byConnection.put(token, new PendingWill(clientId, JobsTopic.parse(will.getTopic()), payload,
                will.getQos() == Qos.AT_MOST_ONCE ? Qos.AT_MOST_ONCE : Qos.AT_LEAST_ONCE, delay, -1));
        connection.put(TOKEN, ByteBuffer.allocate(Long.BYTES).putLong(0, token));
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
        // Nothing to do before authentication.
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        long connection = generations.merge(input.getClientInformation().getClientId(), 1L, Long::sum);
        token(input).ifPresent(token -> byConnection.computeIfPresent(token, (key, will) -> will.armed(connection)));
    }

    @Override
    public void onAuthenticationFailedDisconnect(AuthenticationFailedInput input) {
        take(input);
    }

    @Override
    public void onConnectionLost(ConnectionLostInput input) {
        take(input).ifPresent(this::fire);
    }

    @Override
    public void onServerInitiatedDisconnect(ServerInitiatedDisconnectInput input) {
        take(input).ifPresent(this::fire);
    }

    @Override
    public void onClientInitiatedDisconnect(ClientInitiatedDisconnectInput input) {
        Optional<PendingWill> will = take(input);
        DisconnectedReasonCode reason = input.getReasonCode().orElse(DisconnectedReasonCode.NORMAL_DISCONNECTION);
        if (reason != DisconnectedReasonCode.NORMAL_DISCONNECTION) {
            will.ifPresent(this::fire);
        }
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        take(input);
    }

    /** From now on no will fires: the broker is stopping and its clients are being disconnected. */
    @Override
    public void close() {
        closed = true;
        delays.shutdownNow();
    }

    private Optional<PendingWill> take(ClientBasedInput input) {
        return token(input).map(byConnection::remove).filter(will -> will.generation() >= 0);
    }

    private static Optional<Long> token(ClientBasedInput input) {
        return input.getConnectionInformation().getConnectionAttributeStore().get(TOKEN).map(buffer -> buffer.getLong(0));
    }

    private void fire(PendingWill will) {
        if (closed) {
            return;
        }
        if (will.delaySeconds() == 0) {
            run(will);
            return;
        }
        try {
            delays.schedule(() -> {
                if (generations.getOrDefault(will.clientId(), 0L) == will.generation()) {
                    run(will);
                }
            }, will.delaySeconds(), TimeUnit.SECONDS);
        } catch (RejectedExecutionException closing) {
            // closed in the meantime: nothing fires any more
        }
    }

    private void run(PendingWill will) {
        RequesterReplies current = replies;
        if (closed || current == null) {
            return;
        }
        api.handle(will.topic(), will.payload()).thenAccept(reply -> current.send(will.clientId(), reply, will.qos()));
    }
}
