package dev.fleetjobs.server.service;

/**
 * Told what each unit of work changed, after its transaction committed and in commit order. It
 * runs on the store's writer thread, so it must hand work off rather than block.
 */
@FunctionalInterface
public interface ChangeListener {

    void committed(CommittedChanges changes);
}
