package dev.fleetjobs.server.mqtt;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import dev.fleetjobs.protocol.mqtt.JobsTopic;
import java.nio.ByteBuffer;

/**
 * Catches every publish under {@code $aws/things/{thing}/jobs/} before the broker routes it:
 * requests are answered to the requester alone and never reach other subscribers (spec 3.1). A
 * retained one is refused: nothing is ever retained on a jobs topic.
 */
final class JobsRequestInterceptor implements PublishInboundInterceptor {

    private final MqttJobsApi api;
    private final RequesterReplies replies;

    JobsRequestInterceptor(MqttJobsApi api, RequesterReplies replies) {
        this.api = api;
        this.replies = replies;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        PublishPacket packet = input.getPublishPacket();
        JobsTopic topic = JobsTopic.parse(packet.getTopic());
        if (topic == null) {
            return;
        }
        String clientId = input.getClientInformation().getClientId();
        if (!topic.thingName().equals(clientId)) {
            // The broker runs interceptors before topic permissions, so the refusal is made here:
            // a device is never answered for another thing.
            output.preventPublishDelivery(AckReasonCode.NOT_AUTHORIZED, "Not authorized for " + topic.thingName());
            return;
        }
        output.preventPublishDelivery();
        Qos replyQos = packet.getQos() == Qos.AT_MOST_ONCE ? Qos.AT_MOST_ONCE : Qos.AT_LEAST_ONCE;
        byte[] payload = bytes(packet.getPayload().orElse(null));
        if (packet.getRetain()) {
            replies.send(clientId, api.refuseRetained(topic, payload), replyQos);
            return;
        }
        api.handle(topic, payload).thenAccept(reply -> replies.send(clientId, reply, replyQos));
    }

    /** A copy of a publish's payload (empty when there is none), leaving the buffer's position as it was. */
    static byte[] bytes(ByteBuffer payload) {
        if (payload == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        return bytes;
    }
}
