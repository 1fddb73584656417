package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tag on the wire: the model spells its members with capitals. */
public record Tag(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {
}
