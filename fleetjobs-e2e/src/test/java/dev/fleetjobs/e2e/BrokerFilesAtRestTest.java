package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker's files at rest, with the server started under {@code umask 000} and both
 * MQTT listeners: everything under {@code <data-dir>/mqtt} is its owner's alone, the extensions
 * folder included, and no key store password is written anywhere in the data directory (nor
 * logged).
 */
class BrokerFilesAtRestTest {

    private static final String KEYSTORE_PASSWORD = "ks-P4ss-" + System.nanoTime();
    private static final String TRUSTSTORE_PASSWORD = "ts-P4ss-" + System.nanoTime();
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    Path scratch;

    @Test
    void underUmask000EveryBrokerFileIsTheOwnersAndNoPasswordIsWritten() throws Exception {
        TestPki pki = new TestPki("Files at rest CA");
        Path keystore = repassword(pki.keyStore(pki.server(), scratch.resolve("server.p12")), KEYSTORE_PASSWORD);
        Path truststore = repassword(pki.trustStore(scratch.resolve("devices.p12")), TRUSTSTORE_PASSWORD);
        Path dataDir = scratch.resolve("data");
        int tlsPort = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start("000",
                Map.of("FLEETJOBS_MQTTS_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD, "FLEETJOBS_MQTTS_TRUSTSTORE_PASSWORD", TRUSTSTORE_PASSWORD),
                dataDir, scratch.resolve("server.log"), "--dev", "--mqtt-port", Integer.toString(ServerProcess.freePort()),
                "--mqtts-port", Integer.toString(tlsPort), "--mqtts-keystore", keystore.toString(), "--mqtts-truststore",
                truststore.toString())) {
            await().atMost(java.time.Duration.ofSeconds(60)).alias("the MQTT TLS listener").until(() -> {
                assertThat(server.process().isAlive()).as("server alive; its log:\n%s", server.log()).isTrue();
                return listens(tlsPort);
            });

            Path mqtt = dataDir.resolve("mqtt");
            assertThat(mqtt.resolve("conf/config.xml")).exists();
            assertThat(mqtt.resolve("extensions")).isDirectory();
            List<Path> everything;
            try (Stream<Path> walk = Files.walk(dataDir)) {
                everything = walk.toList();
            }
            for (Path path : everything) {
                if (path.startsWith(mqtt)) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                    assertThat(permissions).as("%s is %s", dataDir.relativize(path), PosixFilePermissions.toString(permissions))
                            .doesNotContainAnyElementsOf(GROUP_OR_OTHERS);
                }
                if (Files.isRegularFile(path)) {
                    String content = Files.readString(path, StandardCharsets.ISO_8859_1);
                    assertThat(content).as(dataDir.relativize(path).toString()).doesNotContain(KEYSTORE_PASSWORD).doesNotContain(TRUSTSTORE_PASSWORD);
                }
            }
            assertThat(server.log()).contains("MQTT broker embedded").doesNotContain(KEYSTORE_PASSWORD).doesNotContain(TRUSTSTORE_PASSWORD);
        }
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The same PKCS12 store under another password. */
    private static Path repassword(Path store, String password) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, TestPki.PASSWORD.toCharArray());
        }
        for (String alias : java.util.Collections.list(keys.aliases())) {
            if (keys.isKeyEntry(alias)) {
                keys.setKeyEntry(alias, keys.getKey(alias, TestPki.PASSWORD.toCharArray()), password.toCharArray(),
                        keys.getCertificateChain(alias));
            }
        }
        try (OutputStream out = Files.newOutputStream(store)) {
            keys.store(out, password.toCharArray());
        }
        return store;
    }
}
