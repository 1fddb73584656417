package dev.fleetjobs.server.mqtt;

import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.publish.Publish;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import com.hivemq.extension.sdk.api.services.publish.PublishToClientResult;
import com.hivemq.extension.sdk.api.services.subscription.SubscriptionStore;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a reply to the one connection that asked, never through the broker's routing. AWS
 * subscribes the requester to the response topic on its behalf ("your client is automatically
 * subscribed"); the broker can only send to a client with a matching subscription, so one is
 * added when the device has none.
 */
final class RequesterReplies {

    private static final Logger LOG = LoggerFactory.getLogger(RequesterReplies.class);

    private final PublishService publishService;
    private final SubscriptionStore subscriptions;

    RequesterReplies(PublishService publishService, SubscriptionStore subscriptions) {
        this.publishService = publishService;
        this.subscriptions = subscriptions;
    }

    void send(String clientId, MqttReply reply, Qos qos) {
        Publish publish = Builders.publish().topic(reply.topic()).qos(qos).payload(ByteBuffer.wrap(reply.payload())).build();
        publishService.publishToClient(publish, clientId).thenCompose(result -> {
            if (result == PublishToClientResult.SUCCESSFUL) {
                return CompletableFuture.completedFuture(result);
            }
            return subscriptions.addSubscription(clientId, Builders.topicSubscription().topicFilter(reply.topic()).qos(qos).build())
                    .thenCompose(added -> publishService.publishToClient(publish, clientId));
        }).whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.debug("Reply on {} to {} not delivered: {}", reply.topic(), clientId, failure.toString());
            } else if (result != PublishToClientResult.SUCCESSFUL) {
                LOG.debug("Reply on {} to {} not delivered: {}", reply.topic(), clientId, result);
            }
        });
    }
}
