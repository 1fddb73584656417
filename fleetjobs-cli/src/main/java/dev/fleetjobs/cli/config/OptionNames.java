package dev.fleetjobs.cli.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.OptionSpec;

/** How an option is named in a config file ({@code data-dir}) and in the environment ({@code FLEETJOBS_DATA_DIR}). */
public final class OptionNames {

    public static final String ENV_PREFIX = "FLEETJOBS_";

    private OptionNames() {
    }

    public static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    public static String environmentVariable(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The known key closest to a misspelt one, when it is close enough to be what was meant. */
    static Optional<String> nearest(String unknown, Collection<String> known) {
        return known.stream()
                .filter(candidate -> distance(unknown, candidate) <= Math.max(2, unknown.length() / 4))
                .min(Comparator.comparingInt(candidate -> distance(unknown, candidate)));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
