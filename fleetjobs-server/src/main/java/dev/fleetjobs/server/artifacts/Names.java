package dev.fleetjobs.server.artifacts;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** S3's rules for bucket names and object keys, and Fleetjobs' own refusal of {@code .} and {@code ..} key segments. */
public final class Names {

    /** 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    public static final int KEY_MAX_BYTES = 1024;

    private Names() {
    }

    public static String bucket(String name) {
        if (name == null || !BUCKET.matcher(name).matches() || name.contains("..") || IP_ADDRESS.matcher(name).matches()) {
            throw new ArtifactError("InvalidBucketName", 400, "The specified bucket is not valid: bucket names are 3 to 63"
                    + " lowercase letters, digits, dots and hyphens.");
        }
        return name;
    }

    /**
     * A key S3 would take, except that a {@code .} or {@code ..} segment is refused: such a key
     * reads as a path that leaves its folder, and clients that normalize paths could never fetch it.
     */
    public static String key(String key) {
        if (key == null || key.isEmpty()) {
            throw ArtifactError.invalidArgument("The object key must not be empty.");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > KEY_MAX_BYTES) {
            throw new ArtifactError("KeyTooLongError", 400, "Your key is too long: at most " + KEY_MAX_BYTES + " bytes.");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw ArtifactError.invalidArgument("The object key '" + key + "' has a '" + segment + "' segment; keys here"
                        + " must not contain '.' or '..' path segments.");
            }
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw ArtifactError.invalidArgument("The object key must not contain control characters.");
            }
        }
        return key;
    }
}
