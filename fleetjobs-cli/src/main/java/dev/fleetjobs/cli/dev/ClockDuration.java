package dev.fleetjobs.cli.dev;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How far to move the clock: {@code 90} or {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, or a mix such as {@code 1h30m}. */
final class ClockDuration {

    private static final Pattern PART = Pattern.compile("(\\d+)([dhms]?)");

    private ClockDuration() {
    }

    /** @throws IllegalArgumentException when the text is not such a duration */
    static long seconds(String text) {
        String trimmed = text.strip().toLowerCase(java.util.Locale.ROOT);
        Matcher part = PART.matcher(trimmed);
        long total = 0;
        int at = 0;
        while (at < trimmed.length() && part.find(at) && part.start() == at) {
            long amount = Long.parseLong(part.group(1));
            total = Math.addExact(total, Math.multiplyExact(amount, switch (part.group(2)) {
                case "d" -> 86_400L;
                case "h" -> 3_600L;
                case "m" -> 60L;
                default -> 1L;
            }));
            at = part.end();
            if (part.group(2).isEmpty() && at < trimmed.length()) {
                break;
            }
        }
        if (trimmed.isEmpty() || at != trimmed.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 90s, 15m, 2h, 1d or 1h30m");
        }
        return total;
    }
}
