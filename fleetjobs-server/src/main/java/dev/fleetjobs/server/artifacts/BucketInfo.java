package dev.fleetjobs.server.artifacts;

/** A bucket of the built-in store. */
public record BucketInfo(String name, long createdMillis) {
}
