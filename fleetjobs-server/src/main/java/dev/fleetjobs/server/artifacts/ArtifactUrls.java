package dev.fleetjobs.server.artifacts;

import dev.fleetjobs.core.model.S3Location;
import java.time.Duration;

/** Makes the presigned GET URL of an object for a device: against the built-in store or an external S3-compatible one. */
public interface ArtifactUrls {

    /**
     * @param origin  {@code scheme://host[:port]} of this server as the device reached it (used by the built-in store)
     * @param expires how long the URL stays valid
     */
    String presignGet(S3Location location, Duration expires, String origin);
}
