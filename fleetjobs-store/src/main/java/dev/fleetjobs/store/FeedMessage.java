package dev.fleetjobs.store;

import java.util.Objects;

/**
 * A message for devices appended to the store's change feed by the unit of work that caused it.
 *
 * @param origin   the node that committed it (a node publishing to an external broker sends only its own)
 * @param address  where it goes (an MQTT topic); the store does not look into it
 */
public record FeedMessage(String origin, String address, byte[] payload) {

    public FeedMessage {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(payload, "payload");
    }
}
