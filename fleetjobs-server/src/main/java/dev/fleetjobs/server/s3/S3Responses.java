package dev.fleetjobs.server.s3;

import dev.fleetjobs.server.artifacts.ArtifactError;
import dev.fleetjobs.server.auth.S3SignatureException;
import dev.fleetjobs.server.http.FramingGuard;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes S3 answers: XML bodies, the {@code <Error>} shape with S3's codes (no body for HEAD), and
 * {@code x-amz-request-id} on everything. A refused request whose body is still coming is read to
 * its end when small, so the connection stays usable; a big one is answered and the connection closed.
 */
final class S3Responses {

    private static final Logger LOG = LoggerFactory.getLogger(S3Responses.class);
    /** Bodies up to this size are read and dropped after a refusal rather than cutting the connection. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private S3Responses() {
    }

    /** The response with S3's common headers; a request body left unread is let through (and dropped). */
    static HttpServerResponse start(HttpServerRequest request, String requestId, int status) {
        if (!request.isEnded()) {
            request.resume();
        }
        return request.response().setStatusCode(status).putHeader("x-amz-request-id", requestId)
                .putHeader("x-amz-id-2", requestId).putHeader("Date", HTTP_DATE.format(Instant.now()))
                .putHeader("Server", "Fleetjobs");
    }

    static void xml(HttpServerRequest request, String requestId, int status, S3Xml xml) {
        HttpServerResponse response = start(request, requestId, status);
        if (response.ended() || response.closed()) {
            return;
        }
        response.putHeader("Content-Type", "application/xml").end(Buffer.buffer(xml.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Answers {@code failure} in S3's error shape. */
    static void error(HttpServerRequest request, String requestId, Throwable failure, String resource) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String code;
        int status;
        String message;
        if (cause instanceof ArtifactError e) {
            code = e.code();
            status = e.status();
            message = e.getMessage();
        } else if (cause instanceof S3SignatureException e) {
            code = e.code();
            status = e.status();
            message = e.getMessage();
        } else {
            LOG.error("S3 request {} {} failed", request.method(), resource, cause);
            code = "InternalError";
            status = 500;
            message = "We encountered an internal error. Please try again.";
        }
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (request.isEnded()) {
            answer(request, requestId, status, code, message, resource);
        } else if (declaredLength(request) <= DRAIN_LIMIT) {
            request.handler(ignored -> { });
            request.exceptionHandler(ignored -> { });
            request.endHandler(ended -> answer(request, requestId, status, code, message, resource));
            request.resume();
        } else {
            response.putHeader("Connection", "close");
            send(request, requestId, status, code, message, resource).onComplete(sent -> request.connection().close());
        }
    }

    /** Sends the error to a request read to its end; after a broken chunk nothing more can be read, so the connection closes. */
    private static void answer(HttpServerRequest request, String requestId, int status, String code, String message, String resource) {
        if (FramingGuard.brokenFraming(request).isEmpty()) {
            send(request, requestId, status, code, message, resource);
            return;
        }
        request.response().putHeader("Connection", "close");
        send(request, requestId, status, code, message, resource).onComplete(sent -> request.connection().close());
    }

    private static Future<Void> send(HttpServerRequest request, String requestId, int status, String code, String message,
                                     String resource) {
        HttpServerResponse response = start(request, requestId, status);
        if (response.ended() || response.closed()) {
            return Future.succeededFuture();
        }
        if (request.method().name().equals("HEAD")) {
            return response.end();
        }
        S3Xml body = S3Xml.document().open("Error").element("Code", code).element("Message", message)
                .element("Resource", resource).element("RequestId", requestId).close("Error");
        return response.putHeader("Content-Type", "application/xml")
                .end(Buffer.buffer(body.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader("Content-Length");
        if (header == null) {
            return request.getHeader("Transfer-Encoding") == null ? 0 : Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
