package dev.fleetjobs.core.validation;

import dev.fleetjobs.core.model.AbortCriterion;
import dev.fleetjobs.core.model.ExponentialRate;
import dev.fleetjobs.core.model.FailureType;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.PresignedUrlConfig;
import dev.fleetjobs.core.model.RecurringWindow;
import dev.fleetjobs.core.model.RetryCriterion;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.model.ScheduleConfig;
import dev.fleetjobs.core.rules.RetryRule;
import dev.fleetjobs.core.schedule.CronExpression;
import dev.fleetjobs.core.schedule.WireDateTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a job's rollout, abort, retry and scheduling configuration against the model's
 * constraints and the documented limits (spec 4.4, 6), naming the member that fails in AWS's
 * wording. Field names follow the wire: {@code abortConfig.criteriaList.1.member.thresholdPercentage}.
 */
public final class RunConfigValidator {

    public static final String ROLLOUT = "jobExecutionsRolloutConfig";
    public static final String ABORT = "abortConfig";
    public static final String RETRY = "jobExecutionsRetryConfig";
    public static final String SCHEDULING = "schedulingConfig";
    public static final String PRESIGNED_URLS = "presignedUrlConfig";
    /** A template's maintenance windows, a top-level member there rather than part of a schedule. */
    public static final String MAINTENANCE_WINDOWS = "maintenanceWindows";

    private static final long MIN_LEAD_MILLIS = Duration.ofMinutes(30).toMillis();
    private static final long MAX_START_LEAD_MILLIS = Duration.ofDays(365).toMillis();
    private static final long MAX_END_LEAD_MILLIS = Duration.ofDays(2 * 365).toMillis();
    private static final Set<FailureType> RETRYABLE = EnumSet.of(FailureType.FAILED, FailureType.TIMED_OUT, FailureType.ALL);

    private RunConfigValidator() {
    }

    /** @param nowMillis the time the job is created, against which schedule times are checked */
    public static JobRunConfig validate(JobRunConfig config, long nowMillis) {
        Problems problems = new Problems();
        validate(config, nowMillis, problems);
        problems.throwFirst();
        return config;
    }

    /** Checks each block on its own, keeping the first refusal of each: a dry run reports them all. */
    public static void validate(JobRunConfig config, long nowMillis, Problems problems) {
        if (config.rollout() != null) {
            problems.check(() -> rollout(config.rollout()));
        }
        problems.check(() -> abort(config.abortCriteria()));
        problems.check(() -> retry(config.retryCriteria()));
        if (config.schedule() != null) {
            problems.check(() -> schedule(config.schedule(), nowMillis));
        }
        problems.check(() -> presignedUrls(config.presignedUrlConfig()));
        if (config.canary() != null) {
            problems.check(() -> CanaryConfigValidator.validate(config.canary()));
        }
    }

    /** Checks a template's configuration, whose schedule holds only {@code maintenanceWindows}. */
    public static JobRunConfig validateTemplate(JobRunConfig config) {
        if (config.rollout() != null) {
            rollout(config.rollout());
        }
        abort(config.abortCriteria());
        retry(config.retryCriteria());
        if (config.schedule() != null) {
            windows(MAINTENANCE_WINDOWS, config.schedule().maintenanceWindows());
        }
        presignedUrls(config.presignedUrlConfig());
        if (config.canary() != null) {
            CanaryConfigValidator.validate(config.canary());
        }
        return config;
    }

    /** The model's constraints on {@code presignedUrlConfig}: a role ARN of 20 to 2048 characters, 60 to 3600 seconds. */
    public static void presignedUrls(PresignedUrlConfig config) {
        if (config == null) {
            return;
        }
        if (config.roleArn() != null) {
            Validator.length(PRESIGNED_URLS + ".roleArn", config.roleArn(), PresignedUrlConfig.ROLE_ARN_MIN,
                    PresignedUrlConfig.ROLE_ARN_MAX);
        }
        if (config.expiresInSec() != null) {
            Validator.range(PRESIGNED_URLS + ".expiresInSec", config.expiresInSec(), PresignedUrlConfig.MIN_EXPIRES_IN_SEC,
                    PresignedUrlConfig.MAX_EXPIRES_IN_SEC);
        }
    }

    private static void rollout(RolloutConfig rollout) {
        if (rollout.maximumPerMinute() != null) {
            Validator.range(ROLLOUT + ".maximumPerMinute", rollout.maximumPerMinute(), 1, 1000);
        }
        ExponentialRate rate = rollout.exponentialRate();
        if (rate == null) {
            return;
        }
        String field = ROLLOUT + ".exponentialRate";
        Validator.range(field + ".baseRatePerMinute", Validator.required(field + ".baseRatePerMinute", rate.baseRatePerMinute()), 1, 1000);
        decimal(field + ".incrementFactor", Validator.required(field + ".incrementFactor", rate.incrementFactor()), 1.1, 5.0, 1);
        String criteria = field + ".rateIncreaseCriteria";
        if (rate.numberOfNotifiedThings() == null && rate.numberOfSucceededThings() == null) {
            throw Validator.invalid(criteria, null, "Member must set numberOfNotifiedThings or numberOfSucceededThings");
        }
        if (rate.numberOfNotifiedThings() != null) {
            Validator.range(criteria + ".numberOfNotifiedThings", rate.numberOfNotifiedThings(), 1, Integer.MAX_VALUE);
        }
        if (rate.numberOfSucceededThings() != null) {
            Validator.range(criteria + ".numberOfSucceededThings", rate.numberOfSucceededThings(), 1, Integer.MAX_VALUE);
        }
    }

    private static void abort(List<AbortCriterion> criteria) {
        for (int i = 0; i < criteria.size(); i++) {
            String field = ABORT + ".criteriaList." + (i + 1) + ".member";
            AbortCriterion criterion = criteria.get(i);
            Validator.required(field + ".failureType", criterion.failureType());
            String action = Validator.required(field + ".action", criterion.action());
            if (!AbortCriterion.CANCEL.equals(action)) {
                throw Validator.invalid(field + ".action", action, "Member must satisfy enum value set: [CANCEL]");
            }
            decimal(field + ".thresholdPercentage", Validator.required(field + ".thresholdPercentage", criterion.thresholdPercentage()),
                    0, 100, 2);
            Validator.range(field + ".minNumberOfExecutedThings",
                    Validator.required(field + ".minNumberOfExecutedThings", criterion.minNumberOfExecutedThings()), 1, Integer.MAX_VALUE);
        }
    }

    private static void retry(List<RetryCriterion> criteria) {
        if (criteria.size() > 2) {
            throw Validator.invalid(RETRY + ".criteriaList", null, "Member must have length less than or equal to 2");
        }
        int total = 0;
        Set<FailureType> seen = EnumSet.noneOf(FailureType.class);
        for (int i = 0; i < criteria.size(); i++) {
            String field = RETRY + ".criteriaList." + (i + 1) + ".member";
            RetryCriterion criterion = criteria.get(i);
            FailureType type = Validator.required(field + ".failureType", criterion.failureType());
            if (!RETRYABLE.contains(type)) {
                throw Validator.invalid(field + ".failureType", type.name(), "Member must satisfy enum value set: [FAILED, TIMED_OUT, ALL]");
            }
            if (!seen.add(type)) {
                throw Validator.invalid(field + ".failureType", type.name(), "Each failure type may appear only once");
            }
            total += (int) Validator.range(field + ".numberOfRetries",
                    Validator.required(field + ".numberOfRetries", criterion.numberOfRetries()), 0, RetryRule.MAX_RETRIES);
        }
        if (total > RetryRule.MAX_RETRIES) {
            throw Validator.invalid(RETRY + ".criteriaList", null,
                    "A thing may be retried at most " + RetryRule.MAX_RETRIES + " times for all failure types combined");
        }
    }

    private static void schedule(ScheduleConfig schedule, long nowMillis) {
        Long start = dateTime(SCHEDULING + ".startTime", schedule.startTime());
        Long end = dateTime(SCHEDULING + ".endTime", schedule.endTime());
        if (start != null) {
            lead(SCHEDULING + ".startTime", schedule.startTime(), start - nowMillis, MAX_START_LEAD_MILLIS, "a year");
        }
        if (end != null) {
            lead(SCHEDULING + ".endTime", schedule.endTime(), end - nowMillis, MAX_END_LEAD_MILLIS, "two years");
            if (start != null && (end - start < MIN_LEAD_MILLIS || end - start > MAX_END_LEAD_MILLIS)) {
                throw Validator.invalid(SCHEDULING + ".endTime", schedule.endTime(),
                        "Member must be between thirty minutes and two years after startTime");
            }
        }
        windows(SCHEDULING + "." + MAINTENANCE_WINDOWS, schedule.maintenanceWindows());
    }

    private static void windows(String listField, List<RecurringWindow> windows) {
        for (int i = 0; i < windows.size(); i++) {
            String field = listField + "." + (i + 1) + ".member";
            RecurringWindow window = windows.get(i);
            String cron = Validator.required(field + ".startTime", window.startTime());
            Validator.length(field + ".startTime", cron, 1, 256);
            try {
                CronExpression.parse(cron);
            } catch (IllegalArgumentException e) {
                throw Validator.invalid(field + ".startTime", cron, e.getMessage());
            }
            Validator.range(field + ".durationInMinutes", Validator.required(field + ".durationInMinutes", window.durationInMinutes()), 1, 1430);
        }
    }

    private static Long dateTime(String field, String text) {
        if (text == null) {
            return null;
        }
        Validator.length(field, text, 1, 64);
        try {
            return WireDateTime.parseMillis(text);
        } catch (IllegalArgumentException e) {
            throw Validator.invalid(field, text, e.getMessage());
        }
    }

    private static void lead(String field, String text, long leadMillis, long maxLeadMillis, String maxText) {
        if (leadMillis < MIN_LEAD_MILLIS) {
            throw Validator.invalid(field, text, "Member must be at least thirty minutes from the current time");
        }
        if (leadMillis > maxLeadMillis) {
            throw Validator.invalid(field, text, "Member must be no later than " + maxText + " from the current time");
        }
    }

    private static void decimal(String field, double value, double min, double max, int maxDecimals) {
        BigDecimal exact = BigDecimal.valueOf(value);
        if (Double.isNaN(value) || value < min) {
            throw Validator.invalid(field, exact.toPlainString(), "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw Validator.invalid(field, exact.toPlainString(), "Member must have value less than or equal to " + max);
        }
        if (exact.stripTrailingZeros().scale() > maxDecimals) {
            throw Validator.invalid(field, exact.toPlainString(), "Member must have at most " + maxDecimals + " digits after the decimal point");
        }
    }
}
