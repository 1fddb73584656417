package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.saferollout.RollbackLink;

/** A rollback job just created, and its link to the job it rolls back. */
public record RollbackResult(Job job, RollbackLink link) {
}
