package dev.fleetjobs.server.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.store.ProgressSample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineSeriesTest {

    private static JobProgress queuedAndSucceeded(long queued, long succeeded) {
        return new JobProgress(Map.of(ExecutionStatus.QUEUED, queued, ExecutionStatus.SUCCEEDED, succeeded));
    }

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
    void eachBucketHoldsItsLastSampleOrTheOneBeforeAndTheLastOneNow() {
        List<ProgressSample> samples = List.of(
                new ProgressSample("j", 10_000, queuedAndSucceeded(4, 0)),
                new ProgressSample("j", 10_500, queuedAndSucceeded(3, 1)),
                new ProgressSample("j", 12_200, queuedAndSucceeded(2, 2)));
        TimelineSeries series = TimelineSeries.of(samples, queuedAndSucceeded(0, 4), 14_000, 10);

        assertThat(series.fromMillis()).isEqualTo(10_000);
        assertThat(series.stepMillis()).isEqualTo(1_000);
        assertThat(series.buckets()).isEqualTo(4);
        assertThat(series.counts().get(ExecutionStatus.QUEUED)).containsExactly(3, 3, 2, 0);
        assertThat(series.counts().get(ExecutionStatus.SUCCEEDED)).containsExactly(1, 1, 2, 4);
        assertThat(series.counts().get(ExecutionStatus.FAILED)).containsExactly(0, 0, 0, 0);
        assertThat(series.timeOf(0)).isEqualTo(11_000);
        assertThat(series.timeOf(3)).isEqualTo(14_000);
    }

    @Test
    void withoutSamplesTheChartIsTheCountsOfNow() {
        TimelineSeries series = TimelineSeries.of(List.of(), queuedAndSucceeded(2, 1), 10_000, 120);
        assertThat(series.buckets()).isEqualTo(1);
        assertThat(series.counts().get(ExecutionStatus.QUEUED)).containsExactly(2);
        assertThat(series.counts().get(ExecutionStatus.SUCCEEDED)).containsExactly(1);
    }
}
