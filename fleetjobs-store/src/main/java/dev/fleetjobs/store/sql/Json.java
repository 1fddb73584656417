package dev.fleetjobs.store.sql;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.fleetjobs.core.model.JobRunConfig;
import java.util.List;
import java.util.Map;

/** The JSON text columns: string maps, string lists and a job's run configuration. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // The run configuration is stored in the AWS member names its records carry; absent members
    // are left out, and members a later version adds are ignored by an older one.
    private static final ObjectMapper RUN_CONFIG_MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ObjectReader RUN_CONFIG_READER = RUN_CONFIG_MAPPER.readerFor(JobRunConfig.class);
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode as JSON", e);
        }
    }

    static Map<String, String> readMap(String json) {
        return read(json, MAP);
    }

    static List<String> readList(String json) {
        return read(json, LIST);
    }

    /** NULL for a job without rollout, abort, retry or scheduling configuration. */
    static String writeRunConfig(JobRunConfig config) {
        if (config.equals(JobRunConfig.NONE)) {
            return null;
        }
        try {
            return RUN_CONFIG_MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode the run configuration as JSON", e);
        }
    }

    static JobRunConfig readRunConfig(String json) {
        if (json == null) {
            return JobRunConfig.NONE;
        }
        try {
            return RUN_CONFIG_READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored run configuration is corrupt", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is corrupt", e);
        }
    }
}
