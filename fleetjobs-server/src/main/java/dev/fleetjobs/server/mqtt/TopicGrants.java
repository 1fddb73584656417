package dev.fleetjobs.server.mqtt;

import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import dev.fleetjobs.protocol.mqtt.JobsTopic;
import java.util.List;

/**
 * The topic permissions of a connection, first match wins, anything else denied. A device has its
 * own jobs topics and the configured extra filters, never anything else under {@code $aws/}
 * (a filter such as {@code #} matches {@code $} topics in the broker's permission check, so the
 * deny comes first). A back end has the jobs events, to subscribe to only.
 */
final class TopicGrants {

    static final String EVENTS = "$aws/events/#";
    private static final String SERVICE_TOPICS = "$aws/#";

    private final List<String> extraTopics;

    TopicGrants(List<String> extraTopics) {
        this.extraTopics = List.copyOf(extraTopics);
    }

    void device(ModifiableDefaultPermissions permissions, String thingName) {
        permissions.add(permission(JobsTopic.prefix(thingName) + "/#", TopicPermission.PermissionType.ALLOW, TopicPermission.MqttActivity.ALL));
        permissions.add(permission(SERVICE_TOPICS, TopicPermission.PermissionType.DENY, TopicPermission.MqttActivity.ALL));
        for (String filter : extraTopics) {
            permissions.add(permission(filter.replace(MqttSettings.THING_PLACEHOLDER, thingName), TopicPermission.PermissionType.ALLOW,
                    TopicPermission.MqttActivity.ALL));
        }
        permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
    }

    static void backEnd(ModifiableDefaultPermissions permissions) {
        permissions.add(permission(EVENTS, TopicPermission.PermissionType.ALLOW, TopicPermission.MqttActivity.SUBSCRIBE));
        permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
    }

    private static TopicPermission permission(String filter, TopicPermission.PermissionType type, TopicPermission.MqttActivity activity) {
        return Builders.topicPermission().topicFilter(filter).type(type).activity(activity).build();
    }
}
