package dev.fleetjobs.server.artifacts;

import dev.fleetjobs.core.model.PresignedUrlConfig;
import dev.fleetjobs.core.rules.PresignedUrlPlaceholders;
import dev.fleetjobs.server.service.DeviceDocuments;
import java.time.Duration;

/**
 * Replaces a job document's {@code ${aws:iot:s3-presigned-url:...}} placeholders with fresh
 * presigned GET URLs, valid for the job's {@code expiresInSec}, each time a device is handed the
 * document. A placeholder naming an object that does not exist still gets a URL (it answers 404
 * {@code NoSuchKey}), as on AWS: the file may be uploaded after the job is made.
 */
public final class DocumentPresigner implements DeviceDocuments {

    private final ArtifactUrls urls;

    public DocumentPresigner(ArtifactUrls urls) {
        this.urls = urls;
    }

    @Override
    public String render(String document, PresignedUrlConfig config, String origin) {
        if (document == null || config == null || !PresignedUrlPlaceholders.hasAny(document)) {
            return document;
        }
        Duration expires = Duration.ofSeconds(config.effectiveExpiresInSec());
        return PresignedUrlPlaceholders.substitute(document, location -> urls.presignGet(location, expires, origin));
    }
}
