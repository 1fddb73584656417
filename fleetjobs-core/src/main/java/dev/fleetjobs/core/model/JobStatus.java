package dev.fleetjobs.core.model;

/** The status of a job as a whole (spec 4.2); never SUCCEEDED. */
public enum JobStatus {
    IN_PROGRESS,
    CANCELED,
    COMPLETED,
    DELETION_IN_PROGRESS,
    SCHEDULED
}
