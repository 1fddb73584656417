package dev.fleetjobs.core.model;

import java.util.Objects;

/** An object in an S3 bucket, as a presigned URL placeholder names it. */
public record S3Location(String bucket, String key) {

    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }
}
