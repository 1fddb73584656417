package dev.fleetjobs.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;

/**
 * Job documents must be JSON objects: MQTT embeds them as JSON values, so text that is not an
 * object could not be delivered there (spec 4.4).
 */
final class JobDocuments {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JobDocuments() {
    }

    static String validate(String document) {
        Validator.required("document", document);
        Validator.length("document", document, 1, Constraints.JOB_DOCUMENT_MAX);
        JsonNode parsed;
        try {
            parsed = MAPPER.readTree(document);
        } catch (JsonProcessingException e) {
            throw Validator.invalid("document", abbreviate(document), "Member must be a JSON object: " + e.getOriginalMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw Validator.invalid("document", abbreviate(document), "Member must be a JSON object");
        }
        return document;
    }

    private static String abbreviate(String document) {
        return document.length() <= 64 ? document : document.substring(0, 64) + "...";
    }
}
