package dev.fleetjobs.sdk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobDocumentsTest {

    @Test
    void readsTheDeviceClientSchema() {
        JobDocument document = JobDocuments.parse("""
                {"version": "1.0", "includeStdOut": "true",
                 "steps": [
                   {"action": {"name": "Install", "type": "runHandler", "runAsUser": "root", "allowStdErr": 2, "ignoreStepFailure": "true",
                               "input": {"handler": "install.sh", "args": ["wget", "curl"], "path": "default"}}},
                   {"action": {"name": "Say", "type": "runCommand", "input": {"command": "echo,Hello\\\\, world,again"}}}],
                 "finalStep": {"action": {"name": "Clean", "type": "runHandler", "input": {"handler": "clean.sh"}}}}
                """);
        assertThat(document.includeStdOut()).isTrue();
        assertThat(document.allSteps()).extracting(Action::name).containsExactly("Install", "Say", "Clean");
        Action install = document.steps().get(0);
        assertThat(install).isEqualTo(new Action("Install", ActionType.RUN_HANDLER, "install.sh", "default", List.of("wget", "curl"), List.of(),
                "root", 2, true));
        assertThat(install.usesHandlerDirectory()).isTrue();
        assertThat(document.steps().get(1).command()).containsExactly("echo", "Hello, world", "again");
        assertThat(document.finalStep().ignoreStepFailure()).isFalse();
    }

    @Test
    void readsTheOperationFormAsOneHandlerStep() {
        JobDocument document = JobDocuments.parse("{\"operation\": \"install\", \"args\": [\"2.0\"], \"includeStdOut\": true}");
        assertThat(document.steps()).containsExactly(new Action("install", ActionType.RUN_HANDLER, "install", null, List.of("2.0"), List.of(),
                "", null, false));
        assertThat(document.includeStdOut()).isTrue();
        assertThat(document.finalStep()).isNull();
    }

    @Test
    void refusesWhatItCannotRun() {
        assertRefused("[1]", "not a JSON object");
        assertRefused("nope", "not JSON");
        assertRefused("{\"firmware\": \"2\"}", "neither");
        assertRefused("{\"version\": \"2.0\", \"steps\": []}", "2.0");
        assertRefused("{\"version\": \"1.0\", \"steps\": []}", "non-empty");
        assertRefused("{\"version\": \"1.0\", \"steps\": [{\"action\": {\"name\": \"x\", \"type\": \"runScript\", \"input\": {}}}]}",
                "runScript");
        assertRefused("{\"version\": \"1.0\", \"steps\": [{\"action\": {\"name\": \"x\", \"type\": \"runHandler\", \"input\": {}}}]}",
                "input.handler");
        assertRefused("{\"version\": \"1.0\", \"steps\": [{\"action\": {\"name\": \"x\", \"type\": \"runCommand\","
                + " \"input\": {\"command\": \"rm -rf,/\"}}}]}", "no spaces");
        assertRefused("{\"version\": \"1.0\", \"steps\": [{\"action\": {\"type\": \"runCommand\", \"input\": {}}}]}", "name");
    }

    @Test
    void statusDetailValuesLoseControlCharactersAndKeepTheirEnd() {
        assertThat(StatusDetails.value("line one\nline two\r\n\t")).isEqualTo("line one line two");
        assertThat(StatusDetails.value("\n\n")).isNull();
        assertThat(StatusDetails.value("x".repeat(2000) + "END")).hasSize(1024).endsWith("END");
        assertThat(StatusDetails.value("ok \u0000\u200b done \uD83D\uDE80")).isEqualTo("ok done \uD83D\uDE80");
    }

    private static void assertRefused(String json, String reasonPart) {
        assertThatThrownBy(() -> JobDocuments.parse(json)).isInstanceOf(InvalidJobDocumentException.class).hasMessageContaining(reasonPart);
    }
}
