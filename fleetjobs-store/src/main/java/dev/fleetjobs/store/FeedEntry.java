package dev.fleetjobs.store;

/**
 * A committed message of the change feed.
 *
 * @param seq  its place in commit order: an entry with a higher number was committed later, and
 *             once an entry is visible, no entry with a lower number becomes visible after it
 */
public record FeedEntry(long seq, FeedMessage message) {
}
