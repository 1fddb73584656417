package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.ResourceNotFoundException;

/** The ResourceNotFoundException messages, worded once. */
final class NotFound {

    private NotFound() {
    }

    static ResourceNotFoundException thing(String thingName) {
        return new ResourceNotFoundException("Thing " + thingName + " cannot be found.");
    }

    static ResourceNotFoundException job(String jobId) {
        return new ResourceNotFoundException("Job " + jobId + " cannot be found.");
    }

    static ResourceNotFoundException targetThing(String thingName) {
        return new ResourceNotFoundException("Target thing " + thingName + " cannot be found.");
    }

    static ResourceNotFoundException targetThingGroup(String groupName) {
        return new ResourceNotFoundException("Target thing group " + groupName + " cannot be found.");
    }

    static ResourceNotFoundException thingGroup(String groupName) {
        return new ResourceNotFoundException("Thing group " + groupName + " cannot be found.");
    }

    static ResourceNotFoundException jobTemplate(String jobTemplateId) {
        return new ResourceNotFoundException("Job template " + jobTemplateId + " cannot be found.");
    }

    static ResourceNotFoundException execution(String jobId, String thingName) {
        return new ResourceNotFoundException("Job execution of job " + jobId + " on thing " + thingName + " cannot be found.");
    }
}
