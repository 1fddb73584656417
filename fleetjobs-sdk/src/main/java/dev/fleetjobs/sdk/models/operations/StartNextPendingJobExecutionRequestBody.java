package dev.fleetjobs.sdk.models.operations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The body of StartNextPendingJobExecution; both members are optional. */
public final class StartNextPendingJobExecutionRequestBody {

    private final Map<String, String> statusDetails;
    private final Long stepTimeoutInMinutes;

    private StartNextPendingJobExecutionRequestBody(Builder builder) {
        this.statusDetails = builder.statusDetails == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(builder.statusDetails));
        this.stepTimeoutInMinutes = builder.stepTimeoutInMinutes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Replaces the execution's status details when it moves from QUEUED to IN_PROGRESS. */
    public Optional<Map<String, String>> statusDetails() {
        return Optional.ofNullable(statusDetails);
    }

    /** Starts a step timer of this many minutes (1 to 10080). */
    public Optional<Long> stepTimeoutInMinutes() {
        return Optional.ofNullable(stepTimeoutInMinutes);
    }

    public static final class Builder {

        private Map<String, String> statusDetails;
        private Long stepTimeoutInMinutes;

        private Builder() {
        }

        public Builder statusDetails(Map<String, String> statusDetails) {
            this.statusDetails = statusDetails;
            return this;
        }

        public Builder stepTimeoutInMinutes(Long stepTimeoutInMinutes) {
            this.stepTimeoutInMinutes = stepTimeoutInMinutes;
            return this;
        }

        public StartNextPendingJobExecutionRequestBody build() {
            return new StartNextPendingJobExecutionRequestBody(this);
        }
    }
}
