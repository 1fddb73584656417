package dev.fleetjobs.cli;

import dev.fleetjobs.server.app.ClusterSettings;
import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.RootCredentials;
import dev.fleetjobs.server.auth.SecretBox;
import dev.fleetjobs.server.pki.CertificateAuthority;
import dev.fleetjobs.server.pki.PrivateFiles;
import dev.fleetjobs.store.StoreTransaction;
import dev.fleetjobs.store.postgresql.PostgresDialect;
import dev.fleetjobs.store.postgresql.PostgresStores;
import dev.fleetjobs.store.postgresql.PostgresUrl;
import dev.fleetjobs.store.sql.SqlJobStore;
import dev.fleetjobs.store.sql.StoreCopy;
import dev.fleetjobs.store.sqlite.SqliteStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetjobs store}: moving a fleet between databases. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Moves a fleet from one database to another.",
        subcommands = StoreCommand.Copy.class)
final class StoreCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copies a stopped SQLite node's whole state into an empty PostgreSQL database and prints what it copied.",
                    "Give every PostgreSQL node the data directory's secret.key as its sealing key: the copied secrets are sealed with it."})
    static final class Copy implements Callable<Integer> {

        @Option(names = "--from", required = true, paramLabel = "DATA_DIR", description = "The SQLite node's data directory (the node stopped).")
        Path from;

        @Option(names = "--to", required = true, paramLabel = "URL", description = "postgresql://USER:PASSWORD@HOST:PORT/DB of an empty database.")
        String to;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, SQLException {
            Path database = from.resolve(SqliteStores.DATABASE_FILE);
            if (!Files.isRegularFile(database)) {
                throw new IllegalArgumentException("No Fleetjobs database in " + from + " (" + database + " is missing)");
            }
            PostgresUrl url = PostgresUrl.parse(to);
            SecretBox box = SecretBox.open(from);
            // Both at the newest schema first: the copy moves rows, not schemas.
            SqliteStores.open(from).close();
            Map<String, Long> copied;
            try (SqlJobStore target = PostgresStores.open(url)) {
                try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + database);
                     Connection destination = PostgresStores.connect(url)) {
                    copied = StoreCopy.copy(source, destination, new PostgresDialect());
                }
                Map<String, String> settings = settings(box);
                target.write((StoreTransaction tx) -> {
                    settings.forEach(tx::putSetting);
                    return null;
                }).join();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Copied " + from + " into " + url.display() + ":");
            copied.forEach((table, rows) -> out.printf("  %-24s %,d%n", table, rows));
            out.println("Start every node with --database-url and --sealing-key-file " + from.resolve(SecretBox.FILE_NAME)
                    + " (or a copy of that file).");
            out.flush();
            return 0;
        }

        /** What the SQLite node kept in files and the PostgreSQL nodes read from the database. */
        private Map<String, String> settings(SecretBox box) throws IOException {
            Map<String, String> settings = new LinkedHashMap<>();
            Path caKey = from.resolve(CertificateAuthority.KEY_FILE);
            if (Files.exists(caKey)) {
                settings.put(ClusterSettings.DEVICE_CA_CERTIFICATE, Files.readString(from.resolve(CertificateAuthority.CERTIFICATE_FILE)));
                settings.put(ClusterSettings.DEVICE_CA_KEY, ClusterSettings.sealCaKey(box, PrivateFiles.read(caKey)));
            }
            Path root = from.resolve(RootCredentials.FILE_NAME);
            if (Files.exists(root)) {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(root)) {
                    properties.load(in);
                }
                String id = properties.getProperty("accessKeyId");
                settings.put(ClusterSettings.ROOT_ACCESS_KEY_ID, id);
                settings.put(ClusterSettings.ROOT_SECRET, box.seal(properties.getProperty("secretAccessKey"), id));
            }
            Path offset = from.resolve(FleetjobsServer.DEV_CLOCK_FILE);
            if (Files.exists(offset)) {
                settings.put(ClusterSettings.DEV_CLOCK_OFFSET, Files.readString(offset).strip());
            }
            return settings;
        }
    }
}
