package dev.fleetjobs.core.validation;

import dev.fleetjobs.core.error.JobsServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The refusals a request earns, gathered instead of thrown one by one: each independent check
 * runs under {@link #check}, and what it refuses is kept in the order found. An operation that
 * acts throws the first ({@link #throwFirst()}), exactly as if the checks had thrown; a dry run
 * reports them all. Only refusals ({@link JobsServiceException}) are gathered; anything else is a
 * fault and propagates.
 */
public final class Problems {

    private final List<JobsServiceException> found = new ArrayList<>();

    /** Runs a check; what it refuses is kept and null is answered instead of its value. */
    public <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (JobsServiceException e) {
            found.add(e);
            return null;
        }
    }

    public void check(Runnable check) {
        try {
            check.run();
        } catch (JobsServiceException e) {
            found.add(e);
        }
    }

    public void add(JobsServiceException refusal) {
        found.add(refusal);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int size() {
        return found.size();
    }

    public List<JobsServiceException> all() {
        return List.copyOf(found);
    }

    /** Throws the first refusal found, if any. */
    public void throwFirst() {
        if (!found.isEmpty()) {
            throw found.get(0);
        }
    }
}
