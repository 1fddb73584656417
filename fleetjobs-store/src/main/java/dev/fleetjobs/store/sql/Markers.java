package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Page cursors of the security listings: standard base64 of a prefix and the last row's
 * creation-order key, so that they satisfy the model's Marker pattern {@code [A-Za-z0-9+/]+={0,2}}.
 */
final class Markers {

    private static final String PREFIX = "m1:";

    private Markers() {
    }

    static String of(long seq) {
        return Base64.getEncoder().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The key the cursor continues after, or {@code absent} for the first page. */
    static long seq(String cursor, long absent) {
        if (cursor == null) {
            return absent;
        }
        try {
            String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw invalid();
            }
            long seq = Long.parseLong(text.substring(PREFIX.length()));
            if (seq < 0) {
                throw invalid();
            }
            return seq;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("Invalid marker or nextToken");
    }
}
