package dev.fleetjobs.sdk.agent;

/** Makes text fit a status-details value: no control characters, at most 1024 characters, never empty. */
final class StatusDetails {

    static final int MAX_VALUE_LENGTH = 1024;

    private StatusDetails() {
    }

    /** {@code text} with control and format characters turned into spaces, runs of spaces folded, and only its end kept if long; null if nothing is left. */
    static String value(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean control = switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> true;
                default -> false;
            };
            boolean space = control || Character.isWhitespace(cp);
            if (space) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.appendCodePoint(cp);
            }
        });
        String cleaned = out.toString().strip();
        if (cleaned.length() > MAX_VALUE_LENGTH) {
            int start = cleaned.length() - MAX_VALUE_LENGTH;
            if (Character.isLowSurrogate(cleaned.charAt(start))) {
                start++;
            }
            cleaned = cleaned.substring(start);
        }
        return cleaned.isEmpty() ? null : cleaned;
    }
}
