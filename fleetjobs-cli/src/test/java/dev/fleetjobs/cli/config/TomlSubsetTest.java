package dev.fleetjobs.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TomlSubsetTest {

    @Test
    void readsTheSubsetTheConfigFileUses() {
        Map<String, Object> values = TomlSubset.parse("""
                # comment
                port = 9_290 # trailing comment
                "quoted-key" = "a \\"b\\" \\u00e9 # not a comment"
                literal = 'C:\\path'
                on = true
                off = false
                ratio = -1.5e3
                list = [ "x",
                  'y', # between
                ]
                empty = []
                """, "f.conf");
        assertThat(values).containsExactly(Map.entry("port", 9290L), Map.entry("quoted-key", "a \"b\" é # not a comment"),
                Map.entry("literal", "C:\\path"), Map.entry("on", true), Map.entry("off", false), Map.entry("ratio", -1500.0),
                Map.entry("list", List.of("x", "y")), Map.entry("empty", List.of()));
    }

    @Test
    void refusesWhatItDoesNotReadWithTheLine() {
        assertThatThrownBy(() -> TomlSubset.parse("a = 1\n[table]\n", "f.conf")).hasMessage("f.conf:2: tables ([...]) are not supported: write every key at the top level");
        assertThatThrownBy(() -> TomlSubset.parse("a = 1\na = 2\n", "f.conf")).hasMessage("f.conf:2: a is set twice");
        assertThatThrownBy(() -> TomlSubset.parse("a = bare\n", "f.conf")).hasMessage("f.conf:1: not a value (strings are written in quotes, numbers and true/false without)");
        assertThatThrownBy(() -> TomlSubset.parse("a = \"open\n", "f.conf")).hasMessage("f.conf:1: unclosed string");
        assertThatThrownBy(() -> TomlSubset.parse("a = 1 2\n", "f.conf")).hasMessageContaining("f.conf:1: expected the end of the line");
        assertThatThrownBy(() -> TomlSubset.parse("a.b = 1\n", "f.conf")).hasMessage("f.conf:1: dotted keys are not supported");
        assertThatThrownBy(() -> TomlSubset.parse("a = [1, 2\n", "f.conf")).hasMessage("f.conf:2: unclosed array");
        assertThatThrownBy(() -> TomlSubset.parse("a = 1979-05-27\n", "f.conf")).hasMessageContaining("not a value");
        assertThatThrownBy(() -> TomlSubset.parse("= 1\n", "f.conf")).hasMessageContaining("expected a key");
        assertThatThrownBy(() -> TomlSubset.parse("a = 99999999999999999999\n", "f.conf")).hasMessageContaining("out of range");
    }

    @Test
    void masksUrlPasswordsAndWholeSecrets() {
        assertThat(Masking.mask("postgresql://u:p@h:5432/d", Secret.Part.URL_PASSWORD)).isEqualTo("postgresql://u:********@h:5432/d");
        assertThat(Masking.mask("postgresql://h/d?user=u&password=p&ssl=true", Secret.Part.URL_PASSWORD))
                .isEqualTo("postgresql://h/d?user=u&password=********&ssl=true");
        assertThat(Masking.mask("mqtt://host:1883", Secret.Part.URL_PASSWORD)).isEqualTo("mqtt://host:1883");
        assertThat(Masking.mask("anything", Secret.Part.WHOLE)).isEqualTo("********");
    }
}
