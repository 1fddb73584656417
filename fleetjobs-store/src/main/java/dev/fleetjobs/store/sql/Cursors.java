package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page cursors: base64url of a kind prefix and the last key returned. Keys, not offsets,
 * so rows inserted between pages are neither repeated nor make others skipped.
 */
final class Cursors {

    private static final String THING_PREFIX = "t1:";
    private static final String SEQ_PREFIX = "s1:";

    private Cursors() {
    }

    static String ofThingName(String thingName) {
        return encode(THING_PREFIX + thingName);
    }

    static String ofSeq(long seq) {
        return encode(SEQ_PREFIX + seq);
    }

    /** The thing name the cursor continues after, or null for the first page. */
    static String thingName(String cursor) {
        if (cursor == null) {
            return null;
        }
        return payload(cursor, THING_PREFIX);
    }

    /** The seq the cursor continues after; 0 (before every row) for the first page. */
    static long seq(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            long seq = Long.parseLong(payload(cursor, SEQ_PREFIX));
            if (seq < 0) {
                throw invalid();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static String payload(String cursor, String prefix) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!text.startsWith(prefix)) {
            throw invalid();
        }
        return text.substring(prefix.length());
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("Invalid nextToken");
    }
}
