package dev.fleetjobs.protocol.dataplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobExecutionState(String status, Map<String, String> statusDetails, Long versionNumber) {
}
