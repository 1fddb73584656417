package dev.fleetjobs.sdk.models.operations;

import java.util.Objects;

/** {@code POST /things/{thingName}/jobs/{jobId}}: reports the status of one execution. */
public final class UpdateJobExecutionRequest extends OperationRequest {

    private final String thingName;
    private final String jobId;
    private final UpdateJobExecutionRequestBody requestBody;

    private UpdateJobExecutionRequest(Builder builder) {
        super(builder);
        this.thingName = required(builder.thingName, "thingName");
        this.jobId = required(builder.jobId, "jobId");
        this.requestBody = Objects.requireNonNull(builder.requestBody, "requestBody is required");
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

    public String jobId() {
        return jobId;
    }

    public UpdateJobExecutionRequestBody requestBody() {
        return requestBody;
    }

    public static final class Builder extends OperationRequest.Builder<Builder> {

        private String thingName;
        private String jobId;
        private UpdateJobExecutionRequestBody requestBody;

        private Builder() {
        }

        private Builder(UpdateJobExecutionRequest from) {
            super(from);
            thingName = from.thingName;
            jobId = from.jobId;
            requestBody = from.requestBody;
        }

        public Builder thingName(String thingName) {
            this.thingName = thingName;
            return this;
        }

        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        public Builder requestBody(UpdateJobExecutionRequestBody requestBody) {
            this.requestBody = requestBody;
            return this;
        }

        public UpdateJobExecutionRequest build() {
            return new UpdateJobExecutionRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
