package dev.fleetjobs.server.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner may read: created owner-only from the first byte, and published
 * without ever replacing a file another process created first (two processes starting on one
 * data directory must agree on one key).
 */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    /**
     * Writes {@code content} to {@code file} unless it already exists. Returns true when this call
     * created it. The content appears whole or not at all.
     */
    public static boolean createIfAbsent(Path file, String content) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Path dir = file.toAbsolutePath().getParent();
        Path temporary = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        createOwnerOnly(temporary);
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            // A hard link, unlike a rename, fails when the target exists: the first writer wins.
            Files.createLink(file, temporary);
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Reads a private file, refusing one that others may read. */
    public static String read(Path file) throws IOException {
        if (isPosix(file) && !Files.getPosixFilePermissions(file).equals(PosixFilePermissions.fromString("rw-------"))
                && !Files.getPosixFilePermissions(file).equals(PosixFilePermissions.fromString("r--------"))) {
            throw new IOException(file + " must be readable by its owner only (chmod 600 " + file + ")");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (isPosix(file.getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
