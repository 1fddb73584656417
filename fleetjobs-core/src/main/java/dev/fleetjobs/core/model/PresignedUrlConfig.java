package dev.fleetjobs.core.model;

/**
 * CreateJob's {@code presignedUrlConfig}: how long the presigned download URLs put into a job
 * document for devices stay valid. The role ARN names who may read the files on AWS; Fleetjobs
 * keeps it as given (its own store grants reads by the URL's signature alone).
 *
 * @param expiresInSec null when not given: {@link #DEFAULT_EXPIRES_IN_SEC} applies
 */
public record PresignedUrlConfig(String roleArn, Long expiresInSec) {

    public static final long DEFAULT_EXPIRES_IN_SEC = 3600;
    public static final long MIN_EXPIRES_IN_SEC = 60;
    public static final long MAX_EXPIRES_IN_SEC = 3600;
    public static final int ROLE_ARN_MIN = 20;
    public static final int ROLE_ARN_MAX = 2048;

    /** How long each URL made for this job stays valid, in seconds. */
    public long effectiveExpiresInSec() {
        return expiresInSec == null ? DEFAULT_EXPIRES_IN_SEC : expiresInSec;
    }
}
