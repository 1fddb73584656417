package dev.fleetjobs.cli.config;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives every option of a parsed command that the command line left out its value from the
 * environment ({@code FLEETJOBS_<OPTION>}) or else from the config file, so the precedence is
 * flag > environment > file > default. It covers every option of the command, mixins included,
 * without a list of them. Values go through picocli's own conversion, as if they had been typed.
 *
 * <p>This runs after parsing rather than as picocli's default-value provider: a provider can give a
 * repeatable option only one value, and it would show environment and file values as the defaults in
 * {@code --help}, which keeps the built-in ones.
 */
public final class SettingsResolver {

    public static final String CONFIG_VARIABLE = "FLEETJOBS_CONFIG";

    private final CommandSpec command;
    private final Set<String> notSettings;

    /** @param notSettings options that control the resolution itself ({@code --config}, {@code --print-config}) */
    public SettingsResolver(CommandSpec command, Set<String> notSettings) {
        this.command = command;
        this.notSettings = notSettings;
    }

    /** The options settable from the environment and the file, by key ({@code data-dir}). */
    public Map<String, OptionSpec> options() {
        Map<String, OptionSpec> options = new LinkedHashMap<>();
        for (OptionSpec option : command.options()) {
            if (!option.usageHelp() && !option.versionHelp() && !notSettings.contains(option.longestName())) {
                options.put(OptionNames.key(option), option);
            }
        }
        return options;
    }

    /**
     * Applies the environment and the file (the {@code --config} value, else {@code FLEETJOBS_CONFIG},
     * else none) to the options the command line did not give.
     */
    public EffectiveSettings resolve(Map<String, String> environment, Path configOption) {
        Map<String, OptionSpec> options = options();
        Path file = configOption != null ? configOption : pathFrom(environment.get(CONFIG_VARIABLE));
        Map<String, Object> fileValues = file == null ? Map.of() : read(file, options);
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        List<Setting> settings = new ArrayList<>();
        for (Map.Entry<String, OptionSpec> entry : options.entrySet()) {
            String key = entry.getKey();
            OptionSpec option = entry.getValue();
            String variable = OptionNames.environmentVariable(key);
            String fromEnvironment = environment.get(variable);
            Source source;
            String origin;
            if (parsed != null && parsed.hasMatchedOption(option)) {
                source = Source.FLAG;
                origin = option.longestName();
            } else if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
                source = Source.ENVIRONMENT;
                origin = variable;
                apply(option, environmentValues(option, variable, fromEnvironment), variable);
            } else if (fileValues.containsKey(key)) {
                source = Source.FILE;
                origin = file.toString();
                apply(option, fileValues(option, fileValues.get(key), file + ": " + key), file + ": " + key);
            } else {
                source = Source.DEFAULT;
                origin = "default";
            }
            settings.add(new Setting(key, option.getValue(), source, origin, secret(option)));
        }
        return new EffectiveSettings(List.copyOf(settings), file == null ? null
                : file + (configOption != null ? " (--config)" : " (" + CONFIG_VARIABLE + ")"));
    }

    private static Path pathFrom(String value) {
        return value == null || value.isEmpty() ? null : Path.of(value);
    }

    /** The file's keys checked against the options: unknown keys and values of the wrong type are errors. */
    private Map<String, Object> read(Path file, Map<String, OptionSpec> options) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file not found: " + file);
        } catch (AccessDeniedException e) {
            throw new ConfigException("cannot read the config file " + file + ": permission denied");
        } catch (IOException e) {
            throw new ConfigException("cannot read the config file " + file + ": " + e.getMessage());
        }
        Map<String, Object> values = TomlSubset.parse(text, file.toString());
        List<String> unknown = values.keySet().stream().filter(key -> !options.containsKey(key)).toList();
        if (!unknown.isEmpty()) {
            String named = unknown.stream()
                    .map(key -> "'" + key + "'" + OptionNames.nearest(key, options.keySet()).map(near -> " (did you mean '" + near + "'?)").orElse(""))
                    .collect(Collectors.joining(", "));
            throw new ConfigException(file + ": unknown key" + (unknown.size() > 1 ? "s " : " ") + named
                    + "; keys are the long options of 'fleetjobs server --help' without '--'");
        }
        return values;
    }

    private static List<String> environmentValues(OptionSpec option, String variable, String value) {
        if (isFlag(option)) {
            String lower = value.trim().toLowerCase(Locale.ROOT);
            if (!lower.equals("true") && !lower.equals("false")) {
                throw new ConfigException(variable + " must be true or false, not '" + value + "'");
            }
            return List.of(lower);
        }
        if (option.isMultiValue()) {
            // a repeatable option takes a comma-separated list from one variable
            return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
        }
        return List.of(value);
    }

    private static List<String> fileValues(OptionSpec option, Object value, String where) {
        if (isFlag(option)) {
            if (!(value instanceof Boolean)) {
                throw wrongType(option, where, "true or false", value);
            }
            return List.of(value.toString());
        }
        if (option.isMultiValue()) {
            Class<?> element = option.auxiliaryTypes().length > 0 ? option.auxiliaryTypes()[0] : String.class;
            List<?> items = value instanceof List<?> list ? list : List.of(value);
            List<String> values = new ArrayList<>();
            for (Object item : items) {
                if (!fits(item, element)) {
                    throw wrongType(option, where, "an array of " + plural(expected(element)), value);
                }
                values.add(item.toString());
            }
            return values;
        }
        if (!fits(value, option.type())) {
            throw wrongType(option, where, expected(option.type()), value);
        }
        return List.of(value.toString());
    }

    /** Sets the option as if its values had been typed after it on the command line. */
    private static void apply(OptionSpec option, List<String> values, String where) {
        if (isFlag(option)) {
            option.setValue(Boolean.valueOf(values.get(0)));
            return;
        }
        if (values.isEmpty()) {
            return;
        }
        Holder holder = new Holder();
        OptionSpec copy = OptionSpec.builder(option).getter(holder).setter(holder).build();
        CommandLine scratch = new CommandLine(CommandSpec.create().addOption(copy)).setCaseInsensitiveEnumValuesAllowed(true);
        List<String> args = values.stream().map(value -> option.longestName() + "=" + value).toList();
        try {
            scratch.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            // picocli's message quotes the value: not for a secret
            throw new ConfigException(where + ": " + (secret(option) == null ? e.getMessage()
                    : "not a valid value for " + option.longestName() + " (the value is a secret and not shown)"));
        }
        option.setValue(holder.value);
    }

    private static boolean isFlag(OptionSpec option) {
        return option.arity().max() == 0;
    }

    private static Secret.Part secret(OptionSpec option) {
        if (option.userObject() instanceof Field field) {
            Secret secret = field.getAnnotation(Secret.class);
            return secret == null ? null : secret.value();
        }
        return null;
    }

    private static boolean isIntegral(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class;
    }

    private static boolean fits(Object value, Class<?> type) {
        if (isIntegral(type)) {
            return value instanceof Long;
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return value instanceof Long || value instanceof Double;
        }
        if (type == boolean.class || type == Boolean.class) {
            return value instanceof Boolean;
        }
        return value instanceof String;
    }

    private static String expected(Class<?> type) {
        if (isIntegral(type)) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a string (in quotes)";
    }

    private static String plural(String kind) {
        return switch (kind) {
            case "an integer" -> "integers";
            case "a number" -> "numbers";
            case "true or false" -> "booleans";
            default -> "strings";
        };
    }

    private static ConfigException wrongType(OptionSpec option, String where, String expected, Object value) {
        String found = value instanceof String text ? (secret(option) == null ? "the string \"" + text + "\"" : "a string")
                : value instanceof List<?> ? "an array" : value.toString();
        return new ConfigException(where + " must be " + expected + ", not " + found);
    }

    /** Where a scratch parse leaves an option's converted value. */
    private static final class Holder implements CommandLine.Model.IGetter, CommandLine.Model.ISetter {
        private Object value;

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T newValue) {
            T old = (T) value;
            value = newValue;
            return old;
        }
    }
}
