package dev.fleetjobs.cli.dev;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How far to move the clock: {@code 90} or {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, or a mix such as {@code 1h30m}. */
final class ClockDuration {

    private static final Pattern PLAIN_SECONDS = Pattern.compile("\\d+");
    private static final Pattern WITH_UNITS = Pattern.compile("(\\d+[dhms])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

    private ClockDuration() {
    }

    /** @throws IllegalArgumentException when the text is not such a duration (or too long to add up) */
    static long seconds(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("-")) {
            throw new IllegalArgumentException("'" + text + "': negative durations are refused, the job clock only moves forward");
        }
        try {
            if (PLAIN_SECONDS.matcher(trimmed).matches()) {
                return Long.parseLong(trimmed);
            }
            if (WITH_UNITS.matcher(trimmed).matches()) {
                long total = 0;
                Matcher part = PART.matcher(trimmed);
                while (part.find()) {
                    total = Math.addExact(total, Math.multiplyExact(Long.parseLong(part.group(1)), unitSeconds(part.group(2))));
                }
                return total;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration such as 90s, 15m, 2h, 1d or 1h30m");
    }

    private static long unitSeconds(String unit) {
        return switch (unit) {
            case "d" -> 86_400L;
            case "h" -> 3_600L;
            case "m" -> 60L;
            default -> 1L;
        };
    }
}
