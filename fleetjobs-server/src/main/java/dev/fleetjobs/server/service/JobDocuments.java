package dev.fleetjobs.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.PresignedUrlConfig;
import dev.fleetjobs.core.rules.DocumentParameters;
import dev.fleetjobs.core.rules.PresignedUrlPlaceholders;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;

/**
 * Job documents must be JSON objects: MQTT embeds them as JSON values, so text that is not an
 * object could not be delivered there (spec 4.4). Their presigned URL placeholders must name S3
 * objects and stay within the substitution limit.
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

    /**
     * Checks a document's presigned URL placeholders: each must name an S3 object, and the
     * placeholders with the parameter placeholders of the document as written may be at most ten
     * (spec 6). A job ({@code forJob}) must have a {@code presignedUrlConfig} when it has any.
     *
     * @param asWritten the document before parameter substitution (the same text when there was none)
     */
    static void checkPresignedUrls(String document, String asWritten, PresignedUrlConfig config, boolean forJob) {
        int presigned = PresignedUrlPlaceholders.locations(document).size();
        int substitutions = presigned + DocumentParameters.placeholders(asWritten).size();
        if (substitutions > DocumentParameters.MAX_PLACEHOLDERS) {
            throw new InvalidRequestException("The job document has " + substitutions + " substitution placeholders; at most "
                    + DocumentParameters.MAX_PLACEHOLDERS + " are allowed.");
        }
        if (forJob && presigned > 0 && config == null) {
            throw new InvalidRequestException("The job document has presigned URL placeholders (${aws:iot:s3-presigned-url:...}),"
                    + " so presignedUrlConfig is required.");
        }
    }

    private static String abbreviate(String document) {
        return document.length() <= 64 ? document : document.substring(0, 64) + "...";
    }
}
