package dev.fleetjobs.cli.config;

import java.util.regex.Pattern;

/** Hides secrets for display. */
final class Masking {

    static final String MASK = "********";
    private static final Pattern URL_USER_PASSWORD = Pattern.compile("(://[^/@:]*:)[^/@]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;](password|secret|token)=)[^&;]*");

    private Masking() {
    }

    static String mask(String value, Secret.Part part) {
        if (part == Secret.Part.WHOLE) {
            return MASK;
        }
        String masked = URL_USER_PASSWORD.matcher(value).replaceAll("$1" + MASK + "@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }
}
