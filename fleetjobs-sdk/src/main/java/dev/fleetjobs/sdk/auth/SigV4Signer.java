package dev.fleetjobs.sdk.auth;

import dev.fleetjobs.sdk.http.WireRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 in the {@code Authorization} header, as the AWS SDK for Java v2 signs
 * requests to non-S3 services: the payload hash is sent and signed as {@code x-amz-content-sha256},
 * and the canonical URI is the wire path encoded once more, so a literal {@code $next} signs as
 * {@code %24next} and a label {@code %24next} as {@code %2524next}.
 */
public final class SigV4Signer {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    // Looking the algorithms up costs more than using them on a short string; each thread keeps its own.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> algorithm(() -> MessageDigest.getInstance("SHA-256")));
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> algorithm(() -> Mac.getInstance("HmacSHA256")));

    private final String region;
    private final String service;
    /** The last derived key: it changes only with the day or the secret, so one entry serves nearly every request. */
    private volatile DerivedKey lastKey;

    private record DerivedKey(String secret, String day, byte[] key) {
        @Override
        public String toString() {
            return "DerivedKey[redacted]";
        }
    }

    /** @param service the signing name, {@code iot-jobs-data} for the data plane, {@code iot} for the control plane */
    public SigV4Signer(String region, String service) {
        if (region == null || region.isBlank() || service == null || service.isBlank()) {
            throw new IllegalArgumentException("region and service must not be blank");
        }
        this.region = region;
        this.service = service;
    }

    public String region() {
        return region;
    }

    public String service() {
        return service;
    }

    /**
     * {@code request} with {@code X-Amz-Date}, {@code X-Amz-Content-Sha256}, {@code X-Amz-Security-Token}
     * (temporary credentials only) and {@code Authorization} set; values of these the request
     * already had are replaced.
     *
     * @param host the {@code Host} header the HTTP client will send, e.g. {@code localhost:9290}
     */
    public WireRequest sign(WireRequest request, String host, AwsCredentials credentials, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String day = amzDate.substring(0, 8);
        String payloadHash = HEX.formatHex(sha256(request.body()));
        WireRequest prepared = request.withHeader("X-Amz-Date", amzDate).withHeader("X-Amz-Content-Sha256", payloadHash);
        if (credentials.sessionToken() != null) {
            prepared = prepared.withHeader("X-Amz-Security-Token", credentials.sessionToken());
        }
        TreeMap<String, String> signed = headersToSign(prepared, host);
        String signedNames = String.join(";", signed.keySet());
        StringBuilder canonical = new StringBuilder(256)
                .append(prepared.method()).append('\n')
                .append(canonicalUri(prepared.rawPath())).append('\n')
                .append(canonicalQuery(prepared.rawQuery())).append('\n');
        signed.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        canonical.append('\n').append(signedNames).append('\n').append(payloadHash);

        String scope = day + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + HEX.formatHex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        String signature = HEX.formatHex(hmac(signingKey(credentials.secretAccessKey(), day), stringToSign));
        return prepared.withHeader("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedNames + ", Signature=" + signature);
    }

    private byte[] signingKey(String secret, String day) {
        DerivedKey cached = lastKey;
        if (cached != null && cached.day().equals(day) && cached.secret().equals(secret)) {
            return cached.key();
        }
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        for (String part : List.of(region, service, "aws4_request")) {
            key = hmac(key, part);
        }
        lastKey = new DerivedKey(secret, day, key);
        return key;
    }

    /** Host, Content-Type and every {@code x-amz-*} header, by lower-case name, values trimmed and folded. */
    private static TreeMap<String, String> headersToSign(WireRequest request, String host) {
        TreeMap<String, List<String>> values = new TreeMap<>();
        values.put("host", new ArrayList<>(List.of(host)));
        for (Map.Entry<String, String> header : request.headerPairs()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("content-type") || (name.startsWith("x-amz-") && !name.equals("x-amz-client-context"))) {
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(foldSpaces(header.getValue()));
            }
        }
        TreeMap<String, String> joined = new TreeMap<>();
        values.forEach((name, list) -> joined.put(name, String.join(",", list)));
        return joined;
    }

    /** Trimmed, with each run of whitespace inside turned into one space. */
    static String foldSpaces(String value) {
        String stripped = value.strip();
        boolean plain = true;
        for (int i = 0; i < stripped.length() && plain; i++) {
            plain = !Character.isWhitespace(stripped.charAt(i));
        }
        return plain ? stripped : stripped.replaceAll("\\s+", " ");
    }

    /** Dot and empty segments resolved, then encoded again with only {@code /} kept. */
    static String canonicalUri(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : rawPath.split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        String path = "/" + String.join("/", segments);
        if (rawPath.endsWith("/") && !segments.isEmpty()) {
            path += "/";
        }
        return PercentEncoding.encodePath(path);
    }

    /** Pairs decoded, re-encoded strictly and sorted by name, then value. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PercentEncoding.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : PercentEncoding.decode(pair.substring(eq + 1));
            pairs.add(new String[] {PercentEncoding.encode(name), PercentEncoding.encode(value)});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringJoiner out = new StringJoiner("&");
        pairs.forEach(p -> out.add(p[0] + "=" + p[1]));
        return out.toString();
    }

    private static byte[] sha256(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest.digest(data);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HmacSHA256", e);
        }
    }

    private interface Lookup<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T algorithm(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM lacks SHA-256 or HmacSHA256", e);
        }
    }
}
