package dev.fleetjobs.sdk.models.operations;

import java.util.Optional;

/**
 * {@code GET /things/{thingName}/jobs/{jobId}?includeJobDocument=&executionNumber=}. The job id
 * may be {@code $next}: the thing's next pending execution.
 */
public final class DescribeJobExecutionRequest extends OperationRequest {

    /** The job id that names the thing's next pending execution. */
    public static final String NEXT = "$next";

    private final String thingName;
    private final String jobId;
    private final Long executionNumber;
    private final Boolean includeJobDocument;

    private DescribeJobExecutionRequest(Builder builder) {
        super(builder);
        this.thingName = required(builder.thingName, "thingName");
        this.jobId = required(builder.jobId, "jobId");
        this.executionNumber = builder.executionNumber;
        this.includeJobDocument = builder.includeJobDocument;
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

    /** Absent: the latest execution of the job on the thing. */
    public Optional<Long> executionNumber() {
        return Optional.ofNullable(executionNumber);
    }

    /** Absent: the service's default, which is true. */
    public Optional<Boolean> includeJobDocument() {
        return Optional.ofNullable(includeJobDocument);
    }

    public static final class Builder extends OperationRequest.Builder<Builder> {

        private String thingName;
        private String jobId;
        private Long executionNumber;
        private Boolean includeJobDocument;

        private Builder() {
        }

        private Builder(DescribeJobExecutionRequest from) {
            super(from);
            thingName = from.thingName;
            jobId = from.jobId;
            executionNumber = from.executionNumber;
            includeJobDocument = from.includeJobDocument;
        }

        public Builder thingName(String thingName) {
            this.thingName = thingName;
            return this;
        }

        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        public Builder executionNumber(Long executionNumber) {
            this.executionNumber = executionNumber;
            return this;
        }

        public Builder includeJobDocument(Boolean includeJobDocument) {
            this.includeJobDocument = includeJobDocument;
            return this;
        }

        public DescribeJobExecutionRequest build() {
            return new DescribeJobExecutionRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
