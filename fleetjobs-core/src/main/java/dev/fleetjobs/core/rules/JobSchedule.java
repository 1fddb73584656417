package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RecurringWindow;
import dev.fleetjobs.core.model.ScheduleConfig;
import dev.fleetjobs.core.schedule.CronExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The phases a {@code schedulingConfig} gives a job over time (spec 4.2, 4.4): SCHEDULED until
 * {@code startTime}; then, with maintenance windows, IN_PROGRESS while a window is open and
 * SCHEDULED between windows; the end behaviour applies at {@code endTime}. A window opens at a
 * minute its cron expression selects (inclusive) and closes {@code durationInMinutes} later
 * (exclusive). Overlapping windows simply keep the job open.
 */
public final class JobSchedule {

    private static final long MINUTE_MILLIS = 60_000L;

    private final Long startMillis;
    private final Long endMillis;
    private final List<Window> windows;

    private record Window(CronExpression cron, long durationMillis) {
    }

    /** @param config null for a job without a schedule, which is always open */
    public JobSchedule(ScheduleConfig config) {
        this.startMillis = config == null ? null : config.startMillis();
        this.endMillis = config == null ? null : config.endMillis();
        List<Window> parsed = new ArrayList<>();
        if (config != null) {
            for (RecurringWindow window : config.maintenanceWindows()) {
                parsed.add(new Window(CronExpression.parse(window.startTime()), window.durationInMinutes() * MINUTE_MILLIS));
            }
        }
        this.windows = List.copyOf(parsed);
    }

    public boolean hasStarted(long nowMillis) {
        return startMillis == null || nowMillis >= startMillis;
    }

    public boolean hasEnded(long nowMillis) {
        return endMillis != null && nowMillis >= endMillis;
    }

    /** Whether executions may be offered at {@code nowMillis}: started and, if the job has windows, inside one. */
    public boolean isOpen(long nowMillis) {
        return hasStarted(nowMillis) && (windows.isEmpty() || windows.stream().anyMatch(w -> openStart(w, nowMillis).isPresent()));
    }

    /** The job status the schedule gives at {@code nowMillis} before its end. */
    public JobStatus statusAt(long nowMillis) {
        return isOpen(nowMillis) ? JobStatus.IN_PROGRESS : JobStatus.SCHEDULED;
    }

    /** The first moment after {@code nowMillis} at which the phase may change, or null when it never will. */
    public Long nextChangeAfter(long nowMillis) {
        Long next = null;
        if (startMillis != null && startMillis > nowMillis) {
            next = startMillis;
        }
        if (endMillis != null && endMillis > nowMillis) {
            next = Timeouts.earlier(next, endMillis);
        }
        for (Window window : windows) {
            OptionalLong open = openStart(window, nowMillis);
            if (open.isPresent()) {
                next = Timeouts.earlier(next, open.getAsLong() + window.durationMillis());
            }
            OptionalLong upcoming = window.cron().nextAtOrAfter(nowMillis + 1);
            if (upcoming.isPresent()) {
                next = Timeouts.earlier(next, upcoming.getAsLong());
            }
        }
        return next;
    }

    /** {@code scheduledJobRollouts}: the next {@code count} window openings after {@code nowMillis} within start and end. */
    public List<Long> upcomingWindowStarts(long nowMillis, int count) {
        long from = startMillis == null ? nowMillis + 1 : Math.max(nowMillis + 1, startMillis);
        TreeSet<Long> starts = new TreeSet<>();
        for (Window window : windows) {
            long at = from;
            for (int i = 0; i < count; i++) {
                OptionalLong next = window.cron().nextAtOrAfter(at);
                if (next.isEmpty() || (endMillis != null && next.getAsLong() >= endMillis)) {
                    break;
                }
                starts.add(next.getAsLong());
                at = next.getAsLong() + 1;
            }
        }
        return starts.stream().limit(count).toList();
    }

    /** The start of the occurrence of {@code window} that is open at {@code nowMillis}, if one is. */
    private OptionalLong openStart(Window window, long nowMillis) {
        OptionalLong start = window.cron().nextAtOrAfter(nowMillis - window.durationMillis() + 1);
        if (start.isPresent() && start.getAsLong() <= nowMillis) {
            return start;
        }
        return OptionalLong.empty();
    }
}
