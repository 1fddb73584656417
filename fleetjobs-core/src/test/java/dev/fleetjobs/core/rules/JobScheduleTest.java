package dev.fleetjobs.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.EndBehavior;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RecurringWindow;
import dev.fleetjobs.core.model.ScheduleConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobScheduleTest {

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void scheduledUntilStartTimeThenInProgressUntilTheEnd() {
        JobSchedule schedule = new JobSchedule(new ScheduleConfig("2025-03-10T12:00", "2025-03-10T13:00", EndBehavior.CANCEL, List.of()));
        assertThat(schedule.statusAt(at("2025-03-10T11:59:59.999Z"))).isEqualTo(JobStatus.SCHEDULED);
        assertThat(schedule.statusAt(at("2025-03-10T12:00:00Z"))).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(schedule.nextChangeAfter(at("2025-03-10T11:00:00Z"))).isEqualTo(at("2025-03-10T12:00:00Z"));
        assertThat(schedule.nextChangeAfter(at("2025-03-10T12:00:00Z"))).isEqualTo(at("2025-03-10T13:00:00Z"));
        assertThat(schedule.hasEnded(at("2025-03-10T12:59:59.999Z"))).isFalse();
        assertThat(schedule.hasEnded(at("2025-03-10T13:00:00Z"))).isTrue();
        assertThat(schedule.nextChangeAfter(at("2025-03-10T13:00:00Z"))).isNull();
    }

    @Test
    void maintenanceWindowsOpenAtTheirCronMinuteAndCloseAfterTheirDuration() {
        JobSchedule schedule = new JobSchedule(new ScheduleConfig(null, null, null,
                List.of(new RecurringWindow("cron(0 2 * * ? *)", 60))));
        assertThat(schedule.isOpen(at("2025-03-10T01:59:59Z"))).isFalse();
        assertThat(schedule.isOpen(at("2025-03-10T02:00:00Z"))).isTrue();
        assertThat(schedule.isOpen(at("2025-03-10T02:59:59.999Z"))).isTrue();
        assertThat(schedule.isOpen(at("2025-03-10T03:00:00Z"))).isFalse();
        assertThat(schedule.nextChangeAfter(at("2025-03-10T01:00:00Z"))).isEqualTo(at("2025-03-10T02:00:00Z"));
        assertThat(schedule.nextChangeAfter(at("2025-03-10T02:10:00Z"))).isEqualTo(at("2025-03-10T03:00:00Z"));
        assertThat(schedule.nextChangeAfter(at("2025-03-10T03:00:00Z"))).isEqualTo(at("2025-03-11T02:00:00Z"));
    }

    @Test
    void windowsCountOnlyFromStartTimeAndOverlappingWindowsStayOpen() {
        JobSchedule schedule = new JobSchedule(new ScheduleConfig("2025-03-11T00:00", null, null, List.of(
                new RecurringWindow("cron(0 2 * * ? *)", 60), new RecurringWindow("cron(30 2 * * ? *)", 60))));
        assertThat(schedule.isOpen(at("2025-03-10T02:30:00Z"))).as("before startTime").isFalse();
        assertThat(schedule.isOpen(at("2025-03-11T03:10:00Z"))).as("second window still open").isTrue();
        assertThat(schedule.isOpen(at("2025-03-11T03:30:00Z"))).isFalse();
    }

    @Test
    void upcomingWindowStartsAreTheNextSevenBeforeTheEnd() {
        JobSchedule schedule = new JobSchedule(new ScheduleConfig(null, "2025-03-14T12:00", null,
                List.of(new RecurringWindow("cron(0 2 * * ? *)", 30), new RecurringWindow("cron(0 14 ? * MON *)", 30))));
        List<Long> starts = schedule.upcomingWindowStarts(at("2025-03-10T02:00:00Z"), 7);
        assertThat(starts).containsExactly(at("2025-03-10T14:00:00Z"), at("2025-03-11T02:00:00Z"), at("2025-03-12T02:00:00Z"),
                at("2025-03-13T02:00:00Z"), at("2025-03-14T02:00:00Z"));
    }

    @Test
    void withoutAScheduleAJobIsAlwaysOpen() {
        JobSchedule none = new JobSchedule(null);
        assertThat(none.isOpen(0)).isTrue();
        assertThat(none.nextChangeAfter(0)).isNull();
        assertThat(none.upcomingWindowStarts(0, 7)).isEmpty();
    }
}
