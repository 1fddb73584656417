package dev.fleetjobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.JobTemplate;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.core.model.TargetSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract of the store for job listing and targets, background work, job templates and tags. */
public abstract class JobCatalogStoreContractTest extends StoreContractSupport {

    // jobs

    @Test
    void aJobMadeFromATemplateRoundTripsItsOrigin() {
        Job job = new Job("from-template", TargetSelection.CONTINUOUS, JobStatus.IN_PROGRESS, "{\"v\":\"2\"}", null,
                List.of("arn:aws:iot:us-east-1:1:thinggroup/g"), null, false, null, null, 1L, 1L, null, JobRunConfig.NONE,
                "arn:aws:iot:us-east-1:1:jobtemplate/t", Map.of("v", "2"), "{\"v\":\"${aws:iot:parameter:v}\"}");
        write((StoreTransaction tx) -> {
            tx.insertJob(job);
            return null;
        });
        assertThat(read((StoreReader r) -> r.findJob("from-template"))).contains(job);
        assertThat(job.rawDocument()).contains("${aws:iot:parameter:v}");
    }

    @Test
    void jobsListByIdWithEveryFilterAndPageWhileJobsAreCreated() {
        write((StoreTransaction tx) -> {
            tx.insertJob(job("a", TargetSelection.SNAPSHOT, JobStatus.COMPLETED));
            tx.insertJob(job("b", TargetSelection.CONTINUOUS, JobStatus.IN_PROGRESS));
            tx.insertJob(job("c", TargetSelection.SNAPSHOT, JobStatus.IN_PROGRESS));
            tx.insertJob(job("d", TargetSelection.CONTINUOUS, JobStatus.CANCELED));
            tx.addJobTargetGroup("b", new JobTargetGroup("fleet", "id-fleet"));
            tx.addJobTargetGroup("c", new JobTargetGroup("fleet", "id-fleet"));
            tx.addJobTargetGroup("c", new JobTargetGroup("fleet", "id-fleet"));
            tx.addJobTargetGroup("c", new JobTargetGroup("lab", "id-lab"));
            return null;
        });
        assertThat(jobIds(JobQuery.ALL)).containsExactly("a", "b", "c", "d");
        assertThat(jobIds(new JobQuery(JobStatus.IN_PROGRESS, null, null, null))).containsExactly("b", "c");
        assertThat(jobIds(new JobQuery(null, TargetSelection.CONTINUOUS, null, null))).containsExactly("b", "d");
        assertThat(jobIds(new JobQuery(null, null, "fleet", null))).containsExactly("b", "c");
        assertThat(jobIds(new JobQuery(null, null, null, "id-lab"))).containsExactly("c");
        assertThat(jobIds(new JobQuery(JobStatus.IN_PROGRESS, TargetSelection.CONTINUOUS, "fleet", "id-fleet"))).containsExactly("b");
        assertThat(read((StoreReader r) -> r.countJobs(JobStatus.IN_PROGRESS))).isEqualTo(2);
        assertThat(read((StoreReader r) -> r.jobTargetGroups("c"))).containsExactly(new JobTargetGroup("fleet", "id-fleet"),
                new JobTargetGroup("lab", "id-lab"));
        assertThat(read((StoreReader r) -> r.continuousJobsTargeting(List.of("lab", "fleet")))).extracting(Job::jobId)
                .containsExactly("b");
        assertThat(read((StoreReader r) -> r.continuousJobsTargeting(List.of()))).isEmpty();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            String current = cursor;
            Page<Job> p = read((StoreReader r) -> r.jobs(JobQuery.ALL, current, 2));
            p.items().forEach(j -> seen.add(j.jobId()));
            String late = "late-" + page++;
            write((StoreTransaction tx) -> {
                tx.insertJob(job(late, TargetSelection.SNAPSHOT, JobStatus.IN_PROGRESS));
                return null;
            });
            cursor = p.nextCursor();
        } while (cursor != null && page < 20);
        assertThat(seen).doesNotHaveDuplicates().startsWith("a", "b", "c", "d").isSorted();
        assertThat(readFailure((StoreReader r) -> r.jobs(JobQuery.ALL, "bad-token", 2))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void deletingAJobTakesItsCountsTargetGroupsAndWorkAndFreesItsId() {
        write((StoreTransaction tx) -> {
            tx.insertJob(job("gone", TargetSelection.CONTINUOUS, JobStatus.DELETION_IN_PROGRESS));
            tx.addJobTargetGroup("gone", new JobTargetGroup("fleet", "id-fleet"));
            tx.insertJobWork(JobWork.delete("gone"));
            tx.insertExecution(execution("gone", "t", ExecutionStatus.SUCCEEDED, 1));
            tx.deleteExecution("gone", "t", 1);
            return null;
        });
        assertThat(write((StoreTransaction tx) -> tx.deleteJob("gone"))).isTrue();
        assertThat(write((StoreTransaction tx) -> tx.deleteJob("gone"))).isFalse();
        assertThat(read((StoreReader r) -> r.jobWork("gone"))).isEmpty();
        assertThat(read((StoreReader r) -> r.jobTargetGroups("gone"))).isEmpty();
        assertThat(read((StoreReader r) -> r.progress("gone")).total()).isZero();
        insertJobs("gone");
        assertThat(read((StoreReader r) -> r.findJob("gone"))).isPresent();

        // The last executions and the job itself in one unit, as the last batch of a delete does.
        write((StoreTransaction tx) -> {
            tx.insertExecution(execution("gone", "u", ExecutionStatus.QUEUED, 2));
            return null;
        });
        assertThat(write((StoreTransaction tx) -> tx.deleteExecution("gone", "u", 1) && tx.deleteJob("gone"))).isTrue();
        assertThat(read((StoreReader r) -> r.findJob("gone"))).isEmpty();
    }

    @Test
    void executionsOfAThingFilterByJobAndStatus() {
        insertJobs("j1", "j2");
        JobExecution first = JobExecution.queued("j1", "t", 1, 10).withServiceStatus(ExecutionStatus.REMOVED, false, null, 11);
        write((StoreTransaction tx) -> {
            tx.insertExecution(first);
            tx.insertExecution(JobExecution.queued("j1", "t", 2, 20));
            tx.insertExecution(JobExecution.queued("j2", "t", 1, 30));
            return null;
        });
        assertThat(read((StoreReader r) -> r.executionsForThing("t", null, "j1", null, 10)).items())
                .extracting(JobExecution::executionNumber).containsExactly(1L, 2L);
        assertThat(read((StoreReader r) -> r.executionsForThing("t", ExecutionStatus.QUEUED, "j1", null, 10)).items())
                .extracting(JobExecution::executionNumber).containsExactly(2L);
        Page<JobExecution> page = read((StoreReader r) -> r.executionsForThing("t", null, "j1", null, 1));
        assertThat(page.items()).containsExactly(first);
        assertThat(read((StoreReader r) -> r.executionsForThing("t", null, "j1", page.nextCursor(), 1)).items())
                .extracting(JobExecution::jobId, JobExecution::executionNumber).containsExactly(org.assertj.core.groups.Tuple.tuple("j1", 2L));
        assertThat(read((StoreReader r) -> r.findExecution("j1", "t", OptionalLong.empty())).orElseThrow().executionNumber()).isEqualTo(2);
    }

    @Test
    void executionsInsertedAtOnceAreCountedAndTheLatestPerThingIsFound() {
        insertJobs("bulk", "other");
        List<JobExecution> batch = List.of(JobExecution.queued("bulk", "a", 1, 5), JobExecution.queued("bulk", "b", 1, 5),
                execution("bulk", "c", ExecutionStatus.IN_PROGRESS, 5), JobExecution.queued("other", "a", 1, 5));
        write((StoreTransaction tx) -> {
            tx.insertExecutions(batch);
            tx.insertExecutions(List.of());
            tx.insertExecution(JobExecution.queued("bulk", "a", 2, 6));
            return null;
        });
        assertThat(read((StoreReader r) -> r.progress("bulk")).count(ExecutionStatus.QUEUED)).isEqualTo(3);
        assertThat(read((StoreReader r) -> r.progress("bulk")).count(ExecutionStatus.IN_PROGRESS)).isEqualTo(1);
        assertThat(read((StoreReader r) -> r.progress("other")).total()).isEqualTo(1);
        assertThat(read((StoreReader r) -> r.findExecution("bulk", "b", OptionalLong.of(1)))).contains(batch.get(1));

        Map<String, JobExecution> latest = read((StoreReader r) -> r.latestExecutions("bulk", List.of("a", "c", "nobody")));
        assertThat(latest).containsOnlyKeys("a", "c");
        assertThat(latest.get("a").executionNumber()).isEqualTo(2);
        assertThat(read((StoreReader r) -> r.latestExecutions("bulk", List.of()))).isEmpty();
        assertThat(writeFailure((StoreTransaction tx) -> {
            tx.insertExecutions(List.of(JobExecution.queued("bulk", "d", 1, 7), JobExecution.queued("bulk", "b", 1, 7)));
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThat(read((StoreReader r) -> r.progress("bulk")).total()).as("a refused batch writes nothing").isEqualTo(4);
    }

    // background work

    @Test
    void workIsTakenInTurnsAndKeepsItsCursorUntilDeleted() {
        insertJobs("j1", "j2");
        JobWork rollout = write((StoreTransaction tx) -> tx.insertJobWork(JobWork.rollout("j1", "arn:group", "fleet", 42)));
        JobWork cancel = write((StoreTransaction tx) -> tx.insertJobWork(JobWork.cancel("j2", true)));
        assertThat(rollout.seq()).isPositive();
        assertThat(cancel.seq()).isGreaterThan(rollout.seq());
        assertThat(read((StoreReader r) -> r.jobWork("j1"))).containsExactly(rollout);
        assertThat(read(StoreReader::nextJobWork)).contains(rollout);

        JobWork advanced = rollout.at("cursor-1");
        write((StoreTransaction tx) -> {
            tx.updateJobWork(advanced);
            return null;
        });
        assertThat(read(StoreReader::nextJobWork)).contains(cancel);
        write((StoreTransaction tx) -> {
            tx.updateJobWork(cancel);
            return null;
        });
        assertThat(read(StoreReader::nextJobWork)).contains(advanced);
        write((StoreTransaction tx) -> {
            tx.deleteJobWork(advanced.seq());
            return null;
        });
        assertThat(read((StoreReader r) -> r.jobWork("j1"))).isEmpty();
        assertThat(read(StoreReader::nextJobWork)).contains(cancel);
        assertThat(writeFailure((StoreTransaction tx) -> {
            tx.updateJobWork(advanced);
            return null;
        })).isInstanceOf(StoreConflictException.class);
    }

    @Test
    void workSurvivesAReopen() {
        insertJobs("j1");
        JobWork work = write((StoreTransaction tx) -> tx.insertJobWork(JobWork.rollout("j1", "arn", "g", 7).at(null)));
        store.close();
        store = openStore();
        assertThat(read(StoreReader::nextJobWork)).contains(work);
    }

    // templates

    @Test
    void templatesRoundTripListByIdAndDelete() {
        JobTemplate full = new JobTemplate("t-full", "firmware", "{\"v\":1}", 30L, StoreTimingContract.FULL.templatePart(), 5L);
        JobTemplate sparse = new JobTemplate("t-sparse", "reboot", "{}", null, JobRunConfig.NONE, 6L);
        write((StoreTransaction tx) -> {
            tx.insertJobTemplate(sparse);
            tx.insertJobTemplate(full);
            return null;
        });
        assertThat(read((StoreReader r) -> r.findJobTemplate("t-full"))).contains(full);
        assertThat(read((StoreReader r) -> r.findJobTemplate("none"))).isEmpty();
        Page<JobTemplate> first = read((StoreReader r) -> r.jobTemplates(null, 1));
        assertThat(first.items()).containsExactly(full);
        assertThat(read((StoreReader r) -> r.jobTemplates(first.nextCursor(), 1))).isEqualTo(new Page<>(List.of(sparse), null));
        assertThat(writeFailure((StoreTransaction tx) -> {
            tx.insertJobTemplate(full);
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThat(write((StoreTransaction tx) -> tx.deleteJobTemplate("t-full"))).isTrue();
        assertThat(write((StoreTransaction tx) -> tx.deleteJobTemplate("t-full"))).isFalse();
    }

    // tags

    @Test
    void tagsAreSetReplacedRemovedAndPagedByKey() {
        String arn = "arn:aws:iot:us-east-1:000000000000:job/j";
        write((StoreTransaction tx) -> {
            tx.putTags(arn, List.of(new Tag("team", "ops"), new Tag("env", "prod"), new Tag("cost", "")));
            tx.putTags("other", List.of(new Tag("team", "dev")));
            return null;
        });
        write((StoreTransaction tx) -> {
            tx.putTags(arn, List.of(new Tag("env", "staging")));
            tx.removeTags(arn, Set.of("cost", "missing"));
            return null;
        });
        assertThat(read((StoreReader r) -> r.tags(arn, null, 10)).items()).containsExactly(new Tag("env", "staging"), new Tag("team", "ops"));
        assertThat(read((StoreReader r) -> r.countTags(arn))).isEqualTo(2);
        Page<Tag> first = read((StoreReader r) -> r.tags(arn, null, 1));
        assertThat(read((StoreReader r) -> r.tags(arn, first.nextCursor(), 1)).items()).containsExactly(new Tag("team", "ops"));
        write((StoreTransaction tx) -> {
            tx.deleteTags(arn);
            return null;
        });
        assertThat(read((StoreReader r) -> r.countTags(arn))).isZero();
        assertThat(read((StoreReader r) -> r.countTags("other"))).isEqualTo(1);
    }

    // helpers

    private List<String> jobIds(JobQuery query) {
        return read((StoreReader r) -> r.jobs(query, null, 250)).items().stream().map(Job::jobId).toList();
    }

    private static Job job(String id, TargetSelection selection, JobStatus status) {
        return new Job(id, selection, status, "{}", null, List.of("arn"), null, false, null, null, 1L, 1L, null);
    }
}
