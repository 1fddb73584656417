package dev.fleetjobs.core.model;

/**
 * What a device request does to the step timer: leave it, discard it ({@code -1} on update), or
 * start a new one of some minutes.
 */
public record StepTimerChange(long minutes) {

    private static final long KEEP_MARKER = 0;
    private static final long CLEAR_MARKER = -1;

    public static final StepTimerChange KEEP = new StepTimerChange(KEEP_MARKER);
    public static final StepTimerChange CLEAR = new StepTimerChange(CLEAR_MARKER);

    public static StepTimerChange of(Long minutesOrNull) {
        if (minutesOrNull == null) {
            return KEEP;
        }
        return minutesOrNull == CLEAR_MARKER ? CLEAR : new StepTimerChange(minutesOrNull);
    }

    public boolean isClear() {
        return minutes == CLEAR_MARKER;
    }

    public boolean isSet() {
        return minutes > 0;
    }
}
