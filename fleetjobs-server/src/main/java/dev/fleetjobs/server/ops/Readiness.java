package dev.fleetjobs.server.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Whether this node should get traffic: every part it was started with is up (the store opened and
 * migrated, each listener accepting connections, the start finished), the store answers a cheap
 * query now, and the node is not draining. The parts are named up front, so that until each has
 * reported the answer names what is still missing.
 */
public final class Readiness {

    public static final String STORE = "store";
    public static final String HTTP = "http";
    public static final String DEVICE_HTTPS = "device-https";
    public static final String MQTT = "mqtt";
    public static final String STARTED = "startup";
    static final String DRAINING = "draining";

    private final Map<String, Boolean> parts = new LinkedHashMap<>();
    private volatile BooleanSupplier storeAnswers = () -> false;
    private volatile boolean draining;

    /** A part that must be up before the node is ready. */
    public synchronized void expect(String part) {
        parts.putIfAbsent(part, false);
    }

    public synchronized void up(String part) {
        parts.put(part, true);
    }

    /** Asked at each readiness check once the store is open: true when it answers. */
    void storeProbe(BooleanSupplier probe) {
        this.storeAnswers = probe;
    }

    /** From now on the node is not ready: it is stopping. */
    public void drain() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    /** What is not ready now; empty when the node is ready. May block briefly on the store. */
    public List<String> notReady() {
        List<String> missing = new ArrayList<>();
        if (draining) {
            missing.add(DRAINING);
        }
        boolean storeUp;
        synchronized (this) {
            parts.forEach((part, up) -> {
                if (!up) {
                    missing.add(part);
                }
            });
            storeUp = Boolean.TRUE.equals(parts.get(STORE));
        }
        if (storeUp && !draining && !storeAnswers.getAsBoolean()) {
            missing.add(STORE);
        }
        return missing;
    }
}
