package dev.fleetjobs.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    @TempDir
    Path dataDir;

    @Test
    void sealedSecretsOpenOnlyWithTheSameKeyAndAssociatedData() throws IOException {
        SecretBox box = SecretBox.open(dataDir);
        String sealed = box.seal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "FJIAKEYONE");
        assertThat(sealed).startsWith("v1:").doesNotContain("wJalrXUtnFEMI");
        assertThat(box.seal("same", "id")).as("a fresh nonce each time").isNotEqualTo(box.seal("same", "id"));
        assertThat(SecretBox.open(dataDir).open(sealed, "FJIAKEYONE")).as("the key file is reused").isEqualTo("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertThatThrownBy(() -> box.open(sealed, "FJIAKEYTWO")).isInstanceOf(IllegalArgumentException.class);
        // One bit of the ciphertext flipped (editing the Base64 text could touch only its unused padding bits).
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring("v1:".length()));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> box.open(tampered, "FJIAKEYONE")).isInstanceOf(IllegalArgumentException.class);
        Path otherDir = Files.createDirectory(dataDir.resolve("other"));
        assertThatThrownBy(() -> SecretBox.open(otherDir).open(sealed, "FJIAKEYONE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyFileIsOwnerOnlyAndALooserOneIsRefused() throws IOException {
        SecretBox.open(dataDir);
        Path file = dataDir.resolve(SecretBox.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SecretBox.open(dataDir)).isInstanceOf(IOException.class).hasMessageContaining("owner only");
    }

    @Test
    void derivedValuesAreStablePerKeyAndPurpose() throws IOException {
        SecretBox box = SecretBox.open(dataDir);
        assertThat(box.derive("a")).matches("[0-9a-f]{64}").isEqualTo(SecretBox.open(dataDir).derive("a")).isNotEqualTo(box.derive("b"));
        assertThat(box.toString()).doesNotContain(Files.readString(dataDir.resolve(SecretBox.FILE_NAME)).trim());
    }
}
