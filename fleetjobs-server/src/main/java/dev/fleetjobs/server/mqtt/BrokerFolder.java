package dev.fleetjobs.server.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The embedded broker's folder ({@code <data-dir>/mqtt}) and everything in it belong to the
 * server's user alone, whatever the umask: its folders are made {@code 0700}, the configuration
 * is written {@code 0600} from its first byte, and what HiveMQ creates at start is tightened
 * after it. The extensions folder is never writable by others, so no one can drop an extension
 * into the broker.
 */
final class BrokerFolder {

    static final String CONF = "conf";
    static final String DATA = "data";
    static final String EXTENSIONS = "extensions";
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private BrokerFolder() {
    }

    static void prepare(Path folder) throws IOException {
        for (Path dir : new Path[] {folder, folder.resolve(CONF), folder.resolve(DATA), folder.resolve(EXTENSIONS)}) {
            Files.createDirectories(dir);
            restrict(dir, OWNER_DIRECTORY);
        }
    }

    /** Replaces {@code file} with {@code content}, owner-only from the first byte. */
    static void writePrivate(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + System.nanoTime() + ".tmp");
        if (isPosix(file.getParent())) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } else {
            Files.createFile(temporary);
        }
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Takes every permission of group and others from what lies under {@code folder}. */
    static void tighten(Path folder) throws IOException {
        if (!isPosix(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                restrict(dir, OWNER_DIRECTORY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                    permissions.retainAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE));
                    Files.setPosixFilePermissions(file, permissions);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (isPosix(path)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
