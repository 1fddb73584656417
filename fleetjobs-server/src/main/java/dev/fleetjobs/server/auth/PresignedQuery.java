package dev.fleetjobs.server.auth;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses the {@code X-Amz-*} parameters of a presigned (query-string) SigV4 signature. */
final class PresignedQuery {

    static final String SIGNATURE = "X-Amz-Signature";
    private static final String ALGORITHM = "X-Amz-Algorithm";
    private static final String CREDENTIAL = "X-Amz-Credential";
    private static final String DATE = "X-Amz-Date";
    private static final String EXPIRES = "X-Amz-Expires";
    private static final String SIGNED_HEADERS = "X-Amz-SignedHeaders";
    private static final long MAX_EXPIRES_SECONDS = 604_800;
    private static final Pattern EXPIRES_DIGITS = Pattern.compile("[1-9][0-9]{0,5}");

    private PresignedQuery() {}

    /** True when the query carries any presigning parameter, so that a partial one is refused as such. */
    static boolean isPresigned(Map<String, List<String>> query) {
        return query.containsKey(ALGORITHM) || query.containsKey(CREDENTIAL) || query.containsKey(SIGNATURE);
    }

    static SignatureParts parse(Map<String, List<String>> query) {
        StringBuilder missing = new StringBuilder();
        for (String name : List.of(ALGORITHM, CREDENTIAL, SIGNATURE, SIGNED_HEADERS, DATE, EXPIRES)) {
            if (first(query, name) == null) {
                missing.append("AWS query-string parameters must include '").append(name).append("'. ");
            }
        }
        if (missing.length() > 0) {
            throw new IncompleteSignatureException(missing + "Re-examine the query-string parameters.");
        }
        String algorithm = first(query, ALGORITHM);
        if (!algorithm.equals(AuthorizationHeader.ALGORITHM)) {
            throw new IncompleteSignatureException("Unsupported AWS 'algorithm': '" + algorithm + "'.");
        }
        // Digits only, as AWS writes it: Long.parseLong alone would also take "+100" and "0100".
        String expiresText = first(query, EXPIRES);
        long expires = EXPIRES_DIGITS.matcher(expiresText).matches() ? Long.parseLong(expiresText) : -1;
        if (expires < 1 || expires > MAX_EXPIRES_SECONDS) {
            throw new IncompleteSignatureException(
                    "X-Amz-Expires must be between 1 and " + MAX_EXPIRES_SECONDS + " seconds, written in digits only.");
        }
        List<String> signedHeaders = Arrays.stream(first(query, SIGNED_HEADERS).split(";"))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .toList();
        return new SignatureParts(first(query, CREDENTIAL), signedHeaders, first(query, SIGNATURE),
                first(query, DATE), Duration.ofSeconds(expires));
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }
}
