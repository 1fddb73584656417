package dev.fleetjobs.core.model;

import java.util.Objects;

/**
 * Work on a job that runs in the background, in batches, and survives a restart: rolling a group
 * target out to its things, canceling a canceled job's executions, deleting a job.
 *
 * @param seq             the store's key of this work; 0 before it is stored
 * @param targetArn       ROLLOUT only: the target as given, shown in {@code processingTargets}
 * @param groupName       ROLLOUT only: the group whose things (its subgroups' included) get executions
 * @param membershipCut   ROLLOUT only: things that joined the group after this membership sequence are left out,
 *                        so a SNAPSHOT job takes the members it had at creation
 * @param cursor          ROLLOUT only: where the walk over the group's things stopped, or null at the start
 * @param force           CANCEL only: IN_PROGRESS executions are canceled too
 */
public record JobWork(long seq, String jobId, Kind kind, String targetArn, String groupName, long membershipCut, String cursor,
                      boolean force) {

    public enum Kind {
        ROLLOUT,
        CANCEL,
        DELETE
    }

    public JobWork {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(kind, "kind");
    }

    public static JobWork rollout(String jobId, String targetArn, String groupName, long membershipCut) {
        return new JobWork(0, jobId, Kind.ROLLOUT, targetArn, groupName, membershipCut, null, false);
    }

    public static JobWork cancel(String jobId, boolean force) {
        return new JobWork(0, jobId, Kind.CANCEL, null, null, 0, null, force);
    }

    public static JobWork delete(String jobId) {
        return new JobWork(0, jobId, Kind.DELETE, null, null, 0, null, false);
    }

    public JobWork at(String newCursor) {
        return new JobWork(seq, jobId, kind, targetArn, groupName, membershipCut, newCursor, force);
    }
}
