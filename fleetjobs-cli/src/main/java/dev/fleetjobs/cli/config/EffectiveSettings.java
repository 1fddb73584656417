package dev.fleetjobs.cli.config;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code fleetjobs server} runs with, option by option. {@link #render()} writes it in the config
 * file's own format (secrets masked, each line's source in a comment), so the output can serve as a file.
 */
public record EffectiveSettings(List<Setting> settings, String configFile) {

    public Setting get(String key) {
        return settings.stream().filter(setting -> setting.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no setting " + key));
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("# fleetjobs server: effective settings (flag > environment > config file > default)\n");
        out.append(configFile == null ? "# no config file\n" : "# config file: " + configFile + "\n");
        for (Setting setting : settings) {
            String source = setting.source() == Source.DEFAULT ? "default" : setting.source().label() + " " + setting.origin();
            if (setting.value() == null || setting.value() instanceof Collection<?> values && values.isEmpty()
                    && setting.source() == Source.DEFAULT) {
                out.append("# ").append(setting.key()).append(" is not set  # ").append(source).append('\n');
            } else {
                out.append(setting.key()).append(" = ").append(toml(setting.value(), setting.secret()))
                        .append("  # ").append(source).append('\n');
            }
        }
        return out.toString();
    }

    private static String toml(Object value, Secret.Part secret) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(item -> toml(item, secret)).collect(Collectors.joining(", ", "[", "]"));
        }
        if (secret != null) {
            return quoted(Masking.mask(String.valueOf(value), secret));
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        return quoted(String.valueOf(value));
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
