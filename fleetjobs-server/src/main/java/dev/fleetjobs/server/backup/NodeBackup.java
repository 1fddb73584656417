package dev.fleetjobs.server.backup;

import dev.fleetjobs.server.artifacts.ArtifactSnapshot;
import dev.fleetjobs.store.sqlite.SqliteSnapshot;
import dev.fleetjobs.store.sqlite.SqliteStores;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Takes a backup of a SQLite node, also while its server runs (without its lock on the data
 * directory): a snapshot of the database, then the key files and the built-in artifact store, all
 * in one zip archive that is readable by its owner only from its first byte and appears under
 * its name only once complete.
 */
public final class NodeBackup {

    /** What was written and how long the database snapshot took. */
    public record Result(BackupManifest manifest, Duration snapshot) {
    }

    private final String fleetjobsVersion;
    private final Clock clock;

    public NodeBackup(String fleetjobsVersion, Clock clock) {
        this.fleetjobsVersion = fleetjobsVersion;
        this.clock = clock;
    }

    /**
     * Writes the backup of {@code dataDir} to {@code output}.
     *
     * @param replace whether an existing {@code output} may be replaced
     * @throws IllegalArgumentException when {@code dataDir} holds no SQLite node or {@code output} exists and may not be replaced
     */
    public Result write(Path dataDir, Path output, boolean replace) throws IOException, SQLException {
        if (!Files.isRegularFile(dataDir.resolve(SqliteStores.DATABASE_FILE))) {
            throw new IllegalArgumentException(dataDir.toAbsolutePath().normalize() + " holds no SQLite database (" + SqliteStores.DATABASE_FILE
                    + "). A node whose state is in PostgreSQL (--database-url) is backed up with pg_dump: see the README, Backup and restore.");
        }
        if (Files.isDirectory(output)) {
            throw new IllegalArgumentException("--output " + output + " is a directory: give the backup file's name");
        }
        if (!replace && Files.exists(output)) {
            throw new IllegalArgumentException(output + " exists: choose a new name, or give --force to replace it");
        }
        if (output.toAbsolutePath().getParent() != null && !Files.isDirectory(output.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException("No directory " + output.toAbsolutePath().getParent() + " for --output " + output);
        }
        Path staging = OwnerOnly.newSiblingDirectory(output, ".staging");
        Path partial = null;
        try {
            Path snapshot = staging.resolve(SqliteStores.DATABASE_FILE);
            String createdAt = clock.instant().toString();
            long started = System.nanoTime();
            SqliteSnapshot.copy(dataDir, snapshot);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            partial = OwnerOnly.newSiblingFile(output, ".partial");
            BackupManifest manifest;
            try (OutputStream out = Files.newOutputStream(partial); ArchiveWriter archive = new ArchiveWriter(out)) {
                archive.add(SqliteStores.DATABASE_FILE, snapshot);
                for (String name : NodeFiles.KEY_FILES) {
                    addIfPresent(archive, name, dataDir.resolve(name));
                }
                ArtifactSnapshot.copy(dataDir.resolve(NodeFiles.ARTIFACTS), new ArtifactSnapshot.Sink() {
                    @Override
                    public void bytes(String name, byte[] content) throws IOException {
                        archive.add(NodeFiles.ARTIFACTS + "/" + name, content);
                    }

                    @Override
                    public void file(String name, Path file) throws IOException {
                        archive.add(NodeFiles.ARTIFACTS + "/" + name, file);
                    }
                });
                manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.VERSION, fleetjobsVersion, createdAt,
                        dataDir.toAbsolutePath().normalize().toString(), BackupManifest.SQLITE, BackupManifest.NOTICE, archive.entries());
                archive.finish(manifest);
            }
            try (var channel = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (replace) {
                Files.move(partial, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // A hard link, unlike a rename, fails when the name was taken meanwhile.
                try {
                    Files.createLink(output, partial);
                } catch (FileAlreadyExistsException raced) {
                    throw new IllegalArgumentException(output + " exists: choose a new name, or give --force to replace it");
                }
            }
            return new Result(manifest, took);
        } finally {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
            OwnerOnly.deleteTree(staging);
        }
    }

    private static void addIfPresent(ArchiveWriter archive, String name, Path file) throws IOException {
        try {
            archive.add(name, file);
        } catch (NoSuchFileException absent) {
            // not every node has every file (root credentials given by the environment, no --dev)
        }
    }
}
