package dev.fleetjobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.model.Thing;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every part of the store's contract suite shares: a store opened per test, and short ways
 * to run work in it. A database's test class per part supplies {@link #openStore()}, which must
 * open the same database every time it is called.
 */
public abstract class StoreContractSupport {

    protected JobStore store;

    /** Opens a store on this test's database; called again after close to reopen the same data. */
    protected abstract JobStore openStore();

    @BeforeEach
    void openTheStore() {
        store = openStore();
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    protected <T> T write(Function<StoreTransaction, T> work) {
        return store.write(work).join();
    }

    protected <T> T read(Function<StoreReader, T> work) {
        return store.read(work).join();
    }

    /** What the write failed with, exactly as completed (not wrapped). */
    protected Throwable writeFailure(Function<StoreTransaction, ?> work) {
        Throwable failure = store.write(work).handle((ok, t) -> t).join();
        assertThat(failure).as("the write should have failed").isNotNull().isNotInstanceOf(CompletionException.class);
        return failure;
    }

    protected Throwable readFailure(Function<StoreReader, ?> work) {
        Throwable failure = store.read(work).handle((ok, t) -> t).join();
        assertThat(failure).as("the read should have failed").isNotNull().isNotInstanceOf(CompletionException.class);
        return failure;
    }

    protected void insertJobs(String... jobIds) {
        write((StoreTransaction tx) -> {
            for (String id : jobIds) {
                tx.insertJob(job(id));
            }
            return null;
        });
    }

    protected static Thing thing(String name) {
        return new Thing(name, "id-" + name, Map.of("k", name), 1, 1_000L);
    }

    protected static Job job(String jobId) {
        return new Job(jobId, TargetSelection.SNAPSHOT, JobStatus.IN_PROGRESS, "{}", null, List.of("arn:thing/" + jobId), null,
                false, null, null, 1L, 1L, null);
    }

    protected static JobExecution execution(String jobId, String thingName, ExecutionStatus status, long queuedAt) {
        return new JobExecution(jobId, thingName, 1, status, Map.of(), queuedAt,
                status == ExecutionStatus.QUEUED ? null : queuedAt + 1, queuedAt + 1, 1, null, null, false, 0);
    }
}
