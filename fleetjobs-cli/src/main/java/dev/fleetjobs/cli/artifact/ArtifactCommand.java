package dev.fleetjobs.cli.artifact;

import dev.fleetjobs.cli.ops.ConnectionOptions;
import dev.fleetjobs.cli.ops.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleetjobs artifact ...}: files for jobs in the server's S3-compatible store. */
@Command(name = "artifact", mixinStandardHelpOptions = true,
        description = "Puts, lists and removes job files in the server's S3-compatible store (the AWS CLI's 's3' commands work too).",
        subcommands = {ArtifactCommand.Put.class, ArtifactCommand.ListArtifacts.class, ArtifactCommand.Remove.class})
public final class ArtifactCommand {

    static final String DEFAULT_BUCKET = "fleetjobs-artifacts";

    /** What every artifact command shares: where the store is and which bucket. */
    abstract static class StoreCommand implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Option(names = "--bucket", paramLabel = "BUCKET", description = "The bucket (default: ${DEFAULT-VALUE}).")
        String bucket = DEFAULT_BUCKET;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        ArtifactStoreClient client() {
            return new ArtifactStoreClient(connection.endpoint(), connection.region(), connection.credentials());
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Uploads FILE and prints the placeholder to put into a job document, and its SHA-256.")
    static final class Put extends StoreCommand {

        @Parameters(paramLabel = "FILE", description = "The file to upload.")
        Path file;

        @Option(names = "--key", paramLabel = "KEY", description = "The object key (default: the file's name).")
        String key;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + " is not a file");
            }
            String objectKey = key != null ? key : file.getFileName().toString();
            String sha256 = sha256(file);
            ArtifactStoreClient client = client();
            client.ensureBucket(bucket);
            String etag = client.upload(file, bucket, objectKey);
            String placeholder = "${aws:iot:s3-presigned-url:https://s3." + connection.region() + ".amazonaws.com/" + bucket + "/"
                    + ArtifactStoreClient.encode(objectKey, true) + "}";
            PrintWriter out = out();
            out.println("uploaded " + file + " to s3://" + bucket + "/" + objectKey + " (" + Files.size(file) + " bytes, ETag " + etag + ")");
            out.println("sha256: " + sha256);
            out.println("placeholder: " + placeholder);
            out.println("download step: {\"action\":{\"name\":\"download\",\"type\":\"download\",\"input\":{\"url\":\"" + placeholder
                    + "\",\"sha256\":\"" + sha256 + "\",\"path\":\"" + file.getFileName() + "\"}}}");
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the bucket's files with their sizes and SHA-256.")
    static final class ListArtifacts extends StoreCommand {

        @Option(names = "--prefix", paramLabel = "PREFIX", description = "Only keys that start with PREFIX.")
        String prefix = "";

        @Override
        public Integer call() {
            ArtifactStoreClient client = client();
            Table table = new Table("KEY", "SIZE", "LAST MODIFIED", "SHA256");
            for (ArtifactStoreClient.Listed object : client.list(bucket, prefix)) {
                table.row(object.key(), Long.toString(object.size()), object.lastModified(),
                        client.sha256(bucket, object.key()).orElse("-"));
            }
            table.print(out());
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Removes a file from the bucket.")
    static final class Remove extends StoreCommand {

        @Parameters(paramLabel = "KEY", description = "The file's key in the bucket.")
        String key;

        @Override
        public Integer call() {
            client().delete(bucket, key);
            out().println("removed s3://" + bucket + "/" + key);
            out().flush();
            return 0;
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
