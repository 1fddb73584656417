package dev.fleetjobs.protocol.controlplane;

public record GetJobDocumentResponse(String document) {
}
