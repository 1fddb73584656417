package dev.fleetjobs.sdk.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of RFC 3986 as the AWS SDKs apply it: to URI labels and query values on the
 * way out, and to paths and queries once more inside a SigV4 canonical request.
 */
public final class PercentEncoding {

    private static final String HEX_DIGITS = "0123456789ABCDEF";

    private PercentEncoding() {
    }

    /** Everything but {@code A-Z a-z 0-9 - . _ ~} is escaped, so {@code $} becomes {@code %24}. */
    public static String encode(String text) {
        return escape(text, false);
    }

    /** Like {@link #encode} but keeps {@code /}: a whole path. */
    public static String encodePath(String path) {
        return escape(path, true);
    }

    /** Undoes {@code %XX}; a {@code %} that starts no escape and a {@code +} are kept as they are. */
    public static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int i = 0;
        while (i < in.length) {
            int high = i + 2 < in.length && in[i] == '%' ? Character.digit(in[i + 1], 16) : -1;
            int low = high >= 0 ? Character.digit(in[i + 2], 16) : -1;
            if (low >= 0) {
                out.write(high * 16 + low);
                i += 3;
            } else {
                out.write(in[i]);
                i++;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String escape(String text, boolean keepSlash) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/');
            if (plain) {
                out.append(c);
            } else {
                out.append('%').append(HEX_DIGITS.charAt(c >> 4)).append(HEX_DIGITS.charAt(c & 0x0F));
            }
        }
        return out.toString();
    }
}
