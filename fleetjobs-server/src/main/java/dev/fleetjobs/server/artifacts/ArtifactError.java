package dev.fleetjobs.server.artifacts;

/**
 * A refused artifact-store operation, with the S3 error code and HTTP status that answer it
 * ({@code NoSuchBucket} 404, {@code InvalidPartOrder} 400, ...). Nothing was changed.
 */
public final class ArtifactError extends RuntimeException {

    private final String code;
    private final int status;

    public ArtifactError(String code, int status, String message) {
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

    static ArtifactError noSuchBucket(String bucket) {
        return new ArtifactError("NoSuchBucket", 404, "The specified bucket does not exist: " + bucket);
    }

    static ArtifactError noSuchKey(String key) {
        return new ArtifactError("NoSuchKey", 404, "The specified key does not exist: " + key);
    }

    static ArtifactError noSuchUpload(String uploadId) {
        return new ArtifactError("NoSuchUpload", 404, "The specified multipart upload does not exist: " + uploadId);
    }

    static ArtifactError invalidArgument(String message) {
        return new ArtifactError("InvalidArgument", 400, message);
    }
}
