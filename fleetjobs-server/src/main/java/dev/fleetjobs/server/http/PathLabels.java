package dev.fleetjobs.server.http;

import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;
import java.util.Map;

/**
 * The model's name patterns, checked on every path label before anyone looks at it (the
 * authorization of a device by thing name above all). Operations check their labels again with
 * their own exact rules; this is the floor every route gets.
 */
final class PathLabels {

    private PathLabels() {
    }

    static void validate(Map<String, String> labels) {
        labels.forEach((label, value) -> {
            switch (label) {
                case "thingName" -> Validator.thingName(label, value);
                case "jobId" -> {
                    // DescribeJobExecution on the data plane takes "$next" in this label.
                    if (!"$next".equals(value)) {
                        Validator.jobId(label, value);
                    }
                }
                case "certificateId", "caCertificateId" -> Validator.certificateId(label, value);
                default -> Validator.length(label, value, 1, Constraints.LABEL_MAX);
            }
        });
    }
}
