package dev.fleetjobs.sdk.models.operations;

import dev.fleetjobs.sdk.models.shared.JobExecutionStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The body of UpdateJobExecution: a status, and optionally details, a step timer, a version check and what to return. */
public final class UpdateJobExecutionRequestBody {

    private final JobExecutionStatus status;
    private final Map<String, String> statusDetails;
    private final Long stepTimeoutInMinutes;
    private final Long expectedVersion;
    private final Boolean includeJobExecutionState;
    private final Boolean includeJobDocument;
    private final Long executionNumber;

    private UpdateJobExecutionRequestBody(Builder builder) {
        this.status = Objects.requireNonNull(builder.status, "status is required");
        this.statusDetails = builder.statusDetails == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(builder.statusDetails));
        this.stepTimeoutInMinutes = builder.stepTimeoutInMinutes;
        this.expectedVersion = builder.expectedVersion;
        this.includeJobExecutionState = builder.includeJobExecutionState;
        this.includeJobDocument = builder.includeJobDocument;
        this.executionNumber = builder.executionNumber;
    }

    public static Builder builder(JobExecutionStatus status) {
        return new Builder().status(status);
    }

    public JobExecutionStatus status() {
        return status;
    }

    /** Replaces the stored details; absent keeps them. */
    public Optional<Map<String, String>> statusDetails() {
        return Optional.ofNullable(statusDetails);
    }

    /** A new step timer in minutes (1 to 10080), or -1 to cancel the current one. */
    public Optional<Long> stepTimeoutInMinutes() {
        return Optional.ofNullable(stepTimeoutInMinutes);
    }

    /** The version the execution must have, or the update is refused. */
    public Optional<Long> expectedVersion() {
        return Optional.ofNullable(expectedVersion);
    }

    public Optional<Boolean> includeJobExecutionState() {
        return Optional.ofNullable(includeJobExecutionState);
    }

    public Optional<Boolean> includeJobDocument() {
        return Optional.ofNullable(includeJobDocument);
    }

    /** Absent: the latest execution. */
    public Optional<Long> executionNumber() {
        return Optional.ofNullable(executionNumber);
    }

    public static final class Builder {

        private JobExecutionStatus status;
        private Map<String, String> statusDetails;
        private Long stepTimeoutInMinutes;
        private Long expectedVersion;
        private Boolean includeJobExecutionState;
        private Boolean includeJobDocument;
        private Long executionNumber;

        private Builder() {
        }

        public Builder status(JobExecutionStatus status) {
            this.status = status;
            return this;
        }

        public Builder statusDetails(Map<String, String> statusDetails) {
            this.statusDetails = statusDetails;
            return this;
        }

        public Builder stepTimeoutInMinutes(Long stepTimeoutInMinutes) {
            this.stepTimeoutInMinutes = stepTimeoutInMinutes;
            return this;
        }

        public Builder expectedVersion(Long expectedVersion) {
            this.expectedVersion = expectedVersion;
            return this;
        }

        public Builder includeJobExecutionState(Boolean includeJobExecutionState) {
            this.includeJobExecutionState = includeJobExecutionState;
            return this;
        }

        public Builder includeJobDocument(Boolean includeJobDocument) {
            this.includeJobDocument = includeJobDocument;
            return this;
        }

        public Builder executionNumber(Long executionNumber) {
            this.executionNumber = executionNumber;
            return this;
        }

        public UpdateJobExecutionRequestBody build() {
            return new UpdateJobExecutionRequestBody(this);
        }
    }
}
