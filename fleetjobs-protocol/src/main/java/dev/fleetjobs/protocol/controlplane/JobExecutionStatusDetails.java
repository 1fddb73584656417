package dev.fleetjobs.protocol.controlplane;

import java.util.Map;

/** The control plane wraps the details map: {@code {"detailsMap": {...}}}. */
public record JobExecutionStatusDetails(Map<String, String> detailsMap) {
}
