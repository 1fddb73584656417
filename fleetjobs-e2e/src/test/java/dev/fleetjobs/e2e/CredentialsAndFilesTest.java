package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetjobs credentials} against the data directory of a running server, which notices
 * new and revoked keys on its own; secrets sealed at rest; every file of the data directory
 * readable by its owner only.
 */
class CredentialsAndFilesTest {

    @TempDir
    Path dataDir;

    @Test
    void keysAddedAndRevokedWithTheCliTakeEffectInTheRunningServer() {
        try (RunningServer server = RunningServer.startSecure(dataDir)) {
            RawClient raw = new RawClient(server.endpoint());
            Cli.Key operator = Cli.addKey(dataDir, "--role", "operator", "--description", "ci pipeline");
            await().atMost(Duration.ofSeconds(5)).until(() -> listThings(raw, operator) == 200);

            Cli.Result list = Cli.run("credentials", "list", "--data-dir", dataDir.toString());
            assertThat(list.out()).contains(operator.accessKeyId()).contains("operator").contains("active")
                    .doesNotContain(operator.secretAccessKey());

            assertThat(Cli.run("credentials", "revoke", operator.accessKeyId(), "--data-dir", dataDir.toString()).exitCode()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> listThings(raw, operator) == 403);
            assertThat(Cli.run("credentials", "list", "--data-dir", dataDir.toString()).out()).contains("revoked");
            assertThat(Cli.run("credentials", "revoke", "FJIANOSUCHKEY", "--data-dir", dataDir.toString()).exitCode()).isEqualTo(1);
        }
    }

    @Test
    void theCliRefusesKeysWithoutTheRightPattern() {
        RunningServer.start(dataDir).close();
        Cli.Result deviceWithoutThings = Cli.run("credentials", "add", "--role", "device", "--data-dir", dataDir.toString());
        assertThat(deviceWithoutThings.exitCode()).isNotZero();
        assertThat(deviceWithoutThings.err()).contains("Device keys need a thing pattern");
        Cli.Result badPattern = Cli.run("credentials", "add", "--role", "device", "--things", "pump/*", "--data-dir", dataDir.toString());
        assertThat(badPattern.exitCode()).isNotZero();
        Cli.Result badRole = Cli.run("credentials", "add", "--role", "root", "--data-dir", dataDir.toString());
        assertThat(badRole.exitCode()).isNotZero();
        assertThat(Cli.run("credentials", "list", "--data-dir", dataDir.toString()).out().lines().count()).as("only the header").isEqualTo(1);
    }

    @Test
    void credentialsAndCertificatesRefuseADirectoryThatHoldsNoNodeAndCreateNothing() throws IOException {
        Path typo = dataDir.resolve("typo");
        for (String[] command : List.of(new String[] {"credentials", "list"}, new String[] {"credentials", "add", "--role", "operator"},
                new String[] {"credentials", "revoke", "FJIAANYKEY"}, new String[] {"certificates", "issue", "--thing", "pump-1", "--out",
                        dataDir.resolve("out").toString()})) {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.addAll(List.of("--data-dir", typo.toString()));
            Cli.Result refused = Cli.run(args.toArray(String[]::new));
            assertThat(refused.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(refused.err().strip()).as(String.join(" ", command))
                    .isEqualTo("error: No data directory " + typo.toAbsolutePath() + ": give --data-dir the directory the server runs on.");
            assertThat(typo).doesNotExist();
        }
        Files.createDirectories(typo);
        Cli.Result empty = Cli.run("credentials", "list", "--data-dir", typo.toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains(typo.toAbsolutePath() + " holds no Fleetjobs node").doesNotContain("Usage");
        try (Stream<Path> files = Files.list(typo)) {
            assertThat(files).as("nothing created").isEmpty();
        }
    }

    @Test
    void addPrintsOnlyExportLinesOnStdoutAndRevokingTheRootKeyExplainsHowToReplaceIt() throws IOException {
        // started without FLEETJOBS_ROOT_*: the root key is generated into the data directory
        FleetjobsServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir)).close();
        Cli.Result added = Cli.run("credentials", "add", "--role", "operator", "--data-dir", dataDir.toString());
        assertThat(added.out().lines()).hasSize(2).allMatch(line -> line.startsWith("export AWS_"));
        assertThat(added.err().strip()).isEqualTo("Created an operator key. Its secret is shown only this once:");

        java.util.Properties root = new java.util.Properties();
        try (var in = Files.newInputStream(dataDir.resolve("root-credentials.properties"))) {
            root.load(in);
        }
        Cli.Result revokeRoot = Cli.run("credentials", "revoke", root.getProperty("accessKeyId"), "--data-dir", dataDir.toString());
        assertThat(revokeRoot.exitCode()).isEqualTo(1);
        assertThat(revokeRoot.err()).contains("is the root key").contains("delete " + dataDir.resolve("root-credentials.properties"))
                .contains("start the server again");
    }

    @Test
    void secretsAreSealedAndEveryFileIsTheOwnersOnly() throws IOException {
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Cli.Key device;
        try (RunningServer server = RunningServer.startSecure(dataDir)) {
            device = Cli.addKey(dataDir, "--role", "device", "--things", "pump-*");
            server.iot().createKeysAndCertificate(r -> r.setAsActive(true));
        }
        assertThat(permissions(dataDir)).as("the data directory was tightened").isEqualTo("rwx------");
        List<Path> files;
        try (Stream<Path> listing = Files.list(dataDir)) {
            files = listing.toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("fleetjobs.db", "secret.key", "device-ca.key", "device-ca.pem", "device-tls.key", "device-tls.pem");
        for (Path file : files) {
            if (Files.isDirectory(file)) {
                assertThat(permissions(file)).as(file.getFileName().toString()).isEqualTo("rwx------");
                continue;
            }
            assertThat(permissions(file)).as(file.getFileName().toString()).isEqualTo("rw-------");
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.getFileName().toString())
                    .doesNotContain(device.secretAccessKey());
        }
    }

    private static int listThings(RawClient raw, Cli.Key key) {
        return raw.signed("iot", "GET", "/things", null, key.accessKeyId(), key.secretAccessKey(), Clock.systemUTC(),
                java.util.function.UnaryOperator.identity()).statusCode();
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
