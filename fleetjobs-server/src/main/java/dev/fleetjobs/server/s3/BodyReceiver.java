package dev.fleetjobs.server.s3;

import dev.fleetjobs.server.artifacts.ArtifactError;
import dev.fleetjobs.server.http.FramingGuard;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a request body as it arrives: an upload streams into a scratch file while its SHA-256 and
 * MD5 are computed (never held whole in memory), with back-pressure from the disk; a small XML
 * body is buffered up to a limit. Either is checked against what the client declared: the length,
 * {@code x-amz-content-sha256} (which the signature covers) and {@code Content-MD5}.
 */
final class BodyReceiver {

    private static final HexFormat HEX = HexFormat.of();

    /** An upload on disk (flushed) with its hashes in hex. */
    record Received(Path file, long size, String md5Hex, String sha256Hex) {
    }

    private BodyReceiver() {
    }

    /** Streams the (paused) request's body into {@code scratch}; the future fails with an {@link ArtifactError} on a mismatch. */
    static CompletableFuture<Received> toFile(HttpServerRequest request, Vertx vertx, Path scratch, long declaredLength,
                                              String payloadHash) {
        byte[] expectedMd5 = contentMd5(request.getHeader("Content-MD5"));
        CompletableFuture<Received> result = new CompletableFuture<>();
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        vertx.fileSystem().open(scratch.toString(), new OpenOptions().setWrite(true).setCreate(false).setTruncateExisting(true))
                .onFailure(result::completeExceptionally)
                .onSuccess(file -> {
                    long[] received = {0};
                    request.exceptionHandler(failure -> {
                        file.close();
                        result.completeExceptionally(failure);
                    });
                    request.handler(chunk -> {
                        received[0] += chunk.length();
                        byte[] bytes = chunk.getBytes();
                        sha256.update(bytes);
                        md5.update(bytes);
                        file.write(chunk);
                        if (file.writeQueueFull()) {
                            request.pause();
                            file.drainHandler(drained -> request.resume());
                        }
                    });
                    request.endHandler(ended -> file.flush().compose(flushed -> file.close()).onComplete(closed -> {
                        Optional<ArtifactError> unreadable = unreadableBody(request);
                        if (unreadable.isPresent()) {
                            result.completeExceptionally(unreadable.get());
                            return;
                        }
                        if (closed.failed()) {
                            result.completeExceptionally(closed.cause());
                            return;
                        }
                        try {
                            byte[] md5Digest = md5.digest();
                            String sha256Hex = HEX.formatHex(sha256.digest());
                            check(received[0], declaredLength, sha256Hex, payloadHash, md5Digest, expectedMd5);
                            result.complete(new Received(scratch, received[0], HEX.formatHex(md5Digest), sha256Hex));
                        } catch (ArtifactError e) {
                            result.completeExceptionally(e);
                        }
                    }));
                    request.resume();
                });
        return result;
    }

    /** A body whose chunked framing broke off (the edge's {@code FramingGuard} saw it): S3's answer to a short body. */
    private static Optional<ArtifactError> unreadableBody(HttpServerRequest request) {
        return FramingGuard.brokenFraming(request).map(reason -> new ArtifactError("IncompleteBody", 400, reason));
    }

    /** Buffers a small (paused) body; more than {@code limit} bytes is refused. */
    static CompletableFuture<byte[]> small(HttpServerRequest request, int limit, String payloadHash) {
        byte[] expectedMd5 = contentMd5(request.getHeader("Content-MD5"));
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Buffer body = Buffer.buffer();
        boolean[] tooLarge = {false};
        request.exceptionHandler(result::completeExceptionally);
        request.handler(chunk -> {
            if (body.length() + chunk.length() > limit) {
                tooLarge[0] = true;
            } else if (!tooLarge[0]) {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(ended -> {
            Optional<ArtifactError> unreadable = unreadableBody(request);
            if (unreadable.isPresent()) {
                result.completeExceptionally(unreadable.get());
                return;
            }
            if (tooLarge[0]) {
                result.completeExceptionally(new ArtifactError("MaxMessageLengthExceeded", 400,
                        "Your request was too big: at most " + limit + " bytes."));
                return;
            }
            byte[] bytes = body.getBytes();
            try {
                check(bytes.length, bytes.length, HEX.formatHex(digest("SHA-256").digest(bytes)), payloadHash,
                        digest("MD5").digest(bytes), expectedMd5);
                result.complete(bytes);
            } catch (ArtifactError e) {
                result.completeExceptionally(e);
            }
        });
        request.resume();
        return result;
    }

    private static void check(long received, long declared, String sha256Hex, String payloadHash, byte[] md5, byte[] expectedMd5) {
        if (received != declared) {
            throw new ArtifactError("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length"
                    + " HTTP header.");
        }
        if (payloadHash.length() == 64 && !payloadHash.equals(sha256Hex)) {
            throw new ArtifactError("XAmzContentSHA256Mismatch", 400, "The provided 'x-amz-content-sha256' header does not match"
                    + " what was computed.");
        }
        if (expectedMd5 != null && !MessageDigest.isEqual(md5, expectedMd5)) {
            throw new ArtifactError("BadDigest", 400, "The Content-MD5 you specified did not match what we received.");
        }
    }

    private static byte[] contentMd5(String header) {
        if (header == null) {
            return null;
        }
        try {
            byte[] md5 = Base64.getDecoder().decode(header.trim());
            if (md5.length == 16) {
                return md5;
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below
        }
        throw new ArtifactError("InvalidDigest", 400, "The Content-MD5 you specified was invalid.");
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
