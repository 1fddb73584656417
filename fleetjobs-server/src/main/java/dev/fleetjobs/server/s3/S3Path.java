package dev.fleetjobs.server.s3;

/**
 * The bucket and key of a path-style S3 request, percent-decoded ({@code %2F} in a key is a slash
 * like any other).
 *
 * @param bucket null for the service itself ({@code GET /})
 * @param key    null for the bucket itself
 */
record S3Path(String bucket, String key) {

    static S3Path parse(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (path.isEmpty()) {
            return new S3Path(null, null);
        }
        int slash = path.indexOf('/');
        if (slash < 0) {
            return new S3Path(Percent.decode(path, false), null);
        }
        String key = path.substring(slash + 1);
        return new S3Path(Percent.decode(path.substring(0, slash), false), key.isEmpty() ? null : Percent.decode(key, false));
    }
}
