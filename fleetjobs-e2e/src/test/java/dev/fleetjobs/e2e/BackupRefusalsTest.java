package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code fleetjobs backup} and {@code fleetjobs restore} refuse: one line, exit 2, and nothing half made. */
class BackupRefusalsTest {

    @TempDir
    Path work;

    private Path node;
    private Path backup;

    @BeforeEach
    void aStoppedNodeAndItsBackup() throws IOException {
        node = work.resolve("node");
        try (RunningServer server = RunningServer.start(node)) {
            new Fleet(server.iot()).thing("kept");
        }
        backup = work.resolve("backup.zip");
        Cli.Result made = Cli.run("backup", "--data-dir", node.toString(), "--output", backup.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
    }

    @Test
    void aStoppedNodeIsBackedUpToo() throws IOException {
        Path restored = work.resolve("restored");
        assertThat(Cli.run("restore", "--input", backup.toString(), "--data-dir", restored.toString()).exitCode()).isZero();
        try (RunningServer server = RunningServer.start(restored)) {
            assertThat(server.iot().describeThing(r -> r.thingName("kept")).thingName()).isEqualTo("kept");
        }
    }

    @Test
    void backupRefusesAnExistingOutputUnlessForced() throws IOException {
        byte[] before = Files.readAllBytes(backup);
        assertRefused(Cli.run("backup", "--data-dir", node.toString(), "--output", backup.toString()), "exists", "--force");
        assertThat(Files.readAllBytes(backup)).isEqualTo(before);
        assertThat(Cli.run("backup", "--data-dir", node.toString(), "--output", backup.toString(), "--force").exitCode()).isZero();
        assertNothingLeftOver("backup.zip");
    }

    @Test
    void backupRefusesAMissingDataDirectoryWithoutMakingOne() throws IOException {
        Path missing = work.resolve("nowhere");
        assertRefused(Cli.run("backup", "--data-dir", missing.toString(), "--output", work.resolve("b2.zip").toString()),
                "No data directory");
        assertThat(missing).doesNotExist();
        assertThat(work.resolve("b2.zip")).doesNotExist();
    }

    @Test
    void backupPointsAPostgresNodeAtPgDump() throws IOException {
        assertRefused(Cli.run("backup", "--data-dir", node.toString(), "--output", work.resolve("b3.zip").toString(),
                "--database-url", "postgresql://fleetjobs:secret@localhost:5432/fleetjobs"), "pg_dump");
        // A PostgreSQL node's data directory holds node files but no database.
        Path nodeFiles = Files.createDirectories(work.resolve("pg-node").resolve("artifacts"));
        assertRefused(Cli.run("backup", "--data-dir", nodeFiles.getParent().toString(), "--output", work.resolve("b3.zip").toString()),
                "pg_dump");
        assertThat(work.resolve("b3.zip")).doesNotExist();
    }

    @Test
    void restoreRefusesANonEmptyTarget() throws IOException {
        Path target = Files.createDirectories(work.resolve("busy"));
        Files.writeString(target.resolve("something"), "x");
        assertRefused(Cli.run("restore", "--input", backup.toString(), "--data-dir", target.toString()), "is not empty");
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files).containsExactly(target.resolve("something"));
        }
        assertNothingLeftOver("backup.zip", "busy");
    }

    @Test
    void restoreIntoAnEmptyDirectoryWorks() throws IOException {
        Path target = Files.createDirectories(work.resolve("empty"));
        assertThat(Cli.run("restore", "--input", backup.toString(), "--data-dir", target.toString()).exitCode()).isZero();
        assertThat(target.resolve("fleetjobs.db")).exists();
    }

    @Test
    void restoreRefusesAMissingInput() throws IOException {
        assertRefused(Cli.run("restore", "--input", work.resolve("none.zip").toString(), "--data-dir", work.resolve("r").toString()),
                "No backup file");
        assertNothingLeftOver("backup.zip");
    }

    @Test
    void restoreRefusesATruncatedArchive() throws IOException {
        byte[] whole = Files.readAllBytes(backup);
        Path truncated = Files.write(work.resolve("truncated.zip"), Arrays.copyOf(whole, whole.length / 2));
        assertRefused(Cli.run("restore", "--input", truncated.toString(), "--data-dir", work.resolve("r").toString()),
                "not a Fleetjobs backup");
        assertNothingLeftOver("backup.zip", "truncated.zip");
    }

    @Test
    void restoreRefusesAnArchiveWithADamagedEntry() throws IOException {
        // The database entry is stored compressed: flip a byte in its middle, where the compressed data is.
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length / 3] ^= 0x5a;
        Path damaged = Files.write(work.resolve("damaged.zip"), bytes);
        Cli.Result result = Cli.run("restore", "--input", damaged.toString(), "--data-dir", work.resolve("r").toString());
        assertRefused(result, "damaged");
        assertNothingLeftOver("backup.zip", "damaged.zip");
    }

    @Test
    void restoreRefusesAForeignFile() throws IOException {
        Path text = Files.writeString(work.resolve("notes.txt"), "not an archive\n");
        assertRefused(Cli.run("restore", "--input", text.toString(), "--data-dir", work.resolve("r").toString()), "not a Fleetjobs backup");
        Path otherZip = work.resolve("other.zip");
        try (OutputStream out = Files.newOutputStream(otherZip); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("../../etc/evil"));
            zip.write(1);
            zip.closeEntry();
        }
        assertRefused(Cli.run("restore", "--input", otherZip.toString(), "--data-dir", work.resolve("r").toString()),
                "not a Fleetjobs backup");
        assertNothingLeftOver("backup.zip", "notes.txt", "other.zip");
    }

    @Test
    void restoreRefusesAManifestNamingAPathOutsideTheTarget() throws IOException {
        Path escaping = work.resolve("escaping.zip");
        String manifest = "{\"format\":\"fleetjobs-backup\",\"formatVersion\":1,\"fleetjobsVersion\":\"x\",\"createdAt\":\"x\","
                + "\"sourceDataDir\":\"x\",\"database\":\"sqlite\",\"notice\":\"x\",\"entries\":["
                + "{\"path\":\"fleetjobs.db\",\"size\":1,\"sha256\":\"00\"},{\"path\":\"secret.key\",\"size\":1,\"sha256\":\"00\"},"
                + "{\"path\":\"../escaped\",\"size\":1,\"sha256\":\"00\"}]}";
        try (OutputStream out = Files.newOutputStream(escaping); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : new String[] {"fleetjobs.db", "secret.key", "../escaped"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(1);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("fleetjobs-backup.json"));
            zip.write(manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertRefused(Cli.run("restore", "--input", escaping.toString(), "--data-dir", work.resolve("r").resolve("x").toString()),
                "cannot be restored: ../escaped");
        assertNothingLeftOver("backup.zip", "escaping.zip");
    }

    private static void assertRefused(Cli.Result result, String... phrases) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("error: ");
        for (String phrase : phrases) {
            assertThat(result.err()).contains(phrase);
        }
    }

    /** The work folder holds the node and these files, nothing half restored or half written beside them. */
    private void assertNothingLeftOver(String... expected) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            String[] names = Stream.concat(Stream.of("node"), Arrays.stream(expected)).toArray(String[]::new);
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(names);
        }
    }
}
