package dev.fleetjobs.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import java.util.List;
import java.util.Locale;

/**
 * Vert.x's request decoder with the framing rules of RFC 9112 section 6 that Netty relaxes. Netty
 * reads a request carrying both {@code Content-Length} and {@code Transfer-Encoding: chunked} as
 * chunked and keeps the connection, which lets a proxy in front that trusts the length read the
 * bytes behind it as another request. Here such a request, and any transfer coding but a single
 * {@code chunked}, is unreadable: answered 400 and the connection closed. A chunk that cannot be
 * read ends the body and marks the connection, so that the request is answered 400 instead of
 * the connection dropping silently.
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {

    StrictRequestDecoder(HttpServerOptions options) {
        super(options);
    }

    /** Netty calls this once a request's headers are complete, before it decides how long the body is. */
    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage message) {
        List<String> codings = message.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!codings.isEmpty()) {
            if (message.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                throw new FramingException("A request may not carry both Content-Length and Transfer-Encoding (RFC 9112, section 6.1).");
            }
            if (!message.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
                throw new FramingException("Transfer-Encoding is not allowed in an HTTP/1.0 request (RFC 9112, section 6.1).");
            }
            if (!onlyChunked(codings)) {
                throw new FramingException("The only transfer coding accepted is a single chunked (RFC 9112, section 6.1).");
            }
        }
        return super.isContentAlwaysEmpty(message);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        int before = out.size();
        super.decode(ctx, buffer, out);
        for (int i = before; i < out.size(); i++) {
            if (out.get(i) instanceof HttpContent content && !(content instanceof HttpMessage) && content.decoderResult().isFailure()) {
                // Netty stops reading the connection after it; the request ends here and is refused by the edge.
                FramingGuard.markBroken(ctx.channel(), "The chunked request body could not be read: a chunk size or trailer is malformed.");
                ReferenceCountUtil.release(content);
                out.set(i, LastHttpContent.EMPTY_LAST_CONTENT);
            }
        }
    }

    private static boolean onlyChunked(List<String> values) {
        int chunked = 0;
        for (String value : values) {
            for (String coding : value.split(",", -1)) {
                if (!coding.trim().toLowerCase(Locale.ROOT).equals("chunked")) {
                    return false;
                }
                chunked++;
            }
        }
        return chunked == 1;
    }

    /** A request whose length cannot be told safely; the decoder turns it into an unreadable request. */
    static final class FramingException extends IllegalArgumentException {

        FramingException(String message) {
            super(message);
        }
    }
}
