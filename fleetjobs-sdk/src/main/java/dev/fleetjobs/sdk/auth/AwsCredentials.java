package dev.fleetjobs.sdk.auth;

import java.util.Map;
import java.util.Optional;

/**
 * An access key, its secret and, for temporary credentials, a session token.
 *
 * @param sessionToken null for long-term keys
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    public static final String ACCESS_KEY_ENV = "AWS_ACCESS_KEY_ID";
    public static final String SECRET_KEY_ENV = "AWS_SECRET_ACCESS_KEY";
    public static final String SESSION_TOKEN_ENV = "AWS_SESSION_TOKEN";

    public AwsCredentials {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("accessKeyId must not be blank");
        }
        if (secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("secretAccessKey must not be empty");
        }
        if (sessionToken != null && sessionToken.isEmpty()) {
            sessionToken = null;
        }
    }

    public static AwsCredentials of(String accessKeyId, String secretAccessKey) {
        return new AwsCredentials(accessKeyId, secretAccessKey, null);
    }

    /** From {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and optionally {@code AWS_SESSION_TOKEN}. */
    public static AwsCredentials fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static AwsCredentials fromEnvironment(Map<String, String> environment) {
        return find(environment).orElseThrow(() -> new IllegalStateException(
                "No AWS credentials: set " + ACCESS_KEY_ENV + " and " + SECRET_KEY_ENV
                        + " (and " + SESSION_TOKEN_ENV + " for temporary credentials)"));
    }

    /** The credentials in {@code environment}, or empty when the key or the secret is missing. */
    public static Optional<AwsCredentials> find(Map<String, String> environment) {
        String key = environment.get(ACCESS_KEY_ENV);
        String secret = environment.get(SECRET_KEY_ENV);
        if (key == null || key.isBlank() || secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AwsCredentials(key, secret, environment.get(SESSION_TOKEN_ENV)));
    }

    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId + ", secret=redacted"
                + (sessionToken == null ? "" : ", sessionToken=redacted") + "]";
    }
}
