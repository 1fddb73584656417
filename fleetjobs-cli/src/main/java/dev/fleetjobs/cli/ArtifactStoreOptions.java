package dev.fleetjobs.cli;

import dev.fleetjobs.server.artifacts.ArtifactSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code fleetjobs server}'s options for job files: which store presigned URLs point at. */
public final class ArtifactStoreOptions {

    @Option(names = "--artifact-store", paramLabel = "STORE", description = {
            "Where the files named by presigned URL placeholders live: 'builtin' (default; the S3-compatible store in --data-dir,"
                    + " served on --port) or s3://BUCKET-PREFIX?endpoint=URL&region=R (an external S3 or S3-compatible store;"
                    + " URLs are presigned with the AWS SDK and credentials from the usual AWS chain; the prefix is put before each"
                    + " placeholder's bucket; endpoint and region are optional)."})
    String store;

    @Option(names = "--artifact-url", paramLabel = "URL",
            description = "This server's URL as devices reach it, for the presigned URLs of documents sent over MQTT"
                    + " (default: http://<host>:<port>; HTTP devices get the address they used).")
    String mqttOrigin;

    ArtifactSettings settings(String region, CommandLine commandLine) {
        try {
            return ArtifactSettings.parse(store, mqttOrigin, region);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
