package dev.fleetjobs.cli;

import dev.fleetjobs.core.error.JobsServiceException;
import dev.fleetjobs.core.security.AccessKey;
import dev.fleetjobs.core.security.Role;
import dev.fleetjobs.server.app.DataDirectory;
import dev.fleetjobs.server.app.RootCredentials;
import dev.fleetjobs.server.app.ClusterSettings;
import dev.fleetjobs.server.app.DatabaseOptions;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.auth.SecretBox;
import dev.fleetjobs.server.service.CredentialService;
import dev.fleetjobs.server.service.NewAccessKey;
import dev.fleetjobs.store.postgresql.PostgresStores;
import dev.fleetjobs.store.postgresql.PostgresUrl;
import dev.fleetjobs.store.sql.SqlJobStore;
import dev.fleetjobs.store.sqlite.SqliteStores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetjobs credentials}: access keys besides the root key. It works on the data directory
 * itself (whoever may read that directory holds every key anyway), also while the server runs:
 * the server picks changes up within a second.
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = {"Manages access keys in the data directory, or with --database-url in the shared PostgreSQL database"
                + " (also while the servers run; they notice within a second).",
                "Roles: admin (everything), operator (the control plane), device (the data plane, for things matching --things)."},
        subcommands = {CredentialsCommand.Add.class, CredentialsCommand.ListKeys.class, CredentialsCommand.Revoke.class})
final class CredentialsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options every subcommand shares. */
    static class DataDir {
        @Option(names = "--data-dir", description = "The server's data directory (default: ${DEFAULT-VALUE}).")
        Path dataDir = Path.of(ServerConfig.DEFAULT_DATA_DIR);

        @CommandLine.Mixin
        DatabaseOptionsMixin database = new DatabaseOptionsMixin();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        <T> T withService(ServiceWork<T> work) throws IOException {
            DatabaseOptions shared = database.options(System.getenv());
            if (shared != null) {
                try (SqlJobStore store = PostgresStores.open(PostgresUrl.parse(shared.url()))) {
                    return work.run(new CredentialService(store.security(), ClusterSettings.sealingKey(shared, store), Clock.systemUTC()));
                }
            }
            DataDirectory.requireNode(dataDir);
            try (SqlJobStore store = SqliteStores.open(dataDir)) {
                return work.run(new CredentialService(store.security(), SecretBox.open(dataDir), Clock.systemUTC()));
            }
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @FunctionalInterface
    interface ServiceWork<T> {
        T run(CredentialService service) throws IOException;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Creates an access key and prints its secret, once.")
    static final class Add extends DataDir implements Callable<Integer> {

        @Option(names = "--role", required = true, description = "admin, operator or device.")
        String role;

        @Option(names = "--things", paramLabel = "PATTERN",
                description = "Device keys only: the things it may act for; * matches any characters, ? one (e.g. 'pump-*').")
        String things;

        @Option(names = "--description", description = "A note to recognise the key by.")
        String description;

        @Override
        public Integer call() throws IOException {
            Role parsed;
            try {
                parsed = Role.valueOf(role.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--role must be admin, operator or device, not " + role);
            }
            NewAccessKey created;
            try {
                created = withService(service -> service.add(parsed, things, description).join());
            } catch (JobsServiceException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            // The sentence goes to stderr so that stdout holds only the export lines: eval "$(fleetjobs credentials add ...)" works.
            PrintWriter err = spec.commandLine().getErr();
            String roleName = parsed.name().toLowerCase(Locale.ROOT);
            err.println("Created " + (roleName.equals("operator") || roleName.equals("admin") ? "an " : "a ") + roleName + " key"
                    + (things == null ? "" : " for things matching " + things) + ". Its secret is shown only this once:");
            err.flush();
            PrintWriter out = out();
            out.println("export AWS_ACCESS_KEY_ID=" + created.key().accessKeyId());
            out.println("export AWS_SECRET_ACCESS_KEY=" + created.secretAccessKey());
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists access keys (never their secrets).")
    static final class ListKeys extends DataDir implements Callable<Integer> {

        @Override
        public Integer call() throws IOException {
            List<AccessKey> keys = withService(service -> service.list().join());
            PrintWriter out = out();
            out.printf("%-20s  %-8s  %-24s  %-20s  %s%n", "ACCESS KEY ID", "ROLE", "THINGS", "CREATED", "STATUS");
            for (AccessKey key : keys) {
                out.printf("%-20s  %-8s  %-24s  %-20s  %s%n", key.accessKeyId(), key.role().name().toLowerCase(Locale.ROOT),
                        key.thingPattern() == null ? "-" : key.thingPattern().text(),
                        Instant.ofEpochMilli(key.createdAtMillis()).toString().substring(0, 19),
                        key.revoked() ? "revoked " + Instant.ofEpochMilli(key.revokedAtMillis()) : "active");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes an access key: the server refuses it within a second. The root key cannot be revoked here.")
    static final class Revoke extends DataDir implements Callable<Integer> {

        @Parameters(paramLabel = "ACCESS_KEY_ID", description = "The key to revoke, as credentials list shows it.")
        String accessKeyId;

        @Override
        public Integer call() throws IOException {
            boolean revoked = withService(service -> service.revoke(accessKeyId).join());
            if (!revoked) {
                boolean root = RootCredentials.storedAccessKeyId(dataDir).map(accessKeyId::equals).orElse(false);
                spec.commandLine().getErr().println(root
                        ? accessKeyId + " is the root key of " + dataDir + ": it is not kept with the other keys and cannot be revoked. "
                                + "To replace it, stop the server, delete " + dataDir.resolve(RootCredentials.FILE_NAME)
                                + " and start the server again: it makes and shows a new root key, and the old one stops working."
                        : "No access key " + accessKeyId + " in " + dataDir + " (see 'credentials list'; a root key given by "
                                + "FLEETJOBS_ROOT_ACCESS_KEY_ID is not kept there: change those variables and restart the server to replace it).");
                return 1;
            }
            out().println("Revoked " + accessKeyId);
            out().flush();
            return 0;
        }
    }
}
