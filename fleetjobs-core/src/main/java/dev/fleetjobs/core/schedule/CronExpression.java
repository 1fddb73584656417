package dev.fleetjobs.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The AWS cron form of maintenance windows, {@code cron(minutes hours day-of-month month day-of-week year)},
 * evaluated in UTC. As in AWS: exactly one of day-of-month and day-of-week is {@code ?}; days of
 * the week run 1 (SUN) to 7 (SAT); {@code L} is the last day of the month, {@code 6L} the last
 * Friday, {@code 2#1} the first Monday. Not supported (refused): {@code W} (nearest weekday).
 */
public final class CronExpression {

    private static final int LAST_YEAR = 2199;
    private static final CronField MINUTES = new CronField("minutes", 0, 59, List.of());
    private static final CronField HOURS = new CronField("hours", 0, 23, List.of());
    private static final CronField DAYS_OF_MONTH = new CronField("day-of-month", 1, 31, List.of());
    private static final CronField MONTHS = new CronField("month", 1, 12,
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"));
    private static final CronField DAYS_OF_WEEK = new CronField("day-of-week", 1, 7,
            List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));
    private static final CronField YEARS = new CronField("year", 1970, LAST_YEAR, List.of());

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final DayRule days;

    private CronExpression(String text, BitSet minutes, BitSet hours, BitSet months, BitSet years, DayRule days) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.years = years;
        this.days = days;
    }

    /** @throws IllegalArgumentException naming what is wrong, in the words of a validation message */
    public static CronExpression parse(String text) {
        String body = text.strip();
        if (body.regionMatches(true, 0, "cron(", 0, 5) && body.endsWith(")")) {
            body = body.substring(5, body.length() - 1).strip();
        }
        String[] fields = body.split("\\s+");
        if (fields.length != 6) {
            throw MINUTES.invalid("expected 6 fields, found " + fields.length);
        }
        DayRule days = DayRule.parse(fields[2].toUpperCase(Locale.ROOT), fields[4].toUpperCase(Locale.ROOT));
        return new CronExpression(text, MINUTES.parse(fields[0]), HOURS.parse(fields[1]), MONTHS.parse(fields[3]),
                YEARS.parse(fields[5]), days);
    }

    /** The first whole minute at or after {@code epochMillis} that the expression selects; empty when none is left. */
    public OptionalLong nextAtOrAfter(long epochMillis) {
        long ceilMinute = Math.floorDiv(epochMillis + 59_999, 60_000) * 60_000;
        LocalDateTime start = LocalDateTime.ofEpochSecond(ceilMinute / 1000, 0, ZoneOffset.UTC);
        LocalDate date = start.toLocalDate();
        int fromMinuteOfDay = start.getHour() * 60 + start.getMinute();
        while (date.getYear() <= LAST_YEAR) {
            if (!years.get(date.getYear())) {
                int nextYear = years.nextSetBit(date.getYear() + 1);
                if (nextYear < 0) {
                    return OptionalLong.empty();
                }
                date = LocalDate.of(nextYear, 1, 1);
                fromMinuteOfDay = 0;
                continue;
            }
            if (!months.get(date.getMonthValue())) {
                date = date.withDayOfMonth(1).plusMonths(1);
                fromMinuteOfDay = 0;
                continue;
            }
            if (days.matches(date)) {
                int minuteOfDay = firstTimeAtOrAfter(fromMinuteOfDay);
                if (minuteOfDay >= 0) {
                    return OptionalLong.of(date.atStartOfDay().plusMinutes(minuteOfDay).toInstant(ZoneOffset.UTC).toEpochMilli());
                }
            }
            date = date.plusDays(1);
            fromMinuteOfDay = 0;
        }
        return OptionalLong.empty();
    }

    private int firstTimeAtOrAfter(int minuteOfDay) {
        for (int hour = hours.nextSetBit(minuteOfDay / 60); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
            int fromMinute = hour == minuteOfDay / 60 ? minuteOfDay % 60 : 0;
            int minute = minutes.nextSetBit(fromMinute);
            if (minute >= 0) {
                return hour * 60 + minute;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The day fields, of which exactly one is {@code ?}. */
    private record DayRule(BitSet daysOfMonth, boolean lastDayOfMonth, BitSet daysOfWeek, List<int[]> nthWeekdays,
                           BitSet lastWeekdays) {

        static DayRule parse(String dayOfMonth, String dayOfWeek) {
            boolean anyMonthDay = dayOfMonth.equals("?");
            boolean anyWeekDay = dayOfWeek.equals("?");
            if (anyMonthDay == anyWeekDay) {
                throw DAYS_OF_MONTH.invalid("exactly one of day-of-month and day-of-week must be ?");
            }
            if (dayOfMonth.contains("W")) {
                throw DAYS_OF_MONTH.invalid("W (nearest weekday) is not supported");
            }
            BitSet monthDays = new BitSet(32);
            boolean last = false;
            if (!anyMonthDay) {
                if (dayOfMonth.equals("L")) {
                    last = true;
                } else {
                    monthDays = DAYS_OF_MONTH.parse(dayOfMonth);
                }
            }
            BitSet weekDays = new BitSet(8);
            List<int[]> nth = new ArrayList<>();
            BitSet lastWeekdays = new BitSet(8);
            if (!anyWeekDay) {
                for (String part : dayOfWeek.split(",", -1)) {
                    int hash = part.indexOf('#');
                    if (hash > 0) {
                        int ordinal = Integer.parseInt(requireDigit(part.substring(hash + 1)));
                        if (ordinal < 1 || ordinal > 5) {
                            throw DAYS_OF_WEEK.invalid(part + ": the week of the month must be 1-5");
                        }
                        nth.add(new int[] {DAYS_OF_WEEK.value(part.substring(0, hash)), ordinal});
                    } else if (part.length() > 1 && part.endsWith("L")) {
                        lastWeekdays.set(DAYS_OF_WEEK.value(part.substring(0, part.length() - 1)));
                    } else {
                        weekDays.or(DAYS_OF_WEEK.parse(part));
                    }
                }
            }
            return new DayRule(monthDays, last, weekDays, nth, lastWeekdays);
        }

        private static String requireDigit(String text) {
            if (!text.matches("[0-9]")) {
                throw DAYS_OF_WEEK.invalid("'" + text + "' is not a week of the month");
            }
            return text;
        }

        boolean matches(LocalDate date) {
            if (lastDayOfMonth && date.getDayOfMonth() == date.lengthOfMonth()) {
                return true;
            }
            if (daysOfMonth.get(date.getDayOfMonth())) {
                return true;
            }
            int awsDay = date.getDayOfWeek().getValue() % 7 + 1;
            if (daysOfWeek.get(awsDay)) {
                return true;
            }
            for (int[] n : nthWeekdays) {
                if (n[0] == awsDay && (date.getDayOfMonth() - 1) / 7 + 1 == n[1]) {
                    return true;
                }
            }
            if (lastWeekdays.get(awsDay)) {
                DayOfWeek weekday = date.getDayOfWeek();
                return date.with(TemporalAdjusters.lastInMonth(weekday)).equals(date);
            }
            return false;
        }
    }
}
