package dev.fleetjobs.sdk.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.sdk.http.JsonCodec;
import java.util.ArrayList;
import java.util.List;

/** Reads job documents the way the AWS IoT Device Client does, strictly: what it cannot run is refused up front. */
public final class JobDocuments {

    private JobDocuments() {
    }

    public static JobDocument parse(String json) {
        JsonNode root;
        try {
            root = JsonCodec.mapper().readTree(json == null ? "" : json);
        } catch (Exception e) {
            throw new InvalidJobDocumentException("The job document is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidJobDocumentException("The job document is not a JSON object");
        }
        if (!root.has("version")) {
            return operationForm(root);
        }
        String version = root.get("version").asText();
        if (!version.equals("1.0")) {
            throw new InvalidJobDocumentException("Job document schema version " + version + " is not supported; use 1.0");
        }
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw new InvalidJobDocumentException("A version 1.0 job document needs a non-empty 'steps' list");
        }
        List<Action> actions = new ArrayList<>();
        for (JsonNode step : steps) {
            actions.add(action(step, "steps[" + actions.size() + "]"));
        }
        JsonNode finalStep = root.get("finalStep");
        Action last = finalStep == null || finalStep.isNull() ? null : action(finalStep, "finalStep");
        return new JobDocument(version, flag(root.get("includeStdOut")), actions, last);
    }

    /** The Device Client's old schema: one handler named by {@code operation}. */
    private static JobDocument operationForm(JsonNode root) {
        JsonNode operation = root.get("operation");
        if (operation == null || !operation.isTextual() || operation.asText().isBlank()) {
            throw new InvalidJobDocumentException("The job document has neither 'version' nor 'operation'");
        }
        Action action = new Action(operation.asText(), ActionType.RUN_HANDLER, operation.asText(), text(root, "path"),
                strings(root.get("args"), "args"), null, "", integer(root.get("allowStdErr")), false);
        return new JobDocument("operation", flag(root.get("includeStdOut")), List.of(action), null);
    }

    private static Action action(JsonNode step, String where) {
        JsonNode action = step.get("action");
        if (action == null || !action.isObject()) {
            throw new InvalidJobDocumentException(where + " has no 'action' object");
        }
        String name = text(action, "name");
        if (name == null || name.isBlank()) {
            throw new InvalidJobDocumentException(where + ".action has no 'name'");
        }
        String type = text(action, "type");
        JsonNode input = action.get("input");
        if (input == null || !input.isObject()) {
            throw new InvalidJobDocumentException("Step '" + name + "' has no 'input' object");
        }
        String runAsUser = text(action, "runAsUser");
        Integer allowStdErr = integer(action.get("allowStdErr"));
        boolean ignoreFailure = flag(action.get("ignoreStepFailure"));
        if (ActionType.RUN_HANDLER.wireName().equals(type)) {
            String handler = text(input, "handler");
            if (handler == null || handler.isBlank()) {
                throw new InvalidJobDocumentException("Step '" + name + "' needs input.handler");
            }
            return new Action(name, ActionType.RUN_HANDLER, handler, text(input, "path"), strings(input.get("args"), "args"), null,
                    runAsUser, allowStdErr, ignoreFailure);
        }
        if (ActionType.RUN_COMMAND.wireName().equals(type)) {
            List<String> command = splitCommand(text(input, "command"));
            if (command.isEmpty() || command.get(0).isBlank() || command.get(0).chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidJobDocumentException("Step '" + name + "' needs input.command, a comma-separated program and"
                        + " arguments whose first element has no spaces");
            }
            return new Action(name, ActionType.RUN_COMMAND, null, null, null, command, runAsUser, allowStdErr, ignoreFailure);
        }
        if (ActionType.DOWNLOAD.wireName().equals(type)) {
            return new Action(name, ActionType.DOWNLOAD, null, null, null, null, runAsUser, allowStdErr, ignoreFailure,
                    download(name, input));
        }
        throw new InvalidJobDocumentException("Step '" + name + "' has action type '" + type
                + "'; runHandler, runCommand and download are supported");
    }

    private static Download download(String name, JsonNode input) {
        String url = text(input, "url");
        String sha256 = text(input, "sha256");
        String path = text(input, "path");
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new InvalidJobDocumentException("Step '" + name + "' needs input.url, an http or https URL");
        }
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new InvalidJobDocumentException("Step '" + name + "' needs input.sha256, the file's SHA-256 in hex");
        }
        if (path == null || path.isBlank() || path.endsWith("/")) {
            throw new InvalidJobDocumentException("Step '" + name + "' needs input.path, the file to write");
        }
        return new Download(url, sha256.toLowerCase(java.util.Locale.ROOT), path);
    }

    /** {@code "echo,Hello\, world"} is {@code [echo, Hello, world]}: commas split, {@code \,} is a comma. */
    static List<String> splitCommand(String command) {
        List<String> parts = new ArrayList<>();
        if (command == null || command.isEmpty()) {
            return parts;
        }
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\\' && i + 1 < command.length() && command.charAt(i + 1) == ',') {
                current.append(',');
                i++;
            } else if (c == ',') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The Device Client writes booleans as strings ({@code "true"}); real booleans are accepted too. */
    private static boolean flag(JsonNode value) {
        return value != null && (value.isBoolean() ? value.asBoolean() : "true".equalsIgnoreCase(value.asText()));
    }

    private static Integer integer(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.canConvertToInt() && value.isIntegralNumber()) {
            return value.asInt();
        }
        throw new InvalidJobDocumentException("allowStdErr must be a whole number, was " + value);
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        if (array == null || array.isNull()) {
            return values;
        }
        if (!array.isArray()) {
            throw new InvalidJobDocumentException("'" + field + "' must be a list of strings");
        }
        array.forEach(item -> values.add(item.asText()));
        return values;
    }
}
