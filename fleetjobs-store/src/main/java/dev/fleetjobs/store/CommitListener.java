package dev.fleetjobs.store;

/** Told of every commit of the store's writer: how many units of work it carried and how long the batch took. */
@FunctionalInterface
public interface CommitListener {

    /** Runs on the writer thread: it must be quick and must not write. */
    void committed(int units, long nanos);

    CommitListener NONE = (units, nanos) -> {
    };
}
