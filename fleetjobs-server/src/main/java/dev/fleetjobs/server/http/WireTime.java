package dev.fleetjobs.server.http;

import java.math.BigDecimal;

/** Timestamps on the wire: whole epoch seconds on the data plane, fractional seconds on the control plane. */
public final class WireTime {

    private WireTime() {
    }

    public static Long seconds(Long epochMillis) {
        return epochMillis == null ? null : Math.floorDiv(epochMillis, 1000L);
    }

    public static BigDecimal fractionalSeconds(Long epochMillis) {
        return epochMillis == null ? null : BigDecimal.valueOf(epochMillis, 3);
    }
}
