package dev.fleetjobs.cli;

import dev.fleetjobs.cli.config.Secret;
import dev.fleetjobs.server.app.DatabaseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a node's shared PostgreSQL database is, and the sealing key every node is given. */
final class DatabaseOptionsMixin {

    static final String URL_ENV = "FLEETJOBS_DATABASE_URL";
    static final String KEY_FILE_ENV = "FLEETJOBS_SEALING_KEY_FILE";
    static final String KEY_ENV = "FLEETJOBS_SEALING_KEY";

    @Secret(Secret.Part.URL_PASSWORD)
    @Option(names = "--database-url", paramLabel = "URL",
            description = {"PostgreSQL shared by several nodes: postgresql://USER:PASSWORD@HOST:PORT/DB (or jdbc:postgresql://...);"
                    + " also " + URL_ENV + ". Without it the node keeps its data in SQLite in --data-dir."})
    String url;

    @Option(names = "--sealing-key-file", paramLabel = "FILE",
            description = {"With --database-url: the key (base64 of 32 bytes) that seals the secrets kept in the database; every node"
                    + " needs the same one and it is never stored there. Also " + KEY_FILE_ENV + ", or the key itself in " + KEY_ENV + "."})
    Path sealingKeyFile;

    /** The database to use, or null for SQLite. */
    DatabaseOptions options(Map<String, String> environment) {
        String chosen = url != null ? url : environment.get(URL_ENV);
        if (chosen == null || chosen.isBlank()) {
            return null;
        }
        Path keyFile = sealingKeyFile != null ? sealingKeyFile
                : environment.get(KEY_FILE_ENV) != null ? Path.of(environment.get(KEY_FILE_ENV)) : null;
        if (keyFile != null) {
            return new DatabaseOptions(chosen, read(keyFile), keyFile.toString());
        }
        return new DatabaseOptions(chosen, environment.get(KEY_ENV), KEY_ENV);
    }

    private static String read(Path keyFile) {
        try {
            return Files.readString(keyFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the sealing key file " + keyFile + ": " + e.getMessage(), e);
        }
    }
}
