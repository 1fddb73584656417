package dev.fleetjobs.server.service;

/**
 * What a write that started background work returns: its answer, and whether work was left
 * after the part done inline, so that the worker is woken only then.
 */
record WithWork<T>(T result, boolean workLeft) {
}
