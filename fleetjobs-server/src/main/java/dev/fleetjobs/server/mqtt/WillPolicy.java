package dev.fleetjobs.server.mqtt;

import dev.fleetjobs.protocol.mqtt.JobsTopic;

/**
 * What becomes of a client's will. Topics beginning with {@code $} belong to the service: no
 * client may publish there, by will or otherwise, and nothing is ever retained there. The one
 * exception is a device's own jobs request topic, where AWS IoT treats a will as a publish by the
 * client: such a will is taken from the broker and run as that request when it fires. Any other
 * will is the broker's, under the client's topic permissions.
 */
final class WillPolicy {

    /** How a will is handled. */
    enum Kind {
        /** An ordinary topic: the broker publishes it, if the client's permissions allow it. */
        BROKER,
        /** The client's own jobs request topic: run as the request when it fires, never routed. */
        REQUEST,
        /** Refused at CONNECT. */
        REFUSE
    }

    record Verdict(Kind kind, String reason) {
    }

    private WillPolicy() {
    }

    /**
     * @param clientId  the connecting client's id, the thing name of a device
     * @param device    false for a back end logging in with an access key, which may publish nothing under {@code $aws/}
     */
    static Verdict of(String clientId, boolean device, String topic, boolean retain) {
        if (!topic.startsWith("$")) {
            return new Verdict(Kind.BROKER, null);
        }
        JobsTopic jobs = JobsTopic.parse(topic);
        if (!device || jobs == null || jobs.operation() == null || !jobs.thingName().equals(clientId)) {
            return new Verdict(Kind.REFUSE, "A will may not be published on " + topic
                    + ": topics beginning with $ belong to the service; a device's will may only be one of its own jobs requests.");
        }
        if (retain) {
            return new Verdict(Kind.REFUSE, "A will on " + topic + " may not be retained: nothing is retained on jobs topics.");
        }
        return new Verdict(Kind.REQUEST, null);
    }
}
