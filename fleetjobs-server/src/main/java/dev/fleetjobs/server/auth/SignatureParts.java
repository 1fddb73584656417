package dev.fleetjobs.server.auth;

import java.time.Duration;
import java.util.List;

/**
 * What a request says about its signature, from the {@code Authorization} header or from a
 * presigned query.
 *
 * @param dateText the signing time as sent ({@code X-Amz-Date} or {@code Date}), null if absent
 * @param expires how long a presigned URL stays valid; null for the header form
 */
record SignatureParts(
        String credential, List<String> signedHeaders, String signature, String dateText, Duration expires) {

    boolean presigned() {
        return expires != null;
    }
}
