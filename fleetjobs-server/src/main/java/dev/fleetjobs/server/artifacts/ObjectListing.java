package dev.fleetjobs.server.artifacts;

import java.util.List;

/**
 * One page of ListObjectsV2.
 *
 * @param lastReturned the last key or common prefix of the page: where the next page starts after, or null
 */
public record ObjectListing(List<StoredObject> contents, List<String> commonPrefixes, boolean truncated, String lastReturned) {
}
