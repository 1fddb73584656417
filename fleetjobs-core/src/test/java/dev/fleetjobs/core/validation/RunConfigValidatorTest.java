package dev.fleetjobs.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.AbortCriterion;
import dev.fleetjobs.core.model.EndBehavior;
import dev.fleetjobs.core.model.ExponentialRate;
import dev.fleetjobs.core.model.FailureType;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.RecurringWindow;
import dev.fleetjobs.core.model.RetryCriterion;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.model.ScheduleConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunConfigValidatorTest {

    private static final long NOW = Instant.parse("2025-03-10T12:00:00Z").toEpochMilli();

    private static JobRunConfig rollout(RolloutConfig rollout) {
        return new JobRunConfig(rollout, List.of(), List.of(), null);
    }

    private static JobRunConfig abort(AbortCriterion... criteria) {
        return new JobRunConfig(null, List.of(criteria), List.of(), null);
    }

    private static JobRunConfig retry(RetryCriterion... criteria) {
        return new JobRunConfig(null, List.of(), List.of(criteria), null);
    }

    private static JobRunConfig schedule(String start, String end, RecurringWindow... windows) {
        return new JobRunConfig(null, List.of(), List.of(), new ScheduleConfig(start, end, EndBehavior.CANCEL, List.of(windows)));
    }

    private static void refused(JobRunConfig config, String field, String constraint) {
        assertThatThrownBy(() -> RunConfigValidator.validate(config, NOW))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at '" + field + "'")
                .hasMessageContaining(constraint);
    }

    @Test
    void aFullValidConfigurationPasses() {
        JobRunConfig config = new JobRunConfig(new RolloutConfig(100, new ExponentialRate(10, 1.5, 50, null)),
                List.of(new AbortCriterion(FailureType.ALL, "CANCEL", 12.5, 10)),
                List.of(new RetryCriterion(FailureType.FAILED, 4), new RetryCriterion(FailureType.TIMED_OUT, 6)),
                new ScheduleConfig("2025-03-10T12:30", "2025-03-10T13:00", EndBehavior.FORCE_CANCEL,
                        List.of(new RecurringWindow("cron(0 2 * * ? *)", 1430))));
        assertThat(RunConfigValidator.validate(config, NOW)).isSameAs(config);
    }

    @Test
    void rolloutRatesAreWithinTheirRanges() {
        refused(rollout(new RolloutConfig(0, null)), "jobExecutionsRolloutConfig.maximumPerMinute", "greater than or equal to 1");
        refused(rollout(new RolloutConfig(1001, null)), "jobExecutionsRolloutConfig.maximumPerMinute", "less than or equal to 1000");
        refused(rollout(new RolloutConfig(null, new ExponentialRate(null, 2.0, 1, null))),
                "jobExecutionsRolloutConfig.exponentialRate.baseRatePerMinute", "must not be null");
        refused(rollout(new RolloutConfig(null, new ExponentialRate(5, 1.0, 1, null))),
                "jobExecutionsRolloutConfig.exponentialRate.incrementFactor", "greater than or equal to 1.1");
        refused(rollout(new RolloutConfig(null, new ExponentialRate(5, 1.55, 1, null))),
                "jobExecutionsRolloutConfig.exponentialRate.incrementFactor", "at most 1 digits");
        refused(rollout(new RolloutConfig(null, new ExponentialRate(5, 5.1, 1, null))),
                "jobExecutionsRolloutConfig.exponentialRate.incrementFactor", "less than or equal to 5.0");
        refused(rollout(new RolloutConfig(null, new ExponentialRate(5, 2.0, null, null))),
                "jobExecutionsRolloutConfig.exponentialRate.rateIncreaseCriteria", "numberOfNotifiedThings or numberOfSucceededThings");
        refused(rollout(new RolloutConfig(null, new ExponentialRate(5, 2.0, null, 0))),
                "jobExecutionsRolloutConfig.exponentialRate.rateIncreaseCriteria.numberOfSucceededThings", "greater than or equal to 1");
    }

    @Test
    void abortCriteriaNeedEveryMemberInRange() {
        refused(abort(new AbortCriterion(null, "CANCEL", 10.0, 1)), "abortConfig.criteriaList.1.member.failureType", "must not be null");
        refused(abort(new AbortCriterion(FailureType.FAILED, "STOP", 10.0, 1)), "abortConfig.criteriaList.1.member.action", "[CANCEL]");
        refused(abort(new AbortCriterion(FailureType.FAILED, "CANCEL", 100.01, 1)),
                "abortConfig.criteriaList.1.member.thresholdPercentage", "less than or equal to 100");
        refused(abort(new AbortCriterion(FailureType.FAILED, "CANCEL", 10.999, 1)),
                "abortConfig.criteriaList.1.member.thresholdPercentage", "at most 2 digits");
        refused(abort(new AbortCriterion(FailureType.FAILED, "CANCEL", 10.0, 1), new AbortCriterion(FailureType.ALL, "CANCEL", 10.0, 0)),
                "abortConfig.criteriaList.2.member.minNumberOfExecutedThings", "greater than or equal to 1");
    }

    @Test
    void retriesAreFailedOrTimedOutOrAll_atMostTenInAll() {
        refused(retry(new RetryCriterion(FailureType.REJECTED, 1)), "jobExecutionsRetryConfig.criteriaList.1.member.failureType",
                "[FAILED, TIMED_OUT, ALL]");
        refused(retry(new RetryCriterion(FailureType.FAILED, 11)), "jobExecutionsRetryConfig.criteriaList.1.member.numberOfRetries",
                "less than or equal to 10");
        refused(retry(new RetryCriterion(FailureType.FAILED, 6), new RetryCriterion(FailureType.TIMED_OUT, 5)),
                "jobExecutionsRetryConfig.criteriaList", "at most 10 times");
        refused(retry(new RetryCriterion(FailureType.FAILED, 1), new RetryCriterion(FailureType.FAILED, 1)),
                "jobExecutionsRetryConfig.criteriaList.2.member.failureType", "only once");
        refused(retry(new RetryCriterion(FailureType.FAILED, 1), new RetryCriterion(FailureType.TIMED_OUT, 1),
                new RetryCriterion(FailureType.ALL, 1)), "jobExecutionsRetryConfig.criteriaList", "less than or equal to 2");
        assertThat(RunConfigValidator.validate(retry(new RetryCriterion(FailureType.ALL, 10)), NOW)).isNotNull();
    }

    @Test
    void scheduleTimesAreAtLeastThirtyMinutesAheadAndWithinTheirLimits() {
        assertThat(RunConfigValidator.validate(schedule("2025-03-10T12:30", null), NOW)).as("exactly 30 minutes ahead").isNotNull();
        refused(schedule("2025-03-10T12:29", null), "schedulingConfig.startTime", "at least thirty minutes");
        refused(schedule("2026-03-11T12:00", null), "schedulingConfig.startTime", "no later than a year");
        refused(schedule(null, "2027-03-11T12:00"), "schedulingConfig.endTime", "no later than two years");
        refused(schedule("2025-03-10T13:00", "2025-03-10T13:29"), "schedulingConfig.endTime", "thirty minutes and two years after startTime");
        refused(schedule("tomorrow", null), "schedulingConfig.startTime", "2025-01-31T14:00");
    }

    @Test
    void maintenanceWindowsNeedAValidCronAndDuration() {
        refused(schedule(null, null, new RecurringWindow("cron(0 2 * * *)", 60)),
                "schedulingConfig.maintenanceWindows.1.member.startTime", "6 fields");
        refused(schedule(null, null, new RecurringWindow("cron(0 2 * * ? *)", 1431)),
                "schedulingConfig.maintenanceWindows.1.member.durationInMinutes", "less than or equal to 1430");
        refused(schedule(null, null, new RecurringWindow(null, 10)),
                "schedulingConfig.maintenanceWindows.1.member.startTime", "must not be null");
    }
}
