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
 * <p>Generated credentials are shown until a start succeeds in showing them: a marker file,
 * {@value #UNSHOWN_FILE}, is written before them and removed by {@link #markShown}, so a first
 * start that fails (a port in use) does not lose them.
 *
 * @param generated  true while they were generated here and never shown: the first start, and every start after it until
 *                   one showed them
 */
public record RootCredentials(String accessKeyId, String secretAccessKey, boolean generated) {

    public static final String FILE_NAME = "root-credentials.properties";
    public static final String UNSHOWN_FILE = "root-credentials.unshown";

    @Override
    public String toString() {
        return "RootCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<hidden>]";
    }

    static RootCredentials resolve(ServerConfig config) throws IOException {
        if (config.rootAccessKeyId() != null && config.rootSecretAccessKey() != null) {
            return new RootCredentials(config.rootAccessKeyId(), config.rootSecretAccessKey(), false);
        }
        Path file = config.dataDir().resolve(FILE_NAME);
        Path unshown = config.dataDir().resolve(UNSHOWN_FILE);
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            return new RootCredentials(properties.getProperty("accessKeyId"), properties.getProperty("secretAccessKey"),
                    Files.exists(unshown));
        }
        Files.deleteIfExists(unshown);
        Files.createFile(unshown);
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

    /** The access key id of the root credentials kept in {@code dataDir}, when they were generated there. */
    public static java.util.Optional<String> storedAccessKeyId(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(properties.getProperty("accessKeyId"));
    }

    /** Records that the generated credentials of {@code dataDir} were shown, so later starts do not show them again. */
    public static void markShown(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(UNSHOWN_FILE));
    }
}
