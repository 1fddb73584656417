package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.PresignedUrlConfig;

/**
 * An execution as a device sees it.
 *
 * @param jobDocument                       the job's document as stored, or null when it was not asked for
 * @param approximateSecondsBeforeTimedOut  seconds left before the service times the execution out, or null when no timer runs
 * @param presignedUrlConfig                the job's presigned URL configuration, for the edge that renders the document; or null
 */
public record ExecutionView(JobExecution execution, String jobDocument, Long approximateSecondsBeforeTimedOut,
                            PresignedUrlConfig presignedUrlConfig) {

    public ExecutionView(JobExecution execution, String jobDocument, Long approximateSecondsBeforeTimedOut) {
        this(execution, jobDocument, approximateSecondsBeforeTimedOut, null);
    }

    /** The document as the device at {@code origin} receives it. */
    public String documentFor(DeviceDocuments documents, String origin) {
        return documents.render(jobDocument, presignedUrlConfig, origin);
    }
}
