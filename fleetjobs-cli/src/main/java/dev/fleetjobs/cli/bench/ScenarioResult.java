package dev.fleetjobs.cli.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scenario measured.
 *
 * @param opsPerSecond the scenario's operations (requests, or what {@code unit} says) per second of the measured window
 * @param unit         what one operation is, e.g. {@code requests}
 * @param details      scenario-specific figures, in the order they are shown
 * @param notes        things the reader must know to trust the figure (the window ended early, ...)
 */
record ScenarioResult(String name, String unit, double opsPerSecond, long ops, double seconds, Latency latency, long errors,
                      List<String> errorSamples, Check check, Map<String, Object> details, List<String> notes) {

    ScenarioResult {
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        notes = List.copyOf(notes);
        errorSamples = List.copyOf(errorSamples);
    }

    /** A result of requests measured by a {@link ClosedLoop}. */
    static ScenarioResult of(String name, LoadResult load, Check check, Map<String, Object> details, List<String> notes) {
        Measurement m = load.measurement();
        List<String> allNotes = new java.util.ArrayList<>(notes);
        Map<String, Object> allDetails = new LinkedHashMap<>(details);
        if (load.cpu() != null) {
            allDetails.put("cpuMicrosPerOp", Math.round(load.cpu().microsPerOp(m.ops()) * 10) / 10.0);
            allNotes.add("CPU per operation is of the " + load.cpu().scope());
        }
        if (load.ranOutOfWork() != null) {
            allNotes.add("the measured window ended early after " + String.format(java.util.Locale.ROOT, "%.1f", load.seconds())
                    + " s: " + load.ranOutOfWork());
        }
        return new ScenarioResult(name, "requests", load.opsPerSecond(), m.ops(), load.seconds(), Latency.of(m.latencyMicros()),
                m.errors(), m.errorSamples(), check, allDetails, allNotes);
    }

    /** A scenario that could not run to its end. */
    static ScenarioResult failed(String name, String why) {
        return new ScenarioResult(name, "requests", 0, 0, 0, Latency.NONE, 0, List.of(), Check.of(false, "did not run to its end: " + why),
                Map.of(), List.of());
    }

    boolean failed() {
        return errors > 0 || check.failed();
    }
}
