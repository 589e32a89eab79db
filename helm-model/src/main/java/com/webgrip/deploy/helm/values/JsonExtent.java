package com.webgrip.deploy.helm.values;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webgrip.deploy.helm.internal.GoYaml;
import com.webgrip.deploy.helm.internal.Trees;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes the first JSON value in a text as Go's {@code json.Decoder} does for {@code --set-json}: it stops after one
 * value (after the closing bracket of an object or array, the closing quote of a string, or the last character of a
 * number or literal), and numbers become float64.
 */
final class JsonExtent {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonExtent() {}

    /** One decoded value and the index just past it. */
    record Decoded(Object value, int end) {}

    /**
     * Decodes the value at {@code start} (after JSON white space); empty when there is no complete, valid value.
     */
    static Optional<Decoded> decode(int[] text, int start) {
        int from = start;
        while (from < text.length && isJsonSpace(text[from])) {
            from++;
        }
        int end = end(text, from);
        if (end < 0) {
            return Optional.empty();
        }
        try {
            Object value = JSON.readValue(new String(text, from, end - from), Object.class);
            return Optional.of(new Decoded(normalize(value), end));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static boolean isJsonSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Go decodes JSON numbers into float64. */
    private static Object normalize(Object value) {
        if (value instanceof Number number) {
            return GoYaml.float64(number.doubleValue());
        } else if (value instanceof Map) {
            Map<String, Object> map = Trees.table(value);
            map.replaceAll((k, v) -> normalize(v));
            return map;
        } else if (value instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) value;
            list.replaceAll(JsonExtent::normalize);
            return list;
        }
        return value;
    }

    /** Returns the index just past the value starting at {@code start}, or -1 if there is none. */
    static int end(int[] text, int start) {
        if (start >= text.length) {
            return -1;
        }
        int c = text[start];
        if (c == '{' || c == '[') {
            return endOfContainer(text, start);
        } else if (c == '"') {
            return endOfString(text, start);
        } else if (c == 't' || c == 'n') {
            return start + 4 <= text.length ? start + 4 : -1;
        } else if (c == 'f') {
            return start + 5 <= text.length ? start + 5 : -1;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            int i = start + 1;
            while (i < text.length && isNumberChar(text[i])) {
                i++;
            }
            return i;
        }
        return -1;
    }

    private static boolean isNumberChar(int c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    }

    private static int endOfString(int[] text, int start) {
        for (int i = start + 1; i < text.length; i++) {
            if (text[i] == '\\') {
                i++;
            } else if (text[i] == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int endOfContainer(int[] text, int start) {
        int depth = 0;
        for (int i = start; i < text.length; i++) {
            int c = text[i];
            if (c == '"') {
                int end = endOfString(text, i);
                if (end < 0) {
                    return -1;
                }
                i = end - 1;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }
}
