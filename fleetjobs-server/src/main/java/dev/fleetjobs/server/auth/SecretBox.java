package dev.fleetjobs.server.auth;

import dev.fleetjobs.server.pki.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for storage with AES-256-GCM under a key kept in the data directory
 * ({@value #FILE_NAME}, owner-only). The access key id is bound in as associated data, so a
 * sealed secret moved to another key's row does not open.
 */
public final class SecretBox {

    public static final String FILE_NAME = "secret.key";
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] keyBytes) {
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    /** Opens the data directory's key, creating it at first use. */
    public static SecretBox open(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        PrivateFiles.createIfAbsent(file, Base64.getEncoder().encodeToString(fresh) + "\n");
        return fromKey(PrivateFiles.read(file), file.toString());
    }

    /**
     * The box of a key given by the operator: 32 random bytes in base64, as {@value #FILE_NAME}
     * holds them ({@code head -c 32 /dev/urandom | base64} makes one).
     *
     * @param source  where the key came from, for the message when it is not one
     * @throws IOException when the text is not a base64 256-bit key
     */
    public static SecretBox fromKey(String base64, String source) throws IOException {
        byte[] keyBytes;
        try {
            keyBytes = Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IOException(source + " does not hold a base64 key");
        }
        if (keyBytes.length != 32) {
            throw new IOException(source + " does not hold a 256-bit key (32 bytes in base64)");
        }
        return new SecretBox(keyBytes);
    }

    public String seal(String secret, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    /** @throws IllegalArgumentException when the text was not sealed by this key for this associated data */
    public String open(String sealed, String associatedData) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("Unknown sealed secret format");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("Sealed secret is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), associatedData);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("Sealed secret does not open with this data directory's key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    /** A stable value derived from the key for one purpose, as 64 hex digits (used as the CA registration code). */
    public String derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "SecretBox[key hidden]";
    }
}
