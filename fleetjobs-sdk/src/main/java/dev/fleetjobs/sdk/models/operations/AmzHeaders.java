package dev.fleetjobs.sdk.models.operations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seven optional {@code X-Amz-*} header fields every operation of the seed carries. Those set
 * are sent as headers. With SigV4 security the signer computes {@code X-Amz-Date},
 * {@code X-Amz-Content-Sha256} and {@code X-Amz-Security-Token} itself and its values win; with
 * {@code hmac} security all seven go out exactly as given, next to the given {@code Authorization}.
 */
public record AmzHeaders(
        String xAmzAlgorithm,
        String xAmzContentSha256,
        String xAmzCredential,
        String xAmzDate,
        String xAmzSecurityToken,
        String xAmzSignature,
        String xAmzSignedHeaders) {

    public static final AmzHeaders NONE = new AmzHeaders(null, null, null, null, null, null, null);

    /** The header fields that are set, by their wire names, in the seed's order. */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, "X-Amz-Algorithm", xAmzAlgorithm);
        put(headers, "X-Amz-Content-Sha256", xAmzContentSha256);
        put(headers, "X-Amz-Credential", xAmzCredential);
        put(headers, "X-Amz-Date", xAmzDate);
        put(headers, "X-Amz-Security-Token", xAmzSecurityToken);
        put(headers, "X-Amz-Signature", xAmzSignature);
        put(headers, "X-Amz-SignedHeaders", xAmzSignedHeaders);
        return headers;
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
