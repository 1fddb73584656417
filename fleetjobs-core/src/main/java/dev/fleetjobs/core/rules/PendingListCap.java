package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.validation.Constraints;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How many pending executions a device is shown (spec 6): at most
 * {@value Constraints#PENDING_LIST_CAP} of jobs without maintenance windows plus at most
 * {@value Constraints#PENDING_LIST_WINDOWED_MAX} of jobs offered only inside a maintenance
 * window, {@value Constraints#PENDING_LIST_CAP_WITH_SCHEDULING} in all, keeping the order given.
 */
public final class PendingListCap {

    private PendingListCap() {
    }

    public static <T> List<T> select(List<T> ordered, Predicate<T> windowed) {
        List<T> selected = new ArrayList<>();
        int regular = 0;
        int inWindows = 0;
        for (T item : ordered) {
            if (windowed.test(item)) {
                if (inWindows < Constraints.PENDING_LIST_WINDOWED_MAX) {
                    inWindows++;
                    selected.add(item);
                }
            } else if (regular < Constraints.PENDING_LIST_CAP) {
                regular++;
                selected.add(item);
            }
            if (regular == Constraints.PENDING_LIST_CAP && inWindows == Constraints.PENDING_LIST_WINDOWED_MAX) {
                break;
            }
        }
        return selected;
    }
}
