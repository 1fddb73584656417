package dev.fleetjobs.store.sql;

import dev.fleetjobs.core.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page cursors: base64url of a kind prefix and the last key returned. Keys, not offsets,
 * so rows inserted between pages are neither repeated nor make others skipped. The prefix makes
 * a cursor of one listing useless to another.
 */
final class Cursors {

    /** The listings, each with its own prefix. */
    enum Kind {
        THING("t1:"),
        GROUP("g1:"),
        JOB("j1:"),
        TEMPLATE("p1:"),
        TAG("k1:"),
        MEMBER("m1:"),
        SEQ("s1:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /** Where a walk over a group's members stopped: the group, and the last thing returned from it. */
    record MemberPosition(String groupName, String thingName) {
    }

    // Neither group names nor thing names may contain it.
    private static final char SEPARATOR = '/';

    private Cursors() {
    }

    static String ofThingName(String thingName) {
        return of(Kind.THING, thingName);
    }

    static String ofSeq(long seq) {
        return of(Kind.SEQ, Long.toString(seq));
    }

    static String ofMember(String groupName, String thingName) {
        return of(Kind.MEMBER, groupName + SEPARATOR + thingName);
    }

    static String of(Kind kind, String key) {
        return encode(kind.prefix + key);
    }

    /** The thing name the cursor continues after, or null for the first page. */
    static String thingName(String cursor) {
        return key(Kind.THING, cursor);
    }

    /** The key the cursor continues after, or null for the first page. */
    static String key(Kind kind, String cursor) {
        if (cursor == null) {
            return null;
        }
        return payload(cursor, kind.prefix);
    }

    /** The key the cursor continues after, or "" (before every name) for the first page. */
    static String keyOrStart(Kind kind, String cursor) {
        String key = key(kind, cursor);
        return key == null ? "" : key;
    }

    /** Where a member walk continues, or null for the first page. */
    static MemberPosition member(String cursor) {
        String key = key(Kind.MEMBER, cursor);
        if (key == null) {
            return null;
        }
        int split = key.indexOf(SEPARATOR);
        if (split <= 0 || split == key.length() - 1) {
            throw invalid();
        }
        return new MemberPosition(key.substring(0, split), key.substring(split + 1));
    }

    /** The seq the cursor continues after; 0 (before every row) for the first page. */
    static long seq(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            long seq = Long.parseLong(payload(cursor, Kind.SEQ.prefix));
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
