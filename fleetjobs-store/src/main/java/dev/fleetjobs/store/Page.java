package dev.fleetjobs.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextCursor  the cursor of the following page, or null when this is the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
