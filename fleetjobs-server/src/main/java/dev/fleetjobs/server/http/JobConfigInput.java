package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.AbortCriterion;
import dev.fleetjobs.core.model.EndBehavior;
import dev.fleetjobs.core.model.ExponentialRate;
import dev.fleetjobs.core.model.FailureType;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.PresignedUrlConfig;
import dev.fleetjobs.core.model.RecurringWindow;
import dev.fleetjobs.core.model.RetryCriterion;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.model.ScheduleConfig;
import dev.fleetjobs.core.validation.Problems;
import dev.fleetjobs.core.validation.RunConfigValidator;
import dev.fleetjobs.core.validation.Validator;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the job configuration blocks of CreateJob (spec 4.4) into a {@link JobRunConfig}:
 * {@code jobExecutionsRolloutConfig}, {@code abortConfig}, {@code jobExecutionsRetryConfig},
 * {@code schedulingConfig}, {@code presignedUrlConfig} and Fleetjobs' own {@code fleetjobs.canaryConfig}, and those of
 * CreateJobTemplate. Only JSON types are checked here; ranges and rules are the
 * {@link RunConfigValidator}'s, so every edge shares them.
 */
public final class JobConfigInput {

    private static final List<FailureType> RETRYABLE = List.of(FailureType.FAILED, FailureType.TIMED_OUT, FailureType.ALL);

    private JobConfigInput() {
    }

    public static JobRunConfig parse(JsonInput body) {
        Problems problems = new Problems();
        JobRunConfig config = parse(body, problems);
        problems.throwFirst();
        return config;
    }

    /** Reads each block on its own, keeping the first refusal of each; a block that could not be read is left out. */
    public static JobRunConfig parse(JsonInput body, Problems problems) {
        ScheduleConfig schedule = body.has(RunConfigValidator.SCHEDULING)
                ? problems.check(() -> schedule(body.object(RunConfigValidator.SCHEDULING))) : null;
        return new JobRunConfig(
                body.has(RunConfigValidator.ROLLOUT) ? problems.check(() -> rollout(body.object(RunConfigValidator.ROLLOUT))) : null,
                body.has(RunConfigValidator.ABORT) ? orEmpty(problems.check(() -> criteria(body.object(RunConfigValidator.ABORT),
                        JobConfigInput::abortCriterion))) : List.of(),
                body.has(RunConfigValidator.RETRY) ? orEmpty(problems.check(() -> criteria(body.object(RunConfigValidator.RETRY),
                        JobConfigInput::retryCriterion))) : List.of(),
                schedule,
                body.has(RunConfigValidator.PRESIGNED_URLS)
                        ? problems.check(() -> presignedUrls(body.object(RunConfigValidator.PRESIGNED_URLS))) : null,
                problems.check(() -> CanaryConfigInput.read(body)));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /**
     * The same blocks in CreateJobTemplate, where {@code maintenanceWindows} is a top-level member
     * instead of a {@code schedulingConfig}: they become a schedule with only windows.
     */
    public static JobRunConfig parseTemplate(JsonInput body) {
        List<RecurringWindow> windows = windows(body);
        return blocks(body, windows.isEmpty() ? null : new ScheduleConfig(null, null, null, windows));
    }

    private static JobRunConfig blocks(JsonInput body, ScheduleConfig schedule) {
        return new JobRunConfig(
                body.has(RunConfigValidator.ROLLOUT) ? rollout(body.object(RunConfigValidator.ROLLOUT)) : null,
                body.has(RunConfigValidator.ABORT) ? criteria(body.object(RunConfigValidator.ABORT), JobConfigInput::abortCriterion) : List.of(),
                body.has(RunConfigValidator.RETRY) ? criteria(body.object(RunConfigValidator.RETRY), JobConfigInput::retryCriterion) : List.of(),
                schedule,
                body.has(RunConfigValidator.PRESIGNED_URLS) ? presignedUrls(body.object(RunConfigValidator.PRESIGNED_URLS)) : null,
                CanaryConfigInput.read(body));
    }

    /** UpdateJob's {@code presignedUrlConfig}, or null when not given. */
    public static PresignedUrlConfig presignedUrlsOf(JsonInput body) {
        return body.has(RunConfigValidator.PRESIGNED_URLS) ? presignedUrls(body.object(RunConfigValidator.PRESIGNED_URLS)) : null;
    }

    private static PresignedUrlConfig presignedUrls(JsonInput config) {
        return new PresignedUrlConfig(config.string("roleArn"), config.longValue("expiresInSec"));
    }

    private static RolloutConfig rollout(JsonInput rollout) {
        ExponentialRate rate = null;
        if (rollout.has("exponentialRate")) {
            JsonInput exponential = rollout.object("exponentialRate");
            JsonInput criteria = exponential.object("rateIncreaseCriteria");
            if (!exponential.has("rateIncreaseCriteria")) {
                throw Validator.invalid(RunConfigValidator.ROLLOUT + ".exponentialRate.rateIncreaseCriteria", null, "Member must not be null");
            }
            rate = new ExponentialRate(exponential.intValue("baseRatePerMinute"), exponential.doubleValue("incrementFactor"),
                    criteria.intValue("numberOfNotifiedThings"), criteria.intValue("numberOfSucceededThings"));
        }
        return new RolloutConfig(rollout.intValue("maximumPerMinute"), rate);
    }

    /** A {@code criteriaList} of at least one entry (both models say min 1). */
    private static <T> List<T> criteria(JsonInput config, Function<JsonInput, T> entry) {
        List<JsonInput> list = config.objectList("criteriaList");
        String field = config.qualifiedName("criteriaList");
        if (list == null) {
            throw Validator.invalid(field, null, "Member must not be null");
        }
        if (list.isEmpty()) {
            throw Validator.invalid(field, "[]", "Member must have length greater than or equal to 1");
        }
        return list.stream().map(entry).toList();
    }

    private static AbortCriterion abortCriterion(JsonInput criterion) {
        return new AbortCriterion(Enums.parse(FailureType.class, criterion.qualifiedName("failureType"), criterion.string("failureType")),
                criterion.string("action"), criterion.doubleValue("thresholdPercentage"), criterion.intValue("minNumberOfExecutedThings"));
    }

    /** Retry criteria have their own enum in the model ({@code RetryableFailureType}): no REJECTED. */
    private static RetryCriterion retryCriterion(JsonInput criterion) {
        String field = criterion.qualifiedName("failureType");
        String value = criterion.string("failureType");
        FailureType type = null;
        if (value != null) {
            type = RETRYABLE.stream().filter(t -> t.name().equals(value)).findFirst().orElseThrow(
                    () -> Validator.invalid(field, value, "Member must satisfy enum value set: " + RETRYABLE));
        }
        return new RetryCriterion(type, criterion.intValue("numberOfRetries"));
    }

    private static ScheduleConfig schedule(JsonInput schedule) {
        return new ScheduleConfig(schedule.string("startTime"), schedule.string("endTime"),
                Enums.parse(EndBehavior.class, schedule.qualifiedName("endBehavior"), schedule.string("endBehavior")),
                windows(schedule));
    }

    private static List<RecurringWindow> windows(JsonInput owner) {
        List<JsonInput> windows = owner.objectList(RunConfigValidator.MAINTENANCE_WINDOWS);
        return windows == null ? List.of() : windows.stream()
                .map(w -> new RecurringWindow(w.string("startTime"), w.intValue("durationInMinutes"))).toList();
    }
}
