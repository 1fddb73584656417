package dev.fleetjobs.server.http;

import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.server.scheduler.DevClock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Development-only operations, on the control plane of a server started with {@code --dev}:
 * {@code POST /_dev/clock} with {@code {"advanceSeconds": N}} moves the job clock forward and
 * answers {@code {"now": <epoch seconds>}} once every rule due by then was applied;
 * {@code N = 0} only reads the clock. Without {@code --dev} the route does not exist.
 */
public final class DevRoutes implements RouteGroup {

    /** A hundred years: far enough for any test, small enough that milliseconds never overflow. */
    private static final long MAX_ADVANCE_SECONDS = 100L * 366 * 24 * 3600;

    private final DevClock clock;

    public DevRoutes(DevClock clock) {
        this.clock = clock;
    }

    @Override
    public void register(RouteTable table) {
        table.add("Fleetjobs.AdvanceDevClock", "POST", "/_dev/clock", this::advanceClock);
    }

    private CompletableFuture<?> advanceClock(ApiRequest request) {
        Long seconds = Validator.required("advanceSeconds", request.body().longValue("advanceSeconds"));
        Validator.range("advanceSeconds", seconds, 0, MAX_ADVANCE_SECONDS);
        return clock.advance(seconds).thenApply(nowMillis -> Map.of("now", WireTime.seconds(nowMillis)));
    }
}
