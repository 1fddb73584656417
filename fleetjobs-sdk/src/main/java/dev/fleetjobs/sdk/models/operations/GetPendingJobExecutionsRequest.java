package dev.fleetjobs.sdk.models.operations;

/** {@code GET /things/{thingName}/jobs}: the thing's executions that are not in a terminal status. */
public final class GetPendingJobExecutionsRequest extends OperationRequest {

    private final String thingName;

    private GetPendingJobExecutionsRequest(Builder builder) {
        super(builder);
        this.thingName = required(builder.thingName, "thingName");
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

    public static final class Builder extends OperationRequest.Builder<Builder> {

        private String thingName;

        private Builder() {
        }

        private Builder(GetPendingJobExecutionsRequest from) {
            super(from);
            thingName = from.thingName;
        }

        public Builder thingName(String thingName) {
            this.thingName = thingName;
            return this;
        }

        public GetPendingJobExecutionsRequest build() {
            return new GetPendingJobExecutionsRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
