package dev.fleetjobs.cli.bench;

import dev.fleetjobs.sdk.auth.AwsCredentials;
import dev.fleetjobs.sdk.auth.SigV4Signer;
import dev.fleetjobs.sdk.http.WireRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SigV4 headers for bench requests, through the SDK's signer (which keeps its derived signing key).
 * A signature covers the time to the second, so the same request signed twice within one second
 * gets the same headers: those are remembered for that second, which takes signing off the client's
 * CPU for the read scenarios without sending anything the server would not check in full.
 */
final class RequestSigner {

    private static final int MAX_REMEMBERED = 4096;

    private record Signed(long second, List<Map.Entry<String, String>> headers) {
    }

    private final AwsCredentials credentials;
    private final String region;
    private final String host;
    private final Clock clock;
    private final Map<String, SigV4Signer> signers = new ConcurrentHashMap<>();
    private final Map<BenchRequest, Signed> remembered = new ConcurrentHashMap<>();

    /** @param host the {@code Host} header the client sends, {@code host} or {@code host:port} */
    RequestSigner(AwsCredentials credentials, String region, String host, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.host = host;
        this.clock = clock;
    }

    /** The headers to send besides {@code Host}: Content-Type when there is a body, and the signature's. */
    List<Map.Entry<String, String>> headers(BenchRequest request) {
        if (request.signingName() == null) {
            return request.body() == null ? List.of() : List.of(Map.entry("Content-Type", "application/json"));
        }
        Instant now = clock.instant();
        long second = now.getEpochSecond();
        Signed signed = remembered.get(request);
        if (signed != null && signed.second() == second) {
            return signed.headers();
        }
        SigV4Signer signer = signers.computeIfAbsent(request.signingName(), name -> new SigV4Signer(region, name));
        WireRequest wire = new WireRequest(request.method(), request.rawPath(), request.rawQuery(),
                request.body() == null ? Map.of() : Map.of("Content-Type", List.of("application/json")), request.bodyBytes());
        List<Map.Entry<String, String>> headers = signer.sign(wire, host, credentials, now).headerPairs();
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(request, new Signed(second, headers));
        return headers;
    }
}
