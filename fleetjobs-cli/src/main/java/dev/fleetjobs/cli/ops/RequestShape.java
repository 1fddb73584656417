package dev.fleetjobs.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The member names of a request structure, nested, as the service model declares them, so that a
 * JSON file of request members can be checked before it is sent: like the AWS CLI, a typo is refused
 * by name instead of being ignored by the service. Values are checked by the service itself.
 */
final class RequestShape {

    private static final RequestShape ANY = new RequestShape(null);

    /** The CreateJob members of the {@code iot} model (2015-05-28) that go in the body, and Fleetjobs' own {@code fleetjobs}. */
    static final RequestShape CREATE_JOB = structure(
            "targets", ANY, "documentSource", ANY, "document", ANY, "description", ANY,
            "presignedUrlConfig", structure("roleArn", ANY, "expiresInSec", ANY),
            "targetSelection", ANY,
            "jobExecutionsRolloutConfig", structure("maximumPerMinute", ANY,
                    "exponentialRate", structure("baseRatePerMinute", ANY, "incrementFactor", ANY,
                            "rateIncreaseCriteria", structure("numberOfNotifiedThings", ANY, "numberOfSucceededThings", ANY))),
            "abortConfig", structure("criteriaList",
                    structure("failureType", ANY, "action", ANY, "thresholdPercentage", ANY, "minNumberOfExecutedThings", ANY)),
            "timeoutConfig", structure("inProgressTimeoutInMinutes", ANY),
            "tags", structure("Key", ANY, "Value", ANY),
            "namespaceId", ANY, "jobTemplateArn", ANY,
            "jobExecutionsRetryConfig", structure("criteriaList", structure("failureType", ANY, "numberOfRetries", ANY)),
            "documentParameters", ANY,
            "schedulingConfig", structure("startTime", ANY, "endTime", ANY, "endBehavior", ANY,
                    "maintenanceWindows", structure("startTime", ANY, "durationInMinutes", ANY)),
            "destinationPackageVersions", ANY,
            "fleetjobs", structure("canaryConfig", structure("stages", structure("thingCount", ANY, "thingPercentage", ANY,
                    "minFinishedThings", ANY, "minSuccessPercentage", ANY, "onFailure", ANY))));

    /** Member name to its shape; null for a value whose inside is not checked (a scalar, a free map). */
    private final Map<String, RequestShape> members;

    private RequestShape(Map<String, RequestShape> members) {
        this.members = members;
    }

    /** A structure from (name, shape) pairs; a list of structures takes the shape of its elements. */
    private static RequestShape structure(Object... namesAndShapes) {
        Map<String, RequestShape> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndShapes.length; i += 2) {
            members.put((String) namesAndShapes[i], (RequestShape) namesAndShapes[i + 1]);
        }
        return new RequestShape(members);
    }

    /** Where {@code value} has members this shape does not, as paths such as {@code abortConfig.criteriaList[0].threshold}. */
    List<String> unknownMembers(JsonNode value) {
        List<String> unknown = new ArrayList<>();
        collect(value, "", unknown);
        return unknown;
    }

    /** The member names this structure takes, in the model's order. */
    List<String> memberNames() {
        return members == null ? List.of() : List.copyOf(members.keySet());
    }

    private void collect(JsonNode value, String path, List<String> unknown) {
        if (members == null) {
            return;
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collect(value.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            RequestShape shape = members.get(field.getKey());
            if (shape == null) {
                unknown.add(fieldPath);
            } else {
                shape.collect(field.getValue(), fieldPath, unknown);
            }
        }
    }
}
