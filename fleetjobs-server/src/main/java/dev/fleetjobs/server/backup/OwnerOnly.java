package dev.fleetjobs.server.backup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/** Files and folders readable by their owner only from the moment they exist, as the server makes its own. */
final class OwnerOnly {

    static final String FILE = "rw-------";
    static final String DIRECTORY = "rwx------";

    private OwnerOnly() {
    }

    /** A new empty file beside {@code target}, 0600 from creation, for writing before an atomic move onto it. */
    static Path newSiblingFile(Path target, String suffix) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path file = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + suffix);
        return isPosix(dir) ? Files.createFile(file, attribute(FILE)) : Files.createFile(file);
    }

    /** A new empty folder beside {@code target}, 0700 from creation. */
    static Path newSiblingDirectory(Path target, String suffix) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path folder = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + suffix);
        return isPosix(dir) ? Files.createDirectory(folder, attribute(DIRECTORY)) : Files.createDirectory(folder);
    }

    static Path createDirectory(Path dir) throws IOException {
        return isPosix(dir.toAbsolutePath().getParent()) ? Files.createDirectory(dir, attribute(DIRECTORY)) : Files.createDirectory(dir);
    }

    static Path createFile(Path file) throws IOException {
        return isPosix(file.toAbsolutePath().getParent()) ? Files.createFile(file, attribute(FILE)) : Files.createFile(file);
    }

    /** Removes {@code path} and everything under it, if it is there. */
    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isPosix(Path dir) {
        return dir != null && Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }

    private static FileAttribute<?> attribute(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
