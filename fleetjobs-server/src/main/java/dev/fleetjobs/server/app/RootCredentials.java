package dev.fleetjobs.server.app;


import dev.fleetjobs.server.auth.KeyMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The root access key. Given explicitly (from {@code FLEETJOBS_ROOT_*}), or read from the data
 * directory, or generated at first start and kept there readable by the owner only.
 *
 * @param generated  true only on the start that created them, the one time they are shown
 */
public record RootCredentials(String accessKeyId, String secretAccessKey, boolean generated) {

    static final String FILE_NAME = "root-credentials.properties";

    @Override
    public String toString() {
        return "RootCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<hidden>]";
    }

    static RootCredentials resolve(ServerConfig config) throws IOException {
        if (config.rootAccessKeyId() != null && config.rootSecretAccessKey() != null) {
            return new RootCredentials(config.rootAccessKeyId(), config.rootSecretAccessKey(), false);
        }
        Path file = config.dataDir().resolve(FILE_NAME);
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            return new RootCredentials(properties.getProperty("accessKeyId"), properties.getProperty("secretAccessKey"), false);
        }
        RootCredentials created = new RootCredentials(KeyMaterial.newAccessKeyId(), KeyMaterial.newSecretAccessKey(), true);
        Properties properties = new Properties();
        properties.setProperty("accessKeyId", created.accessKeyId());
        properties.setProperty("secretAccessKey", created.secretAccessKey());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
            properties.store(out, "Fleetjobs root credentials: keep this file private");
        }
        return created;
    }
}
