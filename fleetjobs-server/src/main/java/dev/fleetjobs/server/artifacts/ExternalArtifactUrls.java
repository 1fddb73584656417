package dev.fleetjobs.server.artifacts;

import dev.fleetjobs.core.model.S3Location;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned URLs of an external S3 or S3-compatible store, made by the AWS SDK's
 * {@link S3Presigner} with credentials from the default chain (environment, profile, container,
 * instance). A placeholder's bucket is prefixed with the configured bucket prefix. These URLs are
 * checked by the external store on its own clock: the job clock does not expire them.
 */
public final class ExternalArtifactUrls implements ArtifactUrls, AutoCloseable {

    private final S3Presigner presigner;
    private final String bucketPrefix;

    private ExternalArtifactUrls(S3Presigner presigner, String bucketPrefix) {
        this.presigner = presigner;
        this.bucketPrefix = bucketPrefix;
    }

    public static ExternalArtifactUrls create(ArtifactSettings.External store) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(store.region()))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(store.pathStyle()).build());
        if (store.endpoint() != null) {
            builder.endpointOverride(store.endpoint());
        }
        return new ExternalArtifactUrls(builder.build(), store.bucketPrefix());
    }

    @Override
    public String presignGet(S3Location location, Duration expires, String origin) {
        return presigner.presignGetObject(request -> request.signatureDuration(expires)
                .getObjectRequest(get -> get.bucket(bucketPrefix + location.bucket()).key(location.key()))).url().toString();
    }

    @Override
    public void close() {
        presigner.close();
    }
}
