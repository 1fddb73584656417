package dev.fleetjobs.server.backup;

import dev.fleetjobs.server.auth.SecretBox;
import dev.fleetjobs.store.sqlite.SqliteStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Brings a backup back as a new data directory: the archive is checked against its manifest
 * (every entry there, nothing else, sizes and SHA-256 equal) while it is unpacked into a hidden
 * folder beside the target, which takes the target's name only once complete, so a failed
 * restore leaves nothing behind. Folders are 0700 and files 0600, as the server makes them.
 */
public final class NodeRestore {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    /**
     * Restores {@code input} into {@code target}, which must not exist or be an empty directory.
     *
     * @throws IllegalArgumentException when the target is not empty, or the input is missing or not a sound Fleetjobs backup
     */
    public BackupManifest restore(Path input, Path target) throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("No backup file " + input);
        }
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new IllegalArgumentException(target.toAbsolutePath().normalize() + " is not empty: restore into a new (or empty) directory");
        }
        try (ZipFile zip = open(input)) {
            BackupManifest manifest = manifest(zip, input);
            Path parent = target.toAbsolutePath().normalize().getParent();
            Files.createDirectories(parent);
            Path unpacked = OwnerOnly.newSiblingDirectory(target.toAbsolutePath().normalize(), ".restoring");
            try {
                for (BackupManifest.Entry entry : manifest.entries()) {
                    unpack(zip, entry, unpacked, input);
                }
                if (Files.exists(target)) {
                    Files.delete(target); // empty, checked above
                }
                Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                OwnerOnly.deleteTree(unpacked);
            }
            return manifest;
        }
    }

    private static ZipFile open(Path input) throws IOException {
        try {
            return new ZipFile(input.toFile());
        } catch (ZipException e) {
            throw new IllegalArgumentException(input + " is not a Fleetjobs backup: not a readable archive (truncated or another kind of file)");
        }
    }

    private static BackupManifest manifest(ZipFile zip, Path input) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.NAME);
        if (entry == null) {
            throw new IllegalArgumentException(input + " is not a Fleetjobs backup: it holds no " + BackupManifest.NAME);
        }
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = ArchiveWriter.JSON.readValue(in, BackupManifest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(input + " is damaged: its " + BackupManifest.NAME + " cannot be read");
        }
        if (!BackupManifest.FORMAT.equals(manifest.format()) || manifest.entries() == null) {
            throw new IllegalArgumentException(input + " is not a Fleetjobs backup: its " + BackupManifest.NAME + " does not describe one");
        }
        if (manifest.formatVersion() != BackupManifest.VERSION) {
            throw new IllegalArgumentException(input + " is a backup of format " + manifest.formatVersion() + ", which this version of "
                    + "Fleetjobs does not know (it reads format " + BackupManifest.VERSION + ")");
        }
        Set<String> listed = new HashSet<>();
        for (BackupManifest.Entry e : manifest.entries()) {
            if (e.path() == null || !safe(e.path()) || !listed.add(e.path())) {
                throw new IllegalArgumentException(input + " is damaged: its manifest names an entry that cannot be restored: " + e.path());
            }
        }
        if (!listed.contains(SqliteStores.DATABASE_FILE) || !listed.contains(SecretBox.FILE_NAME)) {
            throw new IllegalArgumentException(input + " is damaged: it lacks " + SqliteStores.DATABASE_FILE + " or " + SecretBox.FILE_NAME);
        }
        var names = zip.stream().map(ZipEntry::getName).filter(n -> !n.equals(BackupManifest.NAME)).toList();
        for (String name : names) {
            if (!listed.contains(name)) {
                throw new IllegalArgumentException(input + " is damaged: it holds " + name + ", which its manifest does not list");
            }
        }
        return manifest;
    }

    private static void unpack(ZipFile zip, BackupManifest.Entry entry, Path into, Path input) throws IOException {
        ZipEntry zipped = zip.getEntry(entry.path());
        if (zipped == null) {
            throw new IllegalArgumentException(input + " is damaged: " + entry.path() + " is missing from it");
        }
        Path file = into;
        String[] names = entry.path().split("/");
        for (int i = 0; i < names.length - 1; i++) {
            file = file.resolve(names[i]);
            if (!Files.isDirectory(file)) {
                OwnerOnly.createDirectory(file);
            }
        }
        file = OwnerOnly.createFile(file.resolve(names[names.length - 1]));
        MessageDigest sha256 = ArchiveWriter.sha256();
        long size;
        try (InputStream in = new DigestInputStream(zip.getInputStream(zipped), sha256); OutputStream out = Files.newOutputStream(file)) {
            size = in.transferTo(out);
        } catch (ZipException | java.io.EOFException e) {
            throw new IllegalArgumentException(input + " is damaged: " + entry.path() + " cannot be read (" + e.getMessage() + ")");
        }
        if (size != entry.size() || !HexFormat.of().formatHex(sha256.digest()).equalsIgnoreCase(entry.sha256())) {
            throw new IllegalArgumentException(input + " is damaged: " + entry.path() + " does not match the checksum its manifest records");
        }
    }

    /** A relative path of plain names, none of them {@code .} or {@code ..}: it cannot leave the folder it is unpacked into. */
    private static boolean safe(String path) {
        for (String name : path.split("/", -1)) {
            if (!SAFE_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
                return false;
            }
        }
        return !path.equals(BackupManifest.NAME);
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            return !children.iterator().hasNext();
        }
    }
}
