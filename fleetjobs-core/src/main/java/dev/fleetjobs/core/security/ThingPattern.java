package dev.fleetjobs.core.security;

import dev.fleetjobs.core.validation.Validator;
import java.util.regex.Pattern;

/**
 * Which things a device key may act for: a thing name in which {@code *} stands for any run of
 * characters and {@code ?} for exactly one, e.g. {@code pump-*}. The whole name must match.
 */
public record ThingPattern(String text) {

    private static final Pattern SYNTAX = Pattern.compile("[a-zA-Z0-9:_*?-]+");
    public static final int MAX_LENGTH = 128;

    public ThingPattern {
        Validator.name("things", text, SYNTAX, MAX_LENGTH);
    }

    public boolean matches(String thingName) {
        return matches(text, 0, thingName, 0);
    }

    /** Glob matching without regular expressions, so that no pattern can make it backtrack badly. */
    private static boolean matches(String pattern, int p, String name, int n) {
        int star = -1;
        int starMatch = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                starMatch = n;
            } else if (star >= 0) {
                p = star + 1;
                n = ++starMatch;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return text;
    }
}
