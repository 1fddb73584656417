package dev.fleetjobs.server.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

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
            return new S3Path(decode(path), null);
        }
        String key = path.substring(slash + 1);
        return new S3Path(decode(path.substring(0, slash)), key.isEmpty() ? null : decode(key));
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int hi = bytes[i] == '%' && i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
            int lo = hi >= 0 ? Character.digit(bytes[i + 2], 16) : -1;
            if (lo >= 0) {
                out.write((hi << 4) | lo);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
