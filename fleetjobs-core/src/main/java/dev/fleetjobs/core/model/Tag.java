package dev.fleetjobs.core.model;

import java.util.Objects;

/** A tag on a resource; the value may be empty but not null. */
public record Tag(String key, String value) {

    public Tag {
        Objects.requireNonNull(key, "key");
        value = value == null ? "" : value;
    }
}
