package dev.fleetjobs.cli;

import dev.fleetjobs.server.app.DataDirectory;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.pki.CertificateAuthority;
import dev.fleetjobs.server.pki.CertificateIds;
import dev.fleetjobs.server.pki.Pem;
import dev.fleetjobs.server.pki.PrivateFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetjobs certificates}: development device certificates from the data directory's CA. */
@Command(name = "certificates", mixinStandardHelpOptions = true,
        description = "Development device certificates signed by the server's own CA (kept in the data directory).",
        subcommands = CertificatesCommand.Issue.class)
final class CertificatesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = {"Writes a new key pair and a certificate signed by the server's CA for a device.",
                    "Register and attach it through the control plane (the commands are printed) before the device uses it."})
    static final class Issue implements Callable<Integer> {

        @Option(names = "--thing", required = true, description = "The device's thing name (the certificate's common name).")
        String thing;

        @Option(names = "--out", description = "Directory for the files (default: the current one).")
        Path out = Path.of(".");

        @Option(names = "--days", description = "Validity in days (default: ${DEFAULT-VALUE}).")
        int days = 365;

        @Option(names = "--data-dir", description = "The server's data directory (default: ${DEFAULT-VALUE}).")
        Path dataDir = Path.of(ServerConfig.DEFAULT_DATA_DIR);

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!thing.matches("[a-zA-Z0-9:_-]{1,128}")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--thing must be a thing name ([a-zA-Z0-9:_-], 1 to 128)");
            }
            DataDirectory.requireNode(dataDir);
            if (!Files.exists(dataDir.resolve(CertificateAuthority.KEY_FILE))) {
                throw new IllegalArgumentException("No CA in " + dataDir + ": start the server on it once first");
            }
            CertificateAuthority authority = CertificateAuthority.openOrCreate(dataDir, Clock.systemUTC());
            KeyPair keys = CertificateAuthority.KeyPairs.ec();
            X509Certificate certificate = authority.issueClient(keys.getPublic(), thing, Duration.ofDays(days));
            Files.createDirectories(out);
            Path certificateFile = out.resolve(thing + ".cert.pem");
            Path keyFile = out.resolve(thing + ".private.key");
            Path caFile = out.resolve("fleetjobs-ca.pem");
            Files.deleteIfExists(keyFile);
            PrivateFiles.createIfAbsent(keyFile, Pem.pkcs8(keys.getPrivate()));
            Files.writeString(certificateFile, Pem.of(certificate));
            Files.writeString(caFile, Pem.of(authority.certificate()));
            PrintWriter printer = spec.commandLine().getOut();
            printer.println("Wrote " + certificateFile + ", " + keyFile + " (owner-only) and " + caFile + " (trust it to reach the device listener).");
            printer.println("Register it and attach it to the thing:");
            printer.println("  aws iot register-certificate --certificate-pem file://" + certificateFile + " --status ACTIVE --endpoint-url \"$endpoint\"");
            printer.println("  aws iot attach-thing-principal --thing-name " + thing + " --principal arn:aws:iot:" + ServerConfig.DEFAULT_REGION + ":"
                    + ServerConfig.DEFAULT_ACCOUNT_ID + ":cert/" + CertificateIds.of(certificate) + " --endpoint-url \"$endpoint\"");
            printer.flush();
            return 0;
        }
    }
}
