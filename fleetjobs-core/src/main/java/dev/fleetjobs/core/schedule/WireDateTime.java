package dev.fleetjobs.core.schedule;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The date-times of {@code schedulingConfig}: the model documents {@code YYYY-MM-DD} and
 * {@code HH:MM} (spec 4.4, exact combined form UNCONFIRMED). Accepted here: ISO-8601
 * {@code 2025-01-31T14:00}, with optional seconds and fraction, and an optional {@code Z} or
 * offset; without one the time is UTC.
 */
public final class WireDateTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private WireDateTime() {
    }

    /** @throws IllegalArgumentException when the text is not such a date-time */
    public static long parseMillis(String text) {
        try {
            if (hasZone(text)) {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Member must be a date and time such as 2025-01-31T14:00 (UTC unless an offset is given)");
        }
    }

    /** The form DescribeJob uses for times it computes, such as {@code scheduledJobRollouts}: {@code 2025-01-31T14:00}, UTC. */
    public static String format(long epochMillis) {
        return MINUTES.format(LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L), 0, ZoneOffset.UTC));
    }

    private static boolean hasZone(String text) {
        int time = text.indexOf('T');
        return time >= 0 && (text.endsWith("Z") || text.indexOf('+', time) >= 0 || text.indexOf('-', time) >= 0);
    }
}
