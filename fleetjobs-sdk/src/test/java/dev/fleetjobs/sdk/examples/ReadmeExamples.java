package dev.fleetjobs.sdk.examples;

import dev.fleetjobs.protocol.dataplane.JobExecution;
import dev.fleetjobs.sdk.JobsDataClient;
import dev.fleetjobs.sdk.auth.AwsCredentials;
import dev.fleetjobs.sdk.http.RetryPolicy;
import dev.fleetjobs.sdk.models.operations.DescribeJobExecutionRequest;
import dev.fleetjobs.sdk.models.operations.DescribeJobExecutionResponse;
import dev.fleetjobs.sdk.models.operations.GetPendingJobExecutionsRequest;
import dev.fleetjobs.sdk.models.operations.GetPendingJobExecutionsResponse;
import dev.fleetjobs.sdk.models.operations.StartNextPendingJobExecutionRequest;
import dev.fleetjobs.sdk.models.operations.StartNextPendingJobExecutionRequestBody;
import dev.fleetjobs.sdk.models.operations.StartNextPendingJobExecutionResponse;
import dev.fleetjobs.sdk.models.operations.UpdateJobExecutionRequest;
import dev.fleetjobs.sdk.models.operations.UpdateJobExecutionRequestBody;
import dev.fleetjobs.sdk.models.operations.UpdateJobExecutionResponse;
import dev.fleetjobs.sdk.models.shared.JobExecutionStatus;
import dev.fleetjobs.sdk.models.shared.Security;
import java.time.Duration;
import java.util.Map;

/**
 * The SDK examples of the README, as compiled code. The text between a {@code // readme:NAME}
 * line and the next {@code // readme:end} line is exactly the README's block of that name
 * ({@code ReadmeExamplesTest} checks it and runs every example against a server).
 */
public final class ReadmeExamples {

    private ReadmeExamples() {
    }

    static JobsDataClient client(String serverUrl, AwsCredentials credentials) {
        // readme:client
        JobsDataClient sdk = JobsDataClient.builder()
                .serverUrl(serverUrl)                               // leave out to call AWS in the region
                .region("us-east-1")
                .security(Security.sigV4(credentials))             // e.g. AwsCredentials.fromEnvironment()
                .retryPolicy(RetryPolicy.of(4, Duration.ofMillis(100), Duration.ofSeconds(20)))
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        // readme:end
        return sdk;
    }

    static DescribeJobExecutionResponse describeJobExecution(JobsDataClient sdk) {
        // readme:describeJobExecution
        DescribeJobExecutionRequest req = DescribeJobExecutionRequest.builder()
                .thingName("pump-1")
                .jobId("firmware-2")
                .executionNumber(1L)
                .includeJobDocument(true)
                .build();

        DescribeJobExecutionResponse res = sdk.describeJobExecution(req);

        if (res.describeJobExecutionResponse().isPresent()) {
            JobExecution execution = res.describeJobExecutionResponse().get().execution();
            System.out.println(execution.status() + ": " + execution.jobDocument());
        }
        // readme:end
        return res;
    }

    static GetPendingJobExecutionsResponse getPendingJobExecutions(JobsDataClient sdk) {
        // readme:getPendingJobExecutions
        GetPendingJobExecutionsRequest req = GetPendingJobExecutionsRequest.builder()
                .thingName("pump-1")
                .build();

        GetPendingJobExecutionsResponse res = sdk.getPendingJobExecutions(req);

        res.getPendingJobExecutionsResponse().ifPresent(pending ->
                pending.queuedJobs().forEach(job -> System.out.println("queued: " + job.jobId())));
        // readme:end
        return res;
    }

    static StartNextPendingJobExecutionResponse startNextPendingJobExecution(JobsDataClient sdk) {
        // readme:startNextPendingJobExecution
        StartNextPendingJobExecutionRequest req = StartNextPendingJobExecutionRequest.builder()
                .thingName("pump-1")
                .requestBody(StartNextPendingJobExecutionRequestBody.builder()
                        .statusDetails(Map.of("step", "download"))
                        .stepTimeoutInMinutes(10L)
                        .build())
                .build();

        StartNextPendingJobExecutionResponse res = sdk.startNextPendingJobExecution(req);

        res.startNextPendingJobExecutionResponse()
                .map(body -> body.execution())              // absent when nothing is pending
                .ifPresent(execution -> System.out.println("working on " + execution.jobId()));
        // readme:end
        return res;
    }

    static UpdateJobExecutionResponse updateJobExecution(JobsDataClient sdk) {
        // readme:updateJobExecution
        UpdateJobExecutionRequest req = UpdateJobExecutionRequest.builder()
                .thingName("pump-1")
                .jobId("firmware-2")
                .requestBody(UpdateJobExecutionRequestBody.builder(JobExecutionStatus.SUCCEEDED)
                        .statusDetails(Map.of("step", "done"))
                        .expectedVersion(2L)
                        .executionNumber(1L)
                        .includeJobExecutionState(true)
                        .includeJobDocument(false)
                        .stepTimeoutInMinutes(null)
                        .build())
                .build();

        UpdateJobExecutionResponse res = sdk.updateJobExecution(req);

        System.out.println(res.statusCode() + " " + res.updateJobExecutionResponse().get().executionState());
        // readme:end
        return res;
    }

    static GetPendingJobExecutionsResponse hmac(String serverUrl, String authorization, String amzDate, String contentSha256) {
        // readme:hmac
        JobsDataClient seedStyle = JobsDataClient.builder()
                .serverUrl(serverUrl)
                .security(Security.hmac(authorization))             // sent exactly as given
                .build();

        GetPendingJobExecutionsResponse res = seedStyle.getPendingJobExecutions(GetPendingJobExecutionsRequest.builder()
                .thingName("pump-1")
                .xAmzDate(amzDate)                                  // the X-Amz-* fields the signature covers
                .xAmzContentSha256(contentSha256)
                .build());
        // readme:end
        return res;
    }
}
