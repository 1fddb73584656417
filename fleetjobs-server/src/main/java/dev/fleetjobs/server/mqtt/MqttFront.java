package dev.fleetjobs.server.mqtt;

import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.ChangeListener;
import dev.fleetjobs.server.service.ChangeRecorder;
import dev.fleetjobs.store.FeedMessage;
import dev.fleetjobs.store.JobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import dev.fleetjobs.server.service.DataPlaneService;
import dev.fleetjobs.server.service.DeviceDocuments;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Devices' MQTT side of Fleetjobs: the jobs request topics and the notifications, on the
 * embedded broker or on an external one. Made before the store is wrapped (it is the store's
 * {@link #changes() change listener}), started once the services exist.
 */
public final class MqttFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttFront.class);

    private final MqttSettings settings;
    private final Notifications notifications;
    private volatile MqttOutlet outlet;
    private volatile MqttJobsApi api;
    private ExecutorService replyExecutor;
    private volatile EmbeddedBroker embedded;
    private ExternalBroker external;
    private volatile DeviceDocuments documents = DeviceDocuments.AS_STORED;
    private volatile String documentOrigin;
    private FeedFollower follower;
    private final LongAdder published = new LongAdder();
    private volatile MqttRequestObserver observer = MqttRequestObserver.NONE;

    private MqttFront(MqttSettings settings, Clock clock, Arns arns) {
        this.settings = settings;
        this.notifications = new Notifications((topic, payload) -> {
            MqttOutlet current = outlet;
            if (current != null) {
                current.publish(topic, payload);
                published.increment();
            }
        }, clock, arns, settings.events(), view -> view.documentFor(documents, documentOrigin));
    }

    /**
     * Renders the job documents of replies and notifications with {@code documents}: MQTT does not
     * say which HTTP address a device uses, so presigned URLs point at {@code origin}.
     */
    public void renderDocumentsWith(DeviceDocuments documents, String origin) {
        this.documents = documents;
        this.documentOrigin = origin;
    }

    public static MqttFront create(MqttSettings settings, Clock clock, Arns arns) {
        return new MqttFront(settings, clock, arns);
    }

    /** Told every committed change; publishes nothing until {@link #start}. */
    public ChangeListener changes() {
        return notifications;
    }

    /**
     * On a database several nodes share: the changes become messages in the change feed, inside
     * the transaction that made them, marked as committed by {@code origin}.
     */
    public ChangeRecorder recorder(String origin) {
        return (tx, changes) -> {
            List<FeedMessage> messages = new ArrayList<>();
            for (MqttMessage message : notifications.render(changes)) {
                messages.add(new FeedMessage(origin, message.topic(), message.payload()));
            }
            tx.appendFeed(messages);
        };
    }

    /**
     * Publishes the change feed to the devices of this node (after {@link #start}): every entry to
     * the embedded broker, only this node's own ({@code origin}) to an external one, which every
     * node publishes to.
     *
     * @param listen  starts the database's signal for new entries (see {@code SqlJobStore.listenForFeed})
     */
    public synchronized void followFeed(JobStore store, Function<Runnable, AutoCloseable> listen, String origin) {
        MqttOutlet current = outlet;
        if (current == null || follower != null) {
            return;
        }
        MqttOutlet counting = (topic, payload) -> {
            current.publish(topic, payload);
            published.increment();
        };
        follower = new FeedFollower(store, listen, counting, external != null ? origin : null);
    }

    /**
     * Opens the listeners or connects to the external broker.
     *
     * @param folder  where the embedded broker keeps its configuration and data
     */
    public synchronized void start(DataPlaneService service, Clock clock, String bindAddress, Path folder, int requestsPerSecond) {
        AtomicInteger threads = new AtomicInteger();
        replyExecutor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), task -> {
            Thread thread = new Thread(task, "fleetjobs-mqtt-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        api = new MqttJobsApi(service, clock, requestsPerSecond, replyExecutor, view -> view.documentFor(documents, documentOrigin),
                (document, config) -> documents.render(document, config, documentOrigin), observer);
        if (settings.externalBroker() != null) {
            external = ExternalBroker.connect(settings.externalBroker(), api);
            outlet = external;
        } else {
            embedded = EmbeddedBroker.start(settings, bindAddress, folder, api, observer);
            outlet = embedded;
            LOG.info("MQTT broker embedded: plain listener {}, TLS listener {}", describe(embedded.plainPort()), describe(embedded.tlsPort()));
        }
    }

    private static String describe(int port) {
        return port == MqttSettings.OFF ? "off" : "on port " + port;
    }

    /** Reports every jobs request answered and every connection refused to {@code requests}; call before {@link #start}. */
    public void observeWith(MqttRequestObserver requests) {
        this.observer = requests;
    }

    /** Notifications (notify, notify-next, events) this node has handed to the broker. */
    public long notificationsPublished() {
        return published.sum();
    }

    /** The plain listener's port, or -1 when there is none. */
    public int plainPort() {
        return embedded == null ? MqttSettings.OFF : embedded.plainPort();
    }

    /** The TLS listener's port, or -1 when there is none. */
    public int tlsPort() {
        return embedded == null ? MqttSettings.OFF : embedded.tlsPort();
    }

    /** Devices connected to the embedded broker now; empty without one (an external broker keeps that to itself). */
    public OptionalLong connectedDevices() {
        EmbeddedBroker broker = embedded;
        return broker == null ? OptionalLong.empty() : OptionalLong.of(broker.connectedDevices());
    }

    /** "embedded", "external" or "off". */
    public String mode() {
        return settings.externalBroker() != null ? "external" : settings.enabled() ? "embedded" : "off";
    }

    /** Jobs requests this node has answered since it started: with an external broker, its share of them. */
    public long requestsServed() {
        MqttJobsApi current = api;
        return current == null ? 0 : current.served();
    }

    @Override
    public synchronized void close() {
        if (follower != null) {
            follower.close();
            follower = null;
        }
        outlet = null;
        if (external != null) {
            external.close();
            external = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
        if (replyExecutor != null) {
            replyExecutor.shutdown();
            replyExecutor = null;
        }
    }
}
