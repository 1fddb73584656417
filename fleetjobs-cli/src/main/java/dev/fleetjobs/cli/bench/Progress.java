package dev.fleetjobs.cli.bench;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One status line on a terminal, redrawn in place twice a second while a scenario runs
 * ({@code [device-loop] measuring 4/10 s  8,932 ops/s  0 errors}). Off a terminal it prints nothing,
 * so that logs and pipes get only the report.
 */
final class Progress implements AutoCloseable {

    private static final long REDRAW_MILLIS = 500;

    private final PrintWriter out;
    private final ScheduledExecutorService redraw;
    private volatile String scenario = "";
    private volatile Supplier<String> status = () -> "";

    private Progress(PrintWriter out, boolean enabled) {
        this.out = out;
        this.redraw = enabled ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-progress");
            thread.setDaemon(true);
            return thread;
        }) : null;
        if (redraw != null) {
            redraw.scheduleAtFixedRate(this::draw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    static Progress on(PrintWriter out, boolean terminal) {
        return new Progress(out, terminal);
    }

    /** From now on the line shows {@code scenario} and what {@code status} says. */
    void show(String scenario, Supplier<String> status) {
        this.scenario = scenario;
        this.status = status;
    }

    void show(String scenario, String fixedStatus) {
        show(scenario, () -> fixedStatus);
    }

    /** Wipes the line, e.g. before the report is printed. */
    void clear() {
        show("", () -> "");
        if (redraw != null) {
            synchronized (out) {
                out.print("\r\u001b[K");
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        if (redraw != null) {
            redraw.shutdownNow();
        }
        clear();
    }

    private void draw() {
        String name = scenario;
        if (name.isEmpty()) {
            return;
        }
        String line;
        try {
            line = "[" + name + "] " + status.get();
        } catch (RuntimeException e) {
            return;
        }
        synchronized (out) {
            out.print("\r\u001b[K" + line);
            out.flush();
        }
    }
}
