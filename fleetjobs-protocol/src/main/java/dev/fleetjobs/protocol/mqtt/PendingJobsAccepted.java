package dev.fleetjobs.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fleetjobs.protocol.dataplane.JobExecutionSummary;
import java.util.List;

/** {@code .../jobs/get/accepted}: both lists are always present. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PendingJobsAccepted(String clientToken, long timestamp, List<JobExecutionSummary> inProgressJobs,
                                  List<JobExecutionSummary> queuedJobs) {
}
