package dev.fleetjobs.cli;

import dev.fleetjobs.server.app.DataDirectory;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.backup.BackupManifest;
import dev.fleetjobs.server.backup.NodeBackup;
import dev.fleetjobs.store.sqlite.SqliteStores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetjobs backup}: a running (or stopped) SQLite node's whole state in one private file. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes a consistent copy of a SQLite node's whole state (its database, secret keys, CA, root credentials and"
                + " built-in artifact store) into one zip file readable by its owner only. The server may keep running and writing.",
                "The file holds the node's secret keys: keep it as private as the data directory. A PostgreSQL node is backed up"
                        + " with pg_dump instead."})
final class BackupCommand implements Callable<Integer> {

    @Option(names = "--data-dir", description = "The node's data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of(ServerConfig.DEFAULT_DATA_DIR);

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The backup file to write (created 0600).")
    Path output;

    @Option(names = "--force", description = "Replace --output when it exists (otherwise an existing file is refused).")
    boolean force;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "Accepted so that a PostgreSQL node's command line is refused with the way to back it up (pg_dump); also "
                    + DatabaseOptionsMixin.URL_ENV + ".")
    String databaseUrl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, SQLException {
        String environmentUrl = System.getenv(DatabaseOptionsMixin.URL_ENV);
        if (databaseUrl != null || (environmentUrl != null && !environmentUrl.isBlank())) {
            throw new IllegalArgumentException("This node keeps its state in PostgreSQL: back the database up with pg_dump"
                    + " (see the README, Backup and restore); fleetjobs backup copies SQLite nodes");
        }
        if (!Files.exists(dataDir) || Files.isRegularFile(dataDir.resolve(SqliteStores.DATABASE_FILE))) {
            DataDirectory.requireNode(dataDir);
        }
        NodeBackup backup = new NodeBackup(VersionProvider.version(), Clock.systemUTC());
        NodeBackup.Result result = backup.write(dataDir, output, force);
        BackupManifest manifest = result.manifest();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Backed up %s into %s: %d files, %,d bytes (database snapshot taken at %s in %d ms).%n",
                manifest.sourceDataDir(), output, manifest.entries().size(), manifest.totalBytes(), manifest.createdAt(),
                result.snapshot().toMillis());
        out.println("It holds the node's secret keys: keep it private. Restore with: fleetjobs restore --input " + output
                + " --data-dir NEW_DIR");
        out.flush();
        return 0;
    }
}
