package dev.fleetjobs.core.schedule;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** One numeric field of a cron expression: lists of values, ranges and steps, optionally by name. */
final class CronField {

    private final String name;
    private final int min;
    private final int max;
    private final List<String> names;

    CronField(String name, int min, int max, List<String> names) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    /** The values the field text selects; {@code *} selects them all. */
    BitSet parse(String text) {
        BitSet values = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            parsePart(part, values);
        }
        return values;
    }

    private void parsePart(String part, BitSet values) {
        int step = 1;
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            step = number(part.substring(slash + 1), 1, max);
            range = part.substring(0, slash);
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else {
            int dash = range.indexOf('-');
            if (dash > 0) {
                from = value(range.substring(0, dash));
                to = value(range.substring(dash + 1));
                if (to < from) {
                    throw invalid("the range " + range + " ends before it starts");
                }
            } else {
                from = value(range);
                to = slash >= 0 ? max : from;
            }
        }
        for (int v = from; v <= to; v += step) {
            values.set(v);
        }
    }

    int value(String text) {
        int index = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (index >= 0) {
            return min + index;
        }
        return number(text, min, max);
    }

    private int number(String text, int low, int high) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid("'" + text + "' is not a value");
        }
        if (n < low || n > high) {
            throw invalid(n + " is outside " + low + "-" + high);
        }
        return n;
    }

    IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("Member must be a cron expression cron(minutes hours day-of-month month day-of-week year): "
                + name + ": " + why);
    }
}
