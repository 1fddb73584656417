package dev.fleetjobs.cli.bench;

import io.vertx.core.Vertx;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the scenarios of one run share: the client's event loop and HTTP driver, the target, the
 * settings, the progress line, names that do not collide with an earlier run against the same
 * server, and the noop rate measured first (the reference of every ratio).
 */
final class BenchContext {

    final Vertx vertx;
    final HttpDriver http;
    final ControlPlane control;
    final Target target;
    final BenchSettings settings;
    final Progress progress;
    private final String prefix;
    private ReadFixture readFixture;
    private double noopOpsPerSecond;

    BenchContext(Vertx vertx, HttpDriver http, ControlPlane control, Target target, BenchSettings settings, Progress progress) {
        this.vertx = vertx;
        this.http = http;
        this.control = control;
        this.target = target;
        this.settings = settings;
        this.progress = progress;
        this.prefix = "fjb-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36).toLowerCase(Locale.ROOT);
    }

    /** A thing, group or job name of this run: {@code fjb-<run>-<part>}. */
    String name(String part) {
        return prefix + "-" + part;
    }

    /** The things and jobs the read scenarios share, made on first use. */
    ReadFixture readFixture() {
        if (readFixture == null) {
            readFixture = ReadFixture.create(this);
        }
        return readFixture;
    }

    void noopMeasured(double opsPerSecond) {
        this.noopOpsPerSecond = opsPerSecond;
    }

    /** The noop rate of this run; 0 before noop ran. */
    double noopOpsPerSecond() {
        return noopOpsPerSecond;
    }
}
