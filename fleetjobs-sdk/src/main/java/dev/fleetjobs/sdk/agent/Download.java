package dev.fleetjobs.sdk.agent;

import java.util.Objects;

/**
 * A download step: fetch {@code url} (a presigned URL the service put into the document) to
 * {@code path}, and check its SHA-256 before any later step runs.
 *
 * @param path where the file goes; a relative path is taken from the directory steps run in (the handler directory)
 */
public record Download(String url, String sha256, String path) {

    public Download {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(path, "path");
    }
}
