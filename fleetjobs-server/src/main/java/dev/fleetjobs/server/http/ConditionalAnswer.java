package dev.fleetjobs.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fleetjobs.protocol.Plane;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A JSON answer with an entity tag, for clients that poll (the console): a GET whose
 * {@code If-None-Match} names the answer's tag gets 304 and no body, so an unchanged page costs
 * a few header bytes to send.
 */
public final class ConditionalAnswer {

    private ConditionalAnswer() {
    }

    static void send(HttpServerRequest request, String requestId, Object result) {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            HttpEdge.send(request, requestId, ErrorResponses.from(e, Plane.CONTROL, requestId));
            return;
        }
        String tag = tag(json);
        if (request.method() == HttpMethod.GET && tag.equals(request.getHeader("If-None-Match"))) {
            if (!request.response().ended() && !request.response().closed()) {
                request.response().setStatusCode(304).putHeader("ETag", tag).putHeader("x-amzn-RequestId", requestId).end();
            }
            return;
        }
        HttpEdge.write(request.response().setStatusCode(200).putHeader("ETag", tag), requestId, json);
    }

    /** A strong entity tag of the bytes: 132 bits of their SHA-256. */
    public static String tag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
