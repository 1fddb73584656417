package dev.fleetjobs.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the part of TOML a Fleetjobs config file uses: top-level {@code key = value} lines, {@code #}
 * comments, basic ("...") and literal ('...') strings, integers, floats, booleans and arrays of those
 * (which may span lines). Tables, dates and multi-line strings are refused with the line they are on.
 * Values come back as String, Long, Double, Boolean or List.
 */
final class TomlSubset {

    private final String text;
    private final String source;
    private int pos;
    private int line = 1;

    private TomlSubset(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /** @param source how errors name the text (the file's path) */
    static Map<String, Object> parse(String text, String source) {
        return new TomlSubset(text, source).document();
    }

    private Map<String, Object> document() {
        Map<String, Object> values = new LinkedHashMap<>();
        while (true) {
            skipBlankLines();
            if (atEnd()) {
                return values;
            }
            if (peek() == '[') {
                throw error("tables ([...]) are not supported: write every key at the top level");
            }
            int keyLine = line;
            String key = key();
            skipSpaces();
            expect('=');
            skipSpaces();
            Object value = value();
            endOfLine();
            if (values.putIfAbsent(key, value) != null) {
                throw new ConfigException(source + ":" + keyLine + ": " + key + " is set twice");
            }
        }
    }

    private String key() {
        if (peek() == '"') {
            return basicString();
        }
        int start = pos;
        while (!atEnd() && isBareKeyChar(peek())) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a key (letters, digits, - and _), found '" + peek() + "'");
        }
        if (!atEnd() && peek() == '.') {
            throw error("dotted keys are not supported");
        }
        return text.substring(start, pos);
    }

    private Object value() {
        if (atEnd()) {
            throw error("expected a value");
        }
        char c = peek();
        if (c == '"') {
            if (text.startsWith("\"\"\"", pos)) {
                throw error("multi-line strings are not supported");
            }
            return basicString();
        }
        if (c == '\'') {
            if (text.startsWith("'''", pos)) {
                throw error("multi-line strings are not supported");
            }
            return literalString();
        }
        if (c == '[') {
            return array();
        }
        if (c == '{') {
            throw error("inline tables are not supported");
        }
        return bareValue();
    }

    private List<Object> array() {
        expect('[');
        List<Object> items = new ArrayList<>();
        while (true) {
            skipBlankLines();
            if (!atEnd() && peek() == ']') {
                pos++;
                return items;
            }
            items.add(value());
            skipBlankLines();
            if (atEnd()) {
                throw error("unclosed array");
            }
            if (peek() == ',') {
                pos++;
            } else if (peek() != ']') {
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private Object bareValue() {
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || "+-._:".indexOf(peek()) >= 0)) {
            pos++;
        }
        String token = text.substring(start, pos);
        if (token.equals("true") || token.equals("false")) {
            return Boolean.valueOf(token);
        }
        if (token.matches("[+-]?(0|[1-9](_?[0-9])*)")) {
            try {
                return Long.valueOf(token.replace("_", ""));
            } catch (NumberFormatException e) {
                throw error("integer out of range");
            }
        }
        if (token.matches("[+-]?(0|[1-9](_?[0-9])*)(\\.[0-9](_?[0-9])*)?([eE][+-]?[0-9]+)?")) {
            return Double.valueOf(token.replace("_", ""));
        }
        if (token.isEmpty()) {
            throw error("expected a value, found '" + peek() + "'");
        }
        // the token is not repeated: it may be a password written without quotes
        throw error("not a value (strings are written in quotes, numbers and true/false without)");
    }

    private String basicString() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (atEnd() || peek() == '\n') {
                throw error("unclosed string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (atEnd()) {
                throw error("unclosed string");
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> out.appendCodePoint(hex(4));
                case 'U' -> out.appendCodePoint(hex(8));
                default -> throw error("unknown escape \\" + escaped);
            }
        }
    }

    private int hex(int digits) {
        if (pos + digits > text.length()) {
            throw error("short unicode escape");
        }
        try {
            int codePoint = Integer.parseInt(text.substring(pos, pos + digits), 16);
            pos += digits;
            return codePoint;
        } catch (NumberFormatException e) {
            throw error("bad unicode escape");
        }
    }

    private String literalString() {
        expect('\'');
        int start = pos;
        while (!atEnd() && peek() != '\'' && peek() != '\n') {
            pos++;
        }
        if (atEnd() || peek() != '\'') {
            throw error("unclosed string");
        }
        return text.substring(start, pos++);
    }

    private void endOfLine() {
        skipSpaces();
        if (atEnd()) {
            return;
        }
        if (peek() == '#') {
            skipComment();
        }
        if (atEnd()) {
            return;
        }
        if (peek() == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
            pos++;
        }
        if (peek() != '\n') {
            throw error("expected the end of the line after the value, found '" + peek() + "'");
        }
        pos++;
        line++;
    }

    /** Spaces, tabs, comments and line ends. */
    private void skipBlankLines() {
        while (!atEnd()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n') {
                pos++;
                line++;
            } else if (c == '#') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        while (!atEnd() && peek() != '\n') {
            pos++;
        }
    }

    private void skipSpaces() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private void expect(char c) {
        if (atEnd() || peek() != c) {
            throw error("expected '" + c + "'" + (atEnd() ? " before the end of the file" : ", found '" + peek() + "'"));
        }
        pos++;
    }

    private static boolean isBareKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private ConfigException error(String message) {
        return new ConfigException(source + ":" + line + ": " + message);
    }
}
