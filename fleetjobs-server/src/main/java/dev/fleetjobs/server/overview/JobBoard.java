package dev.fleetjobs.server.overview;

import dev.fleetjobs.core.error.ResourceNotFoundException;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.JobQuery;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.Page;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Jobs with their counts in one read: a list page of the console shows each job's progress without a call per job. */
public final class JobBoard {

    /** A job and its executions by status. */
    public record Row(Job job, JobProgress progress) {
    }

    private final JobStore store;

    public JobBoard(JobStore store) {
        this.store = store;
    }

    /** @param idPrefix  only jobs whose id starts with it; null or empty for every job */
    public CompletableFuture<Page<Row>> list(JobQuery query, String idPrefix, String cursor, int maxResults) {
        if (query.targetGroupName() != null) {
            Validator.thingName("thingGroupName", query.targetGroupName());
        }
        if (idPrefix != null && !idPrefix.isEmpty()) {
            Validator.name("jobIdPrefix", idPrefix, Constraints.JOB_ID, Constraints.JOB_ID_MAX);
        }
        return store.read(reader -> {
            if (query.targetGroupName() != null && reader.findThingGroup(query.targetGroupName()).isEmpty()) {
                throw new ResourceNotFoundException("Thing group " + query.targetGroupName() + " cannot be found.");
            }
            Page<Job> page = idPrefix == null || idPrefix.isEmpty()
                    ? reader.jobs(query, cursor, maxResults)
                    : reader.jobsWithIdPrefix(query, idPrefix, cursor, maxResults);
            List<Row> rows = page.items().stream().map(job -> new Row(job, reader.progress(job.jobId()))).toList();
            return new Page<>(rows, page.nextCursor());
        });
    }
}
