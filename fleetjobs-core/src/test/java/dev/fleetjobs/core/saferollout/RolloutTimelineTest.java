package dev.fleetjobs.core.saferollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.CanaryConfig;
import dev.fleetjobs.core.model.CanaryStage;
import dev.fleetjobs.core.model.EndBehavior;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.RecurringWindow;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.model.ScheduleConfig;
import dev.fleetjobs.core.schedule.WireDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutTimelineTest {

    private static final long T0 = WireDateTime.parseMillis("2025-03-10T12:00");
    private static final long MINUTE = 60_000L;

    private static JobRunConfig rate(int perMinute) {
        return new JobRunConfig(new RolloutConfig(perMinute, null), List.of(), List.of(), null);
    }

    @Test
    void withoutARateEveryThingGoesOutAtCreation() {
        RolloutTimeline.Projection plan = RolloutTimeline.project(JobRunConfig.NONE, 7, T0);
        assertThat(plan.segments()).containsExactly(new RolloutTimeline.Segment(T0, T0, 7, 7, null));
        assertThat(plan.allReleasedAtMillis()).isEqualTo(T0);
        assertThat(RolloutTimeline.project(JobRunConfig.NONE, 0, T0).allReleasedAtMillis()).isNull();
    }

    @Test
    void aConstantRateIsOneRunEndingWithTheRemainder() {
        RolloutTimeline.Projection plan = RolloutTimeline.project(rate(10), 95, T0);
        assertThat(plan.segments()).containsExactly(new RolloutTimeline.Segment(T0, T0 + 9 * MINUTE, 10, 95, null));
        assertThat(plan.allReleasedAtMillis()).isEqualTo(T0 + 9 * MINUTE);
        assertThat(plan.unreleased()).isZero();
    }

    @Test
    void maintenanceWindowsSplitTheRunsAndAnEndLeavesTheRestUnreleased() {
        ScheduleConfig schedule = new ScheduleConfig("2025-03-10T13:00", "2025-03-11T13:30", EndBehavior.STOP_ROLLOUT,
                List.of(new RecurringWindow("cron(0 14 * * ? *)", 2)));
        JobRunConfig config = new JobRunConfig(new RolloutConfig(3, null), List.of(), List.of(), schedule);
        RolloutTimeline.Projection plan = RolloutTimeline.project(config, 20, T0);
        long day1 = WireDateTime.parseMillis("2025-03-10T14:00");
        long day2 = WireDateTime.parseMillis("2025-03-11T14:00");
        assertThat(plan.segments()).containsExactly(new RolloutTimeline.Segment(day1, day1 + MINUTE, 3, 6, null));
        assertThat(plan.unreleased()).as("the end comes before the second day's window").isEqualTo(14);
        assertThat(plan.allReleasedAtMillis()).isNull();
        assertThat(day2).isGreaterThan(schedule.endMillis());
    }

    @Test
    void canaryStagesComeFirstEachInARunOfItsOwn() {
        JobRunConfig config = new JobRunConfig(new RolloutConfig(4, null), List.of(), List.of(), null,
                new CanaryConfig(List.of(new CanaryStage(2, null, null, 100.0, null), new CanaryStage(null, 50.0, null, 100.0, null))));
        RolloutTimeline.Projection plan = RolloutTimeline.project(config, 10, T0);
        assertThat(plan.canaryStageSizes()).containsExactly(2, 5);
        // Four a minute: the first stage's two and two of the second in the first minute (its gate taken to open at once),
        // the second stage's other three and one more in the second minute, the last two in the third.
        assertThat(plan.segments()).containsExactly(
                new RolloutTimeline.Segment(T0, T0, 2, 2, 0),
                new RolloutTimeline.Segment(T0, T0, 2, 2, 1),
                new RolloutTimeline.Segment(T0 + MINUTE, T0 + MINUTE, 3, 3, 1),
                new RolloutTimeline.Segment(T0 + MINUTE, T0 + MINUTE, 1, 1, null),
                new RolloutTimeline.Segment(T0 + 2 * MINUTE, T0 + 2 * MINUTE, 2, 2, null));
        assertThat(plan.allReleasedAtMillis()).isEqualTo(T0 + 2 * MINUTE);
    }

    @Test
    void longRolloutsAreListedUpToTheLimitAndCountedInFull() {
        ScheduleConfig windows = new ScheduleConfig(null, null, null, List.of(new RecurringWindow("cron(0 * * * ? *)", 1)));
        JobRunConfig config = new JobRunConfig(new RolloutConfig(1, null), List.of(), List.of(), windows);
        RolloutTimeline.Projection plan = RolloutTimeline.project(config, 150, T0);
        assertThat(plan.segments()).hasSize(RolloutTimeline.MAX_SEGMENTS);
        assertThat(plan.truncated()).isTrue();
        assertThat(plan.allReleasedAtMillis()).as("one an hour, the first now (the window opens on the hour)")
                .isEqualTo(T0 + 149L * 60 * MINUTE);
    }
}
