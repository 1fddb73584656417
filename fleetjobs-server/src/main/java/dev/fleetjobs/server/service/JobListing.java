package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Job;

/**
 * A job as ListJobs shows it.
 *
 * @param thingGroupId  the id of the first thing group the job targets, or null when it targets things only
 * @param concurrent    whether background work on it is under way
 */
public record JobListing(Job job, String thingGroupId, boolean concurrent) {
}
