package dev.fleetjobs.server.app;

import dev.fleetjobs.server.auth.SecretBox;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's data directory, held for as long as the server runs: made (or made again) readable by
 * its owner only, and locked with an exclusive file lock on {@value #LOCK_FILE}, so a second server
 * on the same directory is refused. The tools that work on a node's files beside a running server
 * ({@code credentials}, {@code certificates}) do not take the lock; they only ask
 * {@link #requireNode} that the directory is a node's.
 */
public final class DataDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    public static final String LOCK_FILE = "server.lock";

    private final Path dir;
    private final FileChannel channel; // null when not locked
    private final FileLock lock;

    private DataDirectory(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the directory when missing (owner-only), closes it to other users when it was open,
     * and locks it.
     *
     * @throws IllegalArgumentException when the path is a file (left exactly as it was)
     * @throws DataDirectoryInUseException when another server holds it
     */
    public static DataDirectory open(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("The data directory " + dir + " is a file, not a directory: give --data-dir a directory "
                    + "(it is created when missing).");
        }
        createPrivate(dir);
        Path lockFile = dir.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new DataDirectoryInUseException(dir, holder(lockFile));
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        return new DataDirectory(dir, channel, lock);
    }

    /**
     * The directory prepared as by {@link #open} but not locked: for a second node that deliberately shares its data
     * directory (and so its SQLite database) with another in the same process, which only the tests of several nodes do.
     */
    public static DataDirectory shared(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("The data directory " + dir + " is a file, not a directory");
        }
        createPrivate(dir);
        return new DataDirectory(dir, null, null);
    }

    /** Whether a server has started on {@code dir}: it holds the node's secret key. */
    public static boolean holdsNode(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(SecretBox.FILE_NAME));
    }

    /**
     * For the tools that manage an existing node: refuses a directory that holds none, instead of
     * making a new one the server would never read.
     *
     * @throws IllegalArgumentException naming the directory
     */
    public static void requireNode(Path dir) {
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException("No data directory " + dir.toAbsolutePath().normalize()
                    + ": give --data-dir the directory the server runs on.");
        }
        if (!holdsNode(dir)) {
            throw new IllegalArgumentException(dir.toAbsolutePath().normalize() + " holds no Fleetjobs node (no " + SecretBox.FILE_NAME
                    + "): give --data-dir the directory the server runs on, or start the server on it once first.");
        }
    }

    public Path path() {
        return dir;
    }

    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.warn("Could not release the lock on {}: {}", dir, e.toString());
        }
    }

    private static String holder(Path lockFile) {
        try {
            String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? pid : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void createPrivate(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null
                && !Files.getPosixFilePermissions(dir).equals(PosixFilePermissions.fromString("rwx------"))) {
            LOG.warn("The data directory {} was open to other users; it is now readable by its owner only", dir.toAbsolutePath());
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
