package dev.fleetjobs.protocol.controlplane;

public record CreateJobTemplateResponse(String jobTemplateArn, String jobTemplateId) {
}
