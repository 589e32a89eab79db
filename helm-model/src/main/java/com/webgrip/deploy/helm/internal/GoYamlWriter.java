package com.webgrip.deploy.helm.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a value tree as block YAML that Helm reads back to the same tree: keys sorted (as Helm's {@code toYaml}),
 * and every key or string that go-yaml v2 would read as something else ({@code yes}, {@code 0x1F}, {@code 1e3},
 * {@code ~}, an empty string, a leading indicator character) double-quoted. Not API.
 */
public final class GoYamlWriter {
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private GoYamlWriter() {}

    /** Returns the document for a mapping. */
    public static String write(Map<String, Object> tree) {
        if (tree.isEmpty()) {
            return "{}\n";
        }
        StringBuilder out = new StringBuilder();
        writeMap(out, tree, 0);
        return out.toString();
    }

    private static void writeMap(StringBuilder out, Map<String, Object> map, int indent) {
        for (Map.Entry<String, Object> e : new TreeMap<>(map).entrySet()) {
            out.append(" ".repeat(indent)).append(scalarText(e.getKey())).append(':');
            writeValue(out, e.getValue(), indent);
        }
    }

    private static void writeValue(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append('\n');
            writeMap(out, Trees.table(value), indent + 2);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append('\n');
            for (Object item : list) {
                out.append(" ".repeat(indent)).append('-');
                writeValue(out, item, indent + 2);
            }
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Map) {
            return "{}";
        } else if (value instanceof List) {
            return "[]";
        } else if (value instanceof String s) {
            return scalarText(s);
        }
        return value.toString();
    }

    /** Plain when go-yaml reads the plain text back as this same string; double-quoted otherwise. */
    static String scalarText(String s) {
        return needsQuotes(s) ? quote(s) : s;
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty() || s.equals("<<") || !s.equals(GoYaml.resolvePlain(s))) {
            return true;
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        if (INDICATORS.indexOf(first) >= 0 || Character.isWhitespace(first) || Character.isWhitespace(last)) {
            return true;
        }
        if (s.contains(": ")
                || s.contains(" #")
                || s.endsWith(":")
                || s.contains("\n")
                || s.contains("\r")
                || s.contains("\t")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isPrintable(c) || c == 0x85 || c == '\uFEFF' || isLineSeparator(c) || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** U+2028 and U+2029, which YAML 1.1 readers (libyaml, go-yaml, SnakeYAML) take as line breaks. */
    private static boolean isLineSeparator(char c) {
        return c == '\u2028' || c == '\u2029';
    }

    /** YAML's printable set, for one UTF-16 unit (surrogates are printable when they pair up). */
    private static boolean isPrintable(char c) {
        return c == '\t'
                || c == '\n'
                || c == '\r'
                || (c >= 0x20 && c <= 0x7E)
                || c == 0x85
                || (c >= 0xA0 && c <= 0xFFFD);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                // line breaks to YAML readers (libyaml, SnakeYAML): raw, they would split the scalar
                case '\u2028' -> out.append("\\L");
                case '\u2029' -> out.append("\\P");
                default -> {
                    if (!isPrintable(c) || c == 0x85 || c == '\uFEFF') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
