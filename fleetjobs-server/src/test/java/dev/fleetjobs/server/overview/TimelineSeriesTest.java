package dev.fleetjobs.server.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.store.TimelineEvents;
import dev.fleetjobs.store.TimelineEvents.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineSeriesTest {

    @Test
    void stepsAreRoundAndCoverTheSpanInAtMostThePoints() {
        assertThat(TimelineSeries.stepFor(0, 1_000, 120)).isEqualTo(1_000);
        assertThat(TimelineSeries.stepFor(0, 120_000, 120)).isEqualTo(1_000);
        assertThat(TimelineSeries.stepFor(0, 121_000, 120)).isEqualTo(2_000);
        assertThat(TimelineSeries.stepFor(0, 3_600_000, 120)).isEqualTo(30_000);
        assertThat(TimelineSeries.stepFor(0, 400L * 86_400_000, 120)).isEqualTo(4L * 86_400_000);
        assertThat(TimelineSeries.stepFor(5, 5, 10)).isEqualTo(1_000);
    }

    @Test
    void eachExecutionMovesFromQueuedToInProgressToItsEndStatus() {
        List<TimelineEvents> events = List.of(
                new TimelineEvents(Kind.QUEUED, null, 0, 3),
                new TimelineEvents(Kind.STARTED, null, 1, 2),
                new TimelineEvents(Kind.ENDED_STARTED, ExecutionStatus.SUCCEEDED, 2, 1),
                new TimelineEvents(Kind.ENDED_QUEUED, ExecutionStatus.CANCELED, 3, 1),
                new TimelineEvents(Kind.ENDED_STARTED, ExecutionStatus.TIMED_OUT, 99, 1));
        TimelineSeries series = TimelineSeries.of(events, 0, 4_000, 1_000);

        assertThat(series.buckets()).isEqualTo(4);
        assertThat(series.counts().get(ExecutionStatus.QUEUED)).containsExactly(3, 1, 1, 0);
        assertThat(series.counts().get(ExecutionStatus.IN_PROGRESS)).containsExactly(0, 2, 1, 0);
        assertThat(series.counts().get(ExecutionStatus.SUCCEEDED)).containsExactly(0, 0, 1, 1);
        assertThat(series.counts().get(ExecutionStatus.CANCELED)).containsExactly(0, 0, 0, 1);
        // An event after the last bucket (a clock read a moment later) counts in the last one.
        assertThat(series.counts().get(ExecutionStatus.TIMED_OUT)).containsExactly(0, 0, 0, 1);
        assertThat(series.timeOf(0)).isEqualTo(1_000);
        assertThat(series.timeOf(3)).isEqualTo(4_000);
    }

    @Test
    void aJobWithoutExecutionsIsFlatZero() {
        TimelineSeries series = TimelineSeries.of(List.of(), 10_000, 10_000, 1_000);
        assertThat(series.buckets()).isEqualTo(1);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            assertThat(series.counts().get(status)).containsExactly(0);
        }
    }
}
