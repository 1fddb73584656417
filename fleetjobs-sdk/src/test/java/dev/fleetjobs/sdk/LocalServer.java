package dev.fleetjobs.sdk;

import dev.fleetjobs.sdk.auth.AwsCredentials;
import dev.fleetjobs.sdk.http.RetryPolicy;
import dev.fleetjobs.sdk.models.shared.Security;
import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;

/** The Fleetjobs server in-process on a free port, with the official control-plane client for setting up things and jobs. */
public final class LocalServer implements AutoCloseable {

    public static final String ACCESS_KEY = "FJIASDKTESTKEY000001";
    public static final String SECRET_KEY = "sdk-test-secret-key-000000000000000000000";
    public static final AwsCredentials CREDENTIALS = AwsCredentials.of(ACCESS_KEY, SECRET_KEY);

    private final FleetjobsServer server;
    private final IotClient iot;

    private LocalServer(FleetjobsServer server) {
        this.server = server;
        this.iot = IotClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    public static LocalServer start(Path dataDir) {
        return start(ServerConfig.defaults("127.0.0.1", 0, dataDir));
    }

    public static LocalServer start(ServerConfig config) {
        try {
            return new LocalServer(FleetjobsServer.start(config.withRootCredentials(ACCESS_KEY, SECRET_KEY)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    public FleetjobsServer server() {
        return server;
    }

    public IotClient iot() {
        return iot;
    }

    /** Our client pointed at this server, signing with the root credentials, without retries. */
    public JobsDataClient client() {
        return client(RetryPolicy.none());
    }

    public JobsDataClient client(RetryPolicy retryPolicy) {
        return JobsDataClient.builder().serverUrl(endpoint()).security(Security.sigV4(CREDENTIALS)).retryPolicy(retryPolicy).build();
    }

    public String thing(String name) {
        return iot.createThing(r -> r.thingName(name)).thingArn();
    }

    public void job(String jobId, String document, String... thingNames) {
        List<String> targets = java.util.Arrays.stream(thingNames).map(t -> "arn:aws:iot:us-east-1:000000000000:thing/" + t).toList();
        iot.createJob(r -> r.jobId(jobId).targets(targets).document(document));
    }

    @Override
    public void close() {
        iot.close();
        server.close();
    }
}
