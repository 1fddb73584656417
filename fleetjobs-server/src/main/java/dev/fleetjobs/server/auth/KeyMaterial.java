package dev.fleetjobs.server.auth;

import java.security.SecureRandom;

/** New access key ids and secrets, in the shapes of AWS's (20 upper-case characters; 40 base64 characters). */
public final class KeyMaterial {

    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {
    }

    public static String newAccessKeyId() {
        return "FJIA" + randomText(KEY_ALPHABET, 16);
    }

    public static String newSecretAccessKey() {
        return randomText(SECRET_ALPHABET, 40);
    }

    private static String randomText(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
