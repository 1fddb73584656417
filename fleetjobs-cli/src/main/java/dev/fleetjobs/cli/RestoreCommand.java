package dev.fleetjobs.cli;

import dev.fleetjobs.server.backup.BackupManifest;
import dev.fleetjobs.server.backup.NodeRestore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetjobs restore}: a backup made by {@code fleetjobs backup} brought back as a new data directory. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Checks a backup made by 'fleetjobs backup' and unpacks it into a new (or empty) data directory; then start"
                + " the server on it: it serves the same fleet with the same credentials and certificates.",
                "Nothing is left behind when the backup is damaged."})
final class RestoreCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The backup file.")
    Path input;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "The data directory to make; it must not exist or be empty.")
    Path dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BackupManifest manifest = new NodeRestore().restore(input, dataDir);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Restored %s into %s: %d files, %,d bytes, as %s was at %s (Fleetjobs %s).%n", input, dataDir,
                manifest.entries().size(), manifest.totalBytes(), manifest.sourceDataDir(), manifest.createdAt(), manifest.fleetjobsVersion());
        out.println("Start it with: fleetjobs server --data-dir " + dataDir);
        out.flush();
        return 0;
    }
}
