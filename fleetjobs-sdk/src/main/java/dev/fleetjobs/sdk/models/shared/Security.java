package dev.fleetjobs.sdk.models.shared;

import dev.fleetjobs.sdk.auth.AwsCredentials;
import java.util.Objects;

/**
 * How requests are authenticated. {@link #hmac} is the seed's setting: an {@code Authorization}
 * value computed elsewhere and sent exactly as given (pair it with the request's {@code X-Amz-*}
 * header fields). {@link #sigV4} signs every request, the default that real use needs.
 */
public sealed interface Security permits Security.Hmac, Security.SigV4 {

    /** Sends {@code authorization} as the {@code Authorization} header of every request, unchanged. */
    static Security hmac(String authorization) {
        return new Hmac(authorization);
    }

    /** Signs every request with SigV4 using these credentials. */
    static Security sigV4(AwsCredentials credentials) {
        return new SigV4(credentials);
    }

    /** Signs with {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}. */
    static Security sigV4FromEnvironment() {
        return new SigV4(AwsCredentials.fromEnvironment());
    }

    record Hmac(String authorization) implements Security {
        public Hmac {
            Objects.requireNonNull(authorization, "authorization");
        }

        @Override
        public String toString() {
            return "Security.Hmac[redacted]";
        }
    }

    record SigV4(AwsCredentials credentials) implements Security {
        public SigV4 {
            Objects.requireNonNull(credentials, "credentials");
        }
    }
}
