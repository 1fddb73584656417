package dev.fleetjobs.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.AttributeKey;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.Optional;

/**
 * Puts {@link StrictRequestDecoder} in place of Vert.x's HTTP/1.x decoder on every new
 * connection, and tells the edge what went wrong with a request it could not frame. Vert.x offers
 * no option for either, so this reaches into the connection's Netty pipeline once, as it opens.
 */
public final class FramingGuard {

    static final String DECODER = "httpDecoder";
    private static final AttributeKey<String> BROKEN = AttributeKey.valueOf("fleetjobs.brokenFraming");

    private final HttpServerOptions options;

    public FramingGuard(HttpServerOptions options) {
        this.options = options;
    }

    /** Called when a connection opens, before it has read anything. */
    public void install(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            ChannelHandler current = base.channel().pipeline().get(DECODER);
            if (current != null && !(current instanceof StrictRequestDecoder)) {
                base.channel().pipeline().replace(DECODER, DECODER, new StrictRequestDecoder(options));
            }
        }
    }

    static void markBroken(Channel channel, String reason) {
        channel.attr(BROKEN).set(reason);
    }

    /** Why the request's body could not be framed, when it could not: it must then be refused and the connection closed. */
    public static Optional<String> brokenFraming(HttpServerRequest request) {
        if (request.connection() instanceof ConnectionBase base) {
            return Optional.ofNullable(base.channel().attr(BROKEN).get());
        }
        return Optional.empty();
    }

    /** The message for a request the decoder could not read at all. */
    static String unreadable(Throwable cause) {
        if (cause instanceof StrictRequestDecoder.FramingException framing) {
            return framing.getMessage();
        }
        return cause instanceof TooLongFrameException
                ? "The request line or headers exceed their size limits."
                : "The request could not be read as HTTP.";
    }
}
