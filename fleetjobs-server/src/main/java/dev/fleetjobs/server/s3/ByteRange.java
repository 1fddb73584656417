package dev.fleetjobs.server.s3;

import dev.fleetjobs.server.artifacts.ArtifactError;
import java.util.Optional;

/** A single {@code Range: bytes=...} of GetObject (RFC 9110); several ranges or another unit are ignored, as S3 does. */
record ByteRange(long first, long length) {

    /**
     * The range asked for within an object of {@code size} bytes; empty for the whole object.
     *
     * @throws ArtifactError {@code InvalidRange} (416) when the range starts past the end
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        if (!value.startsWith("bytes=") || value.indexOf(',') >= 0) {
            return Optional.empty();
        }
        String spec = value.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String start = spec.substring(0, dash).trim();
            String end = spec.substring(dash + 1).trim();
            if (start.isEmpty()) {
                long suffix = Long.parseLong(end);
                if (suffix <= 0) {
                    throw unsatisfiable(size);
                }
                long length = Math.min(suffix, size);
                return length == 0 ? Optional.empty() : Optional.of(new ByteRange(size - length, length));
            }
            long first = Long.parseLong(start);
            long last = end.isEmpty() ? size - 1 : Math.min(Long.parseLong(end), size - 1);
            if (first >= size) {
                throw unsatisfiable(size);
            }
            if (last < first) {
                return Optional.empty();
            }
            return Optional.of(new ByteRange(first, last - first + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    long last() {
        return first + length - 1;
    }

    private static ArtifactError unsatisfiable(long size) {
        return new ArtifactError("InvalidRange", 416, "The requested range is not satisfiable (the object has " + size + " bytes).");
    }
}
