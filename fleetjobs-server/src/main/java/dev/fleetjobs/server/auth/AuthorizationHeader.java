package dev.fleetjobs.server.auth;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. Messages follow
 * the wording AWS front ends use for {@code IncompleteSignatureException}.
 */
final class AuthorizationHeader {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private AuthorizationHeader() {}

    static SignatureParts parse(String header, String dateText) {
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        String algorithm = space < 0 ? trimmed : trimmed.substring(0, space);
        Map<String, String> params = new HashMap<>();
        if (algorithm.equals(ALGORITHM)) {
            // AWS accepts ", " and "," between the pairs
            for (String pair : trimmed.substring(space < 0 ? trimmed.length() : space + 1).split(",")) {
                String item = pair.trim();
                if (item.isEmpty()) {
                    continue;
                }
                int eq = item.indexOf('=');
                if (eq < 0) {
                    throw new IncompleteSignatureException("'" + item
                            + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                            + trimmed + "'.");
                }
                params.putIfAbsent(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
            }
        } else if (algorithm.startsWith("AWS4-")) {
            throw new IncompleteSignatureException("Unsupported AWS 'algorithm': '" + algorithm + "'.");
        }
        // other schemes (SigV2 "AWS key:sig", bearer tokens) get the same answer as a bare algorithm;
        // only the scheme word is echoed so that no foreign token lands in a response or a log
        StringBuilder missing = new StringBuilder();
        requireParam(params, "Credential", missing);
        requireParam(params, "Signature", missing);
        requireParam(params, "SignedHeaders", missing);
        if (dateText == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw new IncompleteSignatureException(missing + "Authorization=" + algorithm);
        }
        List<String> signedHeaders = Arrays.stream(params.get("SignedHeaders").split(";"))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .toList();
        return new SignatureParts(params.get("Credential"), signedHeaders, params.get("Signature"), dateText, null);
    }

    private static void requireParam(Map<String, String> params, String name, StringBuilder missing) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            missing.append("Authorization header requires '").append(name).append("' parameter. ");
        }
    }
}
