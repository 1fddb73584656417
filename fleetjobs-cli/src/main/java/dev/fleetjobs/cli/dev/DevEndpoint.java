package dev.fleetjobs.cli.dev;

import java.net.URI;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where a dev command sends its request and as whom: options first, then the environment the AWS
 * CLI reads ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN},
 * {@code AWS_REGION}/{@code AWS_DEFAULT_REGION}, {@code AWS_ENDPOINT_URL}), then
 * {@code FLEETJOBS_URL}, then the default port on this machine.
 */
final class DevEndpoint {

    static final String DEFAULT_ENDPOINT = "http://localhost:9290";

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "The Fleetjobs server (default: $FLEETJOBS_URL, $AWS_ENDPOINT_URL or " + DEFAULT_ENDPOINT + ").")
    String endpointUrl;

    @Option(names = "--region", description = "The signing region (default: $AWS_REGION, $AWS_DEFAULT_REGION or us-east-1).")
    String region;

    URI endpoint(Map<String, String> environment) {
        String url = firstOf(endpointUrl, environment.get("FLEETJOBS_URL"), environment.get("AWS_ENDPOINT_URL"), DEFAULT_ENDPOINT);
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    String region(Map<String, String> environment) {
        return firstOf(region, environment.get("AWS_REGION"), environment.get("AWS_DEFAULT_REGION"), "us-east-1");
    }

    /** @throws IllegalArgumentException when the environment has no access key */
    static Credentials credentials(Map<String, String> environment) {
        String key = environment.get("AWS_ACCESS_KEY_ID");
        String secret = environment.get("AWS_SECRET_ACCESS_KEY");
        if (isBlank(key) || isBlank(secret)) {
            throw new IllegalArgumentException("Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to the server's root credentials.");
        }
        String token = environment.get("AWS_SESSION_TOKEN");
        return new Credentials(key, secret, isBlank(token) ? null : token);
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (!isBlank(value)) {
                return value;
            }
        }
        throw new IllegalStateException("the last value is a default");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
