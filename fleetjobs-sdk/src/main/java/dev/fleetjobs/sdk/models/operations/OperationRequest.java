package dev.fleetjobs.sdk.models.operations;

import java.util.Objects;
import java.util.Optional;

/** What every operation's request has: the seven optional {@code X-Amz-*} header fields. */
public abstract class OperationRequest {

    private final AmzHeaders amzHeaders;

    protected OperationRequest(Builder<?> builder) {
        this.amzHeaders = new AmzHeaders(builder.xAmzAlgorithm, builder.xAmzContentSha256, builder.xAmzCredential, builder.xAmzDate,
                builder.xAmzSecurityToken, builder.xAmzSignature, builder.xAmzSignedHeaders);
    }

    public AmzHeaders amzHeaders() {
        return amzHeaders;
    }

    public Optional<String> xAmzAlgorithm() {
        return Optional.ofNullable(amzHeaders.xAmzAlgorithm());
    }

    public Optional<String> xAmzContentSha256() {
        return Optional.ofNullable(amzHeaders.xAmzContentSha256());
    }

    public Optional<String> xAmzCredential() {
        return Optional.ofNullable(amzHeaders.xAmzCredential());
    }

    public Optional<String> xAmzDate() {
        return Optional.ofNullable(amzHeaders.xAmzDate());
    }

    public Optional<String> xAmzSecurityToken() {
        return Optional.ofNullable(amzHeaders.xAmzSecurityToken());
    }

    public Optional<String> xAmzSignature() {
        return Optional.ofNullable(amzHeaders.xAmzSignature());
    }

    public Optional<String> xAmzSignedHeaders() {
        return Optional.ofNullable(amzHeaders.xAmzSignedHeaders());
    }

    static String required(String value, String name) {
        if (value == null) {
            throw new IllegalStateException(name + " is required");
        }
        return value;
    }

    /** The setters of the seven header fields, shared by every request's builder. */
    public abstract static class Builder<B extends Builder<B>> {

        private String xAmzAlgorithm;
        private String xAmzContentSha256;
        private String xAmzCredential;
        private String xAmzDate;
        private String xAmzSecurityToken;
        private String xAmzSignature;
        private String xAmzSignedHeaders;

        protected Builder() {
        }

        protected Builder(OperationRequest from) {
            amzHeaders(from.amzHeaders);
        }

        protected abstract B self();

        public B amzHeaders(AmzHeaders headers) {
            Objects.requireNonNull(headers, "headers");
            xAmzAlgorithm = headers.xAmzAlgorithm();
            xAmzContentSha256 = headers.xAmzContentSha256();
            xAmzCredential = headers.xAmzCredential();
            xAmzDate = headers.xAmzDate();
            xAmzSecurityToken = headers.xAmzSecurityToken();
            xAmzSignature = headers.xAmzSignature();
            xAmzSignedHeaders = headers.xAmzSignedHeaders();
            return self();
        }

        public B xAmzAlgorithm(String value) {
            xAmzAlgorithm = value;
            return self();
        }

        public B xAmzContentSha256(String value) {
            xAmzContentSha256 = value;
            return self();
        }

        public B xAmzCredential(String value) {
            xAmzCredential = value;
            return self();
        }

        public B xAmzDate(String value) {
            xAmzDate = value;
            return self();
        }

        public B xAmzSecurityToken(String value) {
            xAmzSecurityToken = value;
            return self();
        }

        public B xAmzSignature(String value) {
            xAmzSignature = value;
            return self();
        }

        public B xAmzSignedHeaders(String value) {
            xAmzSignedHeaders = value;
            return self();
        }
    }
}
