package dev.fleetjobs.server.http;

import java.util.concurrent.CompletableFuture;

/** One API operation: answers a request with the response shape to send as JSON. */
@FunctionalInterface
public interface Operation {

    CompletableFuture<?> handle(ApiRequest request);
}
