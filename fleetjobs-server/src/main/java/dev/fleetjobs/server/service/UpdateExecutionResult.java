package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.PresignedUrlConfig;

/**
 * What an accepted update answers.
 *
 * @param state        the execution after the update, or null when not asked for
 * @param jobDocument  the document, or null when not asked for
 * @param execution    the execution after the update, always
 * @param presignedUrlConfig the job's presigned URL configuration when the document was asked for, else null
 */
public record UpdateExecutionResult(JobExecution state, String jobDocument, JobExecution execution,
                                    PresignedUrlConfig presignedUrlConfig) {

    public UpdateExecutionResult(JobExecution state, String jobDocument, JobExecution execution) {
        this(state, jobDocument, execution, null);
    }

    /** The document as the device at {@code origin} receives it. */
    public String documentFor(DeviceDocuments documents, String origin) {
        return documents.render(jobDocument, presignedUrlConfig, origin);
    }
}
