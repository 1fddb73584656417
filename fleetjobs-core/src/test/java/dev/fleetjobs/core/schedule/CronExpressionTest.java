package dev.fleetjobs.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static String next(String cron, String from) {
        return Instant.ofEpochMilli(CronExpression.parse(cron).nextAtOrAfter(at(from)).orElseThrow()).toString();
    }

    @Test
    void dailyAtAFixedTime() {
        assertThat(next("cron(0 2 * * ? *)", "2025-03-10T01:00:00Z")).isEqualTo("2025-03-10T02:00:00Z");
        assertThat(next("cron(0 2 * * ? *)", "2025-03-10T02:00:00Z")).as("at or after").isEqualTo("2025-03-10T02:00:00Z");
        assertThat(next("cron(0 2 * * ? *)", "2025-03-10T02:00:00.001Z")).isEqualTo("2025-03-11T02:00:00Z");
        assertThat(next("0 2 * * ? *", "2025-12-31T03:00:00Z")).as("without the cron( ) wrapper, over a year end")
                .isEqualTo("2026-01-01T02:00:00Z");
    }

    @Test
    void stepsRangesListsAndNames() {
        assertThat(next("cron(*/15 * * * ? *)", "2025-03-10T01:16:00Z")).isEqualTo("2025-03-10T01:30:00Z");
        assertThat(next("cron(0 9-17/4 * * ? *)", "2025-03-10T10:00:00Z")).isEqualTo("2025-03-10T13:00:00Z");
        assertThat(next("cron(30 1 ? * SAT,SUN *)", "2025-03-10T00:00:00Z")).as("2025-03-10 is a Monday")
                .isEqualTo("2025-03-15T01:30:00Z");
        assertThat(next("cron(0 0 ? * 2-6 *)", "2025-03-15T00:00:00Z")).as("1 is Sunday: 2-6 is MON-FRI")
                .isEqualTo("2025-03-17T00:00:00Z");
        assertThat(next("cron(0 0 1 JAN,JUL ? *)", "2025-02-01T00:00:00Z")).isEqualTo("2025-07-01T00:00:00Z");
        assertThat(next("cron(0 0 1 1 ? 2027)", "2025-02-01T00:00:00Z")).isEqualTo("2027-01-01T00:00:00Z");
    }

    @Test
    void lastDaysAndNthWeekdays() {
        assertThat(next("cron(0 0 L * ? *)", "2024-02-03T00:00:00Z")).as("leap year").isEqualTo("2024-02-29T00:00:00Z");
        assertThat(next("cron(0 0 ? * 6L *)", "2025-03-01T00:00:00Z")).as("last Friday of March 2025").isEqualTo("2025-03-28T00:00:00Z");
        assertThat(next("cron(0 0 ? * MON#1 *)", "2025-03-04T00:00:00Z")).as("first Monday of April").isEqualTo("2025-04-07T00:00:00Z");
    }

    @Test
    void nothingLeftIsEmpty() {
        assertThat(CronExpression.parse("cron(0 0 1 1 ? 2020)").nextAtOrAfter(at("2025-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void malformedExpressionsAreRefusedWithAReason() {
        assertThatThrownBy(() -> CronExpression.parse("cron(0 2 * * *)")).hasMessageContaining("6 fields");
        assertThatThrownBy(() -> CronExpression.parse("cron(0 2 * * * *)")).hasMessageContaining("exactly one of day-of-month and day-of-week");
        assertThatThrownBy(() -> CronExpression.parse("cron(0 2 ? * ? *)")).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> CronExpression.parse("cron(60 2 * * ? *)")).hasMessageContaining("minutes").hasMessageContaining("0-59");
        assertThatThrownBy(() -> CronExpression.parse("cron(0 2 15W * ? *)")).hasMessageContaining("W");
        assertThatThrownBy(() -> CronExpression.parse("cron(0 2 * FOO ? *)")).hasMessageContaining("month");
        assertThatThrownBy(() -> CronExpression.parse("cron(0 5-2 * * ? *)")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> CronExpression.parse("cron(0 2 ? * MON#9 *)")).hasMessageContaining("1-5");
    }
}
