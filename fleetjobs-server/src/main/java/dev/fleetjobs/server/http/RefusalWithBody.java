package dev.fleetjobs.server.http;

/**
 * A refusal whose answer carries more than the AWS error shape's {@code message}: the dry run of a
 * CreateJob that would be refused answers with that refusal's status and {@code x-amzn-ErrorType}
 * and, beside {@code message}, the whole plan. AWS-style clients read the {@code message} as usual.
 *
 * @param body  serialized as the answer; its {@code message} member comes first
 */
final class RefusalWithBody extends RuntimeException {

    private final String errorType;
    private final transient Object body;

    RefusalWithBody(String errorType, String message, Object body) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.body = body;
    }

    String errorType() {
        return errorType;
    }

    Object body() {
        return body;
    }
}
