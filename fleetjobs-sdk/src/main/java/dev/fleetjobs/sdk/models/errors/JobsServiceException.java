package dev.fleetjobs.sdk.models.errors;

/**
 * The service answered with an error. Subclasses name the error types of the data-plane model;
 * any other type (for example a refused signature) arrives as this class, with {@link #errorType()}.
 */
public class JobsServiceException extends JobsException {

    private final int statusCode;
    private final String errorType;
    private final String requestId;
    private final String rawBody;
    private final String serviceMessage;

    public JobsServiceException(int statusCode, String errorType, String message, String requestId, String rawBody) {
        super(errorType + " (HTTP " + statusCode + "): " + message, null);
        this.statusCode = statusCode;
        this.errorType = errorType;
        this.requestId = requestId;
        this.rawBody = rawBody;
        this.serviceMessage = message;
    }

    public int statusCode() {
        return statusCode;
    }

    /** The {@code x-amzn-ErrorType} of the answer, e.g. {@code ResourceNotFoundException}. */
    public String errorType() {
        return errorType;
    }

    /** The {@code x-amzn-RequestId} of the answer, or null. */
    public String requestId() {
        return requestId;
    }

    /** The service's own message, without the type and status this exception's message adds. */
    public String serviceMessage() {
        return serviceMessage;
    }

    public String rawBody() {
        return rawBody;
    }

    @Override
    public boolean isRetryable() {
        return statusCode >= 500 || statusCode == 429 || "ThrottlingException".equals(errorType);
    }
}
