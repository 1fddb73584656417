package dev.fleetjobs.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/** Execution counts from DescribeJob's {@code jobProcessDetails}, summed over jobs. */
record JobCounts(long queued, long inProgress, long succeeded, long others) {

    private static final List<String> OTHER_MEMBERS = List.of("numberOfFailedThings", "numberOfRejectedThings",
            "numberOfCanceledThings", "numberOfRemovedThings", "numberOfTimedOutThings");

    static JobCounts of(JsonNode job) {
        JsonNode details = job.path("jobProcessDetails");
        long others = OTHER_MEMBERS.stream().mapToLong(member -> details.path(member).asLong()).sum();
        return new JobCounts(details.path("numberOfQueuedThings").asLong(), details.path("numberOfInProgressThings").asLong(),
                details.path("numberOfSucceededThings").asLong(), others);
    }

    static JobCounts sum(List<JsonNode> jobs) {
        long queued = 0;
        long inProgress = 0;
        long succeeded = 0;
        long others = 0;
        for (JsonNode job : jobs) {
            JobCounts counts = of(job);
            queued += counts.queued;
            inProgress += counts.inProgress;
            succeeded += counts.succeeded;
            others += counts.others;
        }
        return new JobCounts(queued, inProgress, succeeded, others);
    }

    /** Polls DescribeJob until {@code expected} executions of the job are queued; answers the last description. */
    static JsonNode awaitQueued(BenchContext context, String jobId, long expected, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode job = Await.result(context.control.describeJob(jobId), Duration.ofSeconds(60), "DescribeJob " + jobId);
            if (of(job).queued() >= expected && !job.path("isConcurrent").asBoolean(false)) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new BenchFailure("Job " + jobId + " still has " + of(job).queued() + " of " + expected
                        + " executions queued after " + limit.toSeconds() + " s");
            }
            Pause.briefly();
        }
    }
}
