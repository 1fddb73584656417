package dev.fleetjobs.cli.ops;

import dev.fleetjobs.sdk.JobsDataClient;
import dev.fleetjobs.sdk.auth.AwsCredentials;
import dev.fleetjobs.sdk.http.HttpPipeline;
import dev.fleetjobs.sdk.models.shared.Security;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the server is and how to sign: {@code --endpoint}, {@code --region}, and the {@code AWS_*} credentials of the environment. */
public final class ConnectionOptions {

    public static final String URL_ENV = "FLEETJOBS_URL";
    /** The AWS CLI's own variable for a custom endpoint, honoured so one environment serves both tools. */
    public static final String AWS_URL_ENV = "AWS_ENDPOINT_URL";
    public static final String DEFAULT_URL = "http://localhost:9290";

    @Option(names = {"--endpoint", "--endpoint-url"}, paramLabel = "URL",
            description = "The Fleetjobs server, a URL or host:port (default: $" + URL_ENV + ", else $" + AWS_URL_ENV + ", else " + DEFAULT_URL + ").")
    String endpoint;

    @Option(names = "--region", description = "The region signatures are scoped to (default: $AWS_REGION, else us-east-1).")
    String region;

    private final Map<String, String> environment;

    public ConnectionOptions(Map<String, String> environment) {
        this.environment = environment;
    }

    public URI endpoint() {
        String url = endpoint != null ? endpoint : environment.getOrDefault(URL_ENV, environment.getOrDefault(AWS_URL_ENV, DEFAULT_URL));
        // host:port alone (127.0.0.1:9290) means plain HTTP, as the server serves it by default
        String withScheme = url.contains("://") ? url : "http://" + url;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("The endpoint must be a URL such as " + DEFAULT_URL + " (or host:port), not '" + url + "'");
        }
        return uri;
    }

    /** Whether {@code --endpoint} was given on the command line. */
    public boolean endpointGiven() {
        return endpoint != null;
    }

    public String region() {
        if (region != null) {
            return region;
        }
        String fromEnvironment = environment.getOrDefault("AWS_REGION", environment.get("AWS_DEFAULT_REGION"));
        return fromEnvironment == null || fromEnvironment.isBlank() ? "us-east-1" : fromEnvironment;
    }

    public AwsCredentials credentials() {
        return AwsCredentials.fromEnvironment(environment);
    }

    /** A client of the control plane, signing as {@code iot}. */
    public ControlPlaneClient controlPlane() {
        return new ControlPlaneClient(HttpPipeline.builder().endpoint(endpoint()).region(region()).signingName("iot")
                .security(Security.sigV4(credentials())).build());
    }

    /** A client of the data plane. */
    public JobsDataClient dataPlane() {
        return JobsDataClient.builder().serverUrl(endpoint()).region(region()).security(Security.sigV4(credentials())).build();
    }
}
