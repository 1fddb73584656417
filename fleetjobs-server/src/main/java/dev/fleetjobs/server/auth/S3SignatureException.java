package dev.fleetjobs.server.auth;

/**
 * A request to the S3 plane whose signature is refused, with the S3 error code and status that
 * answer it (S3 has codes of its own: {@code SignatureDoesNotMatch}, {@code AccessDenied}, ...).
 */
public final class S3SignatureException extends RuntimeException {

    private final String code;
    private final int status;

    public S3SignatureException(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
