package dev.fleetjobs.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentParametersTest {

    private static final String DOCUMENT =
            "{\"url\":\"${aws:iot:parameter:url}\",\"path\":\"${aws:iot:parameter:path}\",\"again\":\"${aws:iot:parameter:url}\"}";

    @Test
    void everyPlaceholderIsReplacedByItsValue() {
        String substituted = DocumentParameters.substitute(DOCUMENT, Map.of("url", "https://example.com/fw.bin", "path", "/tmp/fw"));
        assertThat(substituted).isEqualTo("{\"url\":\"https://example.com/fw.bin\",\"path\":\"/tmp/fw\",\"again\":\"https://example.com/fw.bin\"}");
        assertThat(DocumentParameters.placeholders(DOCUMENT)).containsExactly("url", "path");
    }

    @Test
    void quotesAndBackslashesInValuesStayInsideTheJsonString() {
        String substituted = DocumentParameters.substitute("{\"a\":\"${aws:iot:parameter:v}\"}", Map.of("v", "say \"hi\" \\ $1"));
        assertThat(substituted).isEqualTo("{\"a\":\"say \\\"hi\\\" \\\\ $1\"}");
    }

    @Test
    void aMissingValueOrAnUnusedParameterIsRefusedByName() {
        assertThatThrownBy(() -> DocumentParameters.substitute(DOCUMENT, Map.of("url", "u")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("${aws:iot:parameter:path}");
        assertThatThrownBy(() -> DocumentParameters.substitute(DOCUMENT, Map.of("url", "u", "path", "p", "extra", "x")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("documentParameters.extra");
    }

    @Test
    void atMostTenDistinctPlaceholders() {
        StringBuilder document = new StringBuilder("{");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            document.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"${aws:iot:parameter:p").append(i).append("}\"");
            values.put("p" + i, "v");
        }
        document.append('}');
        assertThatThrownBy(() -> DocumentParameters.substitute(document.toString(), values))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 10");
        values.remove("p10");
        String ten = document.toString().replace(",\"k10\":\"${aws:iot:parameter:p10}\"", "");
        assertThat(DocumentParameters.substitute(ten, values)).doesNotContain("${");
    }
}
