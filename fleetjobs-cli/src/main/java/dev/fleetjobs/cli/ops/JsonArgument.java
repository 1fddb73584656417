package dev.fleetjobs.cli.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.sdk.http.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An option that takes JSON the way the AWS CLI does: {@code file://FILE}, inline JSON
 * ({@code '{"operation":"install"}'}), or, for convenience, a plain file name.
 */
final class JsonArgument {

    private JsonArgument() {
    }

    /** The text the option stands for: the file's content, or the inline JSON itself. */
    static String text(String option, String value) throws IOException {
        String trimmed = value.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            parse(option, trimmed, "inline JSON");
            return trimmed;
        }
        Path file = Path.of(value.startsWith("file://") ? value.substring("file://".length()) : value);
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + " " + value + ": no such file. Give a file name, file://FILE, or inline JSON "
                    + "such as '{\"operation\":\"install\"}'.");
        }
    }

    /** The option's value as a JSON tree, refused with the reason when it is not JSON. */
    static JsonNode tree(String option, String value) throws IOException {
        return parse(option, text(option, value), value);
    }

    private static JsonNode parse(String option, String text, String source) {
        try {
            return JsonCodec.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(option + " " + source + " is not JSON: " + e.getOriginalMessage());
        }
    }
}
