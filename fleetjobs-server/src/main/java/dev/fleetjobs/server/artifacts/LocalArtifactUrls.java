package dev.fleetjobs.server.artifacts;

import dev.fleetjobs.core.model.S3Location;
import dev.fleetjobs.server.auth.S3UrlSigner;
import java.time.Clock;
import java.time.Duration;

/**
 * Presigned URLs of the built-in store, at the address the device used, signed with the server's
 * read-only artifact key at the job clock's time. The S3 front checks their lifetime on the same
 * clock, so under {@code --dev} moving the job clock expires them as it expires everything else.
 */
public final class LocalArtifactUrls implements ArtifactUrls {

    private final S3UrlSigner signer;
    private final Clock jobClock;

    public LocalArtifactUrls(S3UrlSigner signer, Clock jobClock) {
        this.signer = signer;
        this.jobClock = jobClock;
    }

    @Override
    public String presignGet(S3Location location, Duration expires, String origin) {
        return signer.presignGet(origin, location.bucket(), location.key(), jobClock.instant(), expires);
    }
}
