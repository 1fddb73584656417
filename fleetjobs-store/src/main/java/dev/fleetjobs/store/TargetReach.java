package dev.fleetjobs.store;

import java.util.List;

/**
 * How many distinct things a set of targets reaches (groups with their subgroups, each thing
 * once however many targets reach it), and how many of those already have a pending execution
 * of a given job.
 *
 * @param pendingSample  the first of those things by name, at most as many as asked for
 */
public record TargetReach(long reached, long pendingOfJob, List<String> pendingSample) {

    public TargetReach {
        pendingSample = List.copyOf(pendingSample);
    }
}
