package dev.fleetjobs.server.artifacts;

/**
 * An object of the built-in store as its metadata file records it.
 *
 * @param etag     without quotes: the MD5 of the content in hex, or for a multipart upload the MD5
 *                 of the parts' MD5s followed by {@code -} and the number of parts, as S3 makes it
 * @param sha256   of the whole content, in hex
 * @param dataFile the content's file name in the bucket's object directory
 */
public record StoredObject(String key, long size, String etag, String sha256, String contentType, long lastModifiedMillis,
                           String dataFile) {
}
