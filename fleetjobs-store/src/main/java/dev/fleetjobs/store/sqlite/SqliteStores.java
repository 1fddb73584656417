package dev.fleetjobs.store.sqlite;

import dev.fleetjobs.store.StoreUnavailableException;
import dev.fleetjobs.store.sql.SqlJobStore;
import dev.fleetjobs.store.sql.SqlStoreOptions;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.sqlite.SQLiteDataSource;

/** Opens the embedded store: one SQLite database, {@value #DATABASE_FILE}, in a data directory. */
public final class SqliteStores {

    public static final String DATABASE_FILE = "fleetjobs.db";

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private SqliteStores() {
    }

    public static SqlJobStore open(Path dataDir) {
        return open(dataDir, SqlStoreOptions.defaults());
    }

    /**
     * Opens (creating when missing) {@code dataDir/fleetjobs.db} and migrates it. Directories and
     * the database file it creates are readable by the owner only; SQLite gives its -wal and -shm
     * files the database file's permissions.
     */
    public static SqlJobStore open(Path dataDir, SqlStoreOptions options) {
        Path database = dataDir.toAbsolutePath().resolve(DATABASE_FILE);
        try {
            createOwnerOnlyDirectories(database.getParent());
            createOwnerOnlyFile(database);
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot create the database file " + database, e);
        }
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + database);
        return SqlJobStore.open(new SqliteDialect(), dataSource, options);
    }

    private static void createOwnerOnlyDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path created = missing.pop();
            try {
                if (isPosix(created.getParent())) {
                    Files.createDirectory(created, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                } else {
                    Files.createDirectory(created);
                }
            } catch (FileAlreadyExistsException raced) {
                continue;
            }
            restrict(created, OWNER_DIR);
        }
    }

    private static void createOwnerOnlyFile(Path file) throws IOException {
        // An empty file is an empty SQLite database; creating it here, owner-only from the first
        // moment, keeps the data private without a window in which the umask decided.
        try {
            if (isPosix(file.getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException existing) {
            return;
        }
        restrict(file, OWNER_FILE);
    }

    private static boolean isPosix(Path existing) {
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
