package dev.fleetjobs.sdk.models.operations;

import java.util.Optional;

/**
 * {@code PUT /things/{thingName}/jobs/$next}: starts the thing's next pending execution, or
 * returns the one already IN_PROGRESS.
 */
public final class StartNextPendingJobExecutionRequest extends OperationRequest {

    private final String thingName;
    private final StartNextPendingJobExecutionRequestBody requestBody;

    private StartNextPendingJobExecutionRequest(Builder builder) {
        super(builder);
        this.thingName = required(builder.thingName, "thingName");
        this.requestBody = builder.requestBody;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public String thingName() {
        return thingName;
    }

    /** Absent: an empty body, {@code {}}. */
    public Optional<StartNextPendingJobExecutionRequestBody> requestBody() {
        return Optional.ofNullable(requestBody);
    }

    public static final class Builder extends OperationRequest.Builder<Builder> {

        private String thingName;
        private StartNextPendingJobExecutionRequestBody requestBody;

        private Builder() {
        }

        private Builder(StartNextPendingJobExecutionRequest from) {
            super(from);
            thingName = from.thingName;
            requestBody = from.requestBody;
        }

        public Builder thingName(String thingName) {
            this.thingName = thingName;
            return this;
        }

        public Builder requestBody(StartNextPendingJobExecutionRequestBody requestBody) {
            this.requestBody = requestBody;
            return this;
        }

        public StartNextPendingJobExecutionRequest build() {
            return new StartNextPendingJobExecutionRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
