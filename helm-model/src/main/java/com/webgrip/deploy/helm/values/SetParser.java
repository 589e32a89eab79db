package com.webgrip.deploy.helm.values;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webgrip.deploy.helm.internal.GoYaml;
import com.webgrip.deploy.helm.internal.Trees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm 3.21's {@code pkg/strvals} parser for {@code --set}, {@code --set-string} and {@code --set-json}: keys with
 * dots ({@code a.b=c}), escaped characters ({@code a\.b=c}), list indexes ({@code a[0].b=c}), {@code {a,b}}
 * lists, commas between assignments, and the typing of {@code --set} (true/false/null, int64 when it does not
 * start with 0, otherwise a string).
 */
final class SetParser {
    enum Mode {
        TYPED("--set"),
        STRING("--set-string"),
        JSON("--set-json");

        final String flag;

        Mode(String flag) {
            this.flag = flag;
        }
    }

    static final int MAX_INDEX = 65536;
    static final int MAX_NESTED_NAME_LEVEL = 30;
    private static final int EOF = -1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int[] text;
    private final Mode mode;
    private int pos;

    private SetParser(String expression, Mode mode) {
        this.text = expression.codePoints().toArray();
        this.mode = mode;
    }

    /** {@code ParseInto} / {@code ParseIntoString} / {@code ParseJSON}: merges the assignments into {@code dest}. */
    static void parseInto(String expression, Map<String, Object> dest, Mode mode) {
        SetParser parser = new SetParser(expression, mode);
        while (!parser.key(dest, 0)) {
            // one assignment per round, until the parser meets the end of the expression
        }
    }

    private record Run(String text, int last) {}

    private int read() {
        return pos < text.length ? text[pos++] : EOF;
    }

    private void unread() {
        pos--;
    }

    private Run runesUntil(String stop) {
        StringBuilder v = new StringBuilder();
        while (true) {
            int r = read();
            if (r == EOF) {
                return new Run(v.toString(), EOF);
            } else if (stop.indexOf(r) >= 0) {
                return new Run(v.toString(), r);
            } else if (r == '\\') {
                int next = read();
                if (next == EOF) {
                    return new Run(v.toString(), EOF);
                }
                v.appendCodePoint(next);
            } else {
                v.appendCodePoint(r);
            }
        }
    }

    private InvalidSetExpressionException error(String problem) {
        return new InvalidSetExpressionException(mode.flag, problem);
    }

    /**
     * Parses one assignment into {@code data}. Returns true where Go's parser returns {@code io.EOF}; the Go code's
     * distinction between EOF and success decides a few edge cases ({@code --set a[0]} leaves an empty list).
     */
    private boolean key(Map<String, Object> data, int level) {
        Run k = runesUntil("=[,.");
        switch (k.last) {
            case EOF:
                if (k.text.isEmpty()) {
                    return true;
                }
                throw error("key \"" + k.text + "\" has no value");
            case '[':
                int index = keyIndex();
                List<Object> list = new ArrayList<>();
                if (data.containsKey(k.text)) {
                    list = asList(data.get(k.text), k.text);
                }
                ListResult result = listItem(list, index, level);
                set(data, k.text, result.list);
                return result.eof;
            case '=':
                return mode == Mode.JSON ? assignJson(data, k.text) : assign(data, k.text);
            case ',':
                set(data, k.text, "");
                throw error("key \"" + k.text + "\" has no value (cannot end with ,)");
            default: // '.'
                int nested = level + 1;
                if (nested > MAX_NESTED_NAME_LEVEL) {
                    throw error("value name nested level is greater than maximum supported nested level of "
                            + MAX_NESTED_NAME_LEVEL);
                }
                Map<String, Object> inner = new LinkedHashMap<>();
                if (data.containsKey(k.text)) {
                    inner = asMap(data.get(k.text), k.text);
                }
                boolean eof = key(inner, nested);
                if (!eof && inner.isEmpty()) {
                    throw error("key map \"" + k.text + "\" has no value");
                }
                if (!inner.isEmpty()) {
                    set(data, k.text, inner);
                }
                return eof;
        }
    }

    private boolean assign(Map<String, Object> data, String key) {
        int first = read();
        if (first == EOF) {
            set(data, key, "");
            return true;
        }
        if (first == '{') {
            set(data, key, valueList());
            return false;
        }
        unread();
        set(data, key, typed(runesUntil(",").text));
        return false;
    }

    private boolean assignJson(Map<String, Object> data, String key) {
        if (emptyValue()) {
            set(data, key, null);
            return false;
        }
        set(data, key, decodeJson(key));
        emptyValue();
        return false;
    }

    private List<Object> valueList() {
        List<Object> list = new ArrayList<>();
        while (true) {
            Run item = runesUntil(",}");
            if (item.last == EOF) {
                throw error("list must terminate with '}'");
            } else if (item.last == '}') {
                int after = read();
                if (after != EOF && after != ',') {
                    unread();
                }
                list.add(typed(item.text));
                return list;
            }
            list.add(typed(item.text));
        }
    }

    private record ListResult(List<Object> list, boolean eof) {}

    private int keyIndex() {
        Run index = runesUntil("]");
        if (index.last == EOF) {
            throw error("error parsing index: unexpected end of expression");
        }
        String digits = index.text;
        if (!digits.matches("[+-]?[0-9]+")) {
            throw error("error parsing index: \"" + digits + "\" is not an integer");
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw error("error parsing index: \"" + digits + "\" is out of range");
        }
    }

    private ListResult listItem(List<Object> list, int i, int level) {
        if (i < 0) {
            throw error("negative " + i + " index not allowed");
        }
        Run k = runesUntil("[.=");
        if (!k.text.isEmpty()) {
            throw error("unexpected data at end of array index: \"" + k.text + "\"");
        }
        switch (k.last) {
            case EOF:
                return new ListResult(list, true);
            case '=':
                return new ListResult(setIndex(list, i, indexValue(i)), false);
            case '[':
                int next = keyIndex();
                List<Object> current = new ArrayList<>();
                if (list.size() > i && list.get(i) != null) {
                    current = asList(list.get(i), "[" + i + "]");
                }
                ListResult nested = listItem(current, next, level);
                if (nested.eof) {
                    return new ListResult(list, true);
                }
                return new ListResult(setIndex(list, i, nested.list), false);
            default: // '.'
                Map<String, Object> inner = new LinkedHashMap<>();
                if (list.size() > i) {
                    if (Trees.isTable(list.get(i))) {
                        inner = Trees.table(list.get(i));
                    } else {
                        // Indexes out of order: Helm replaces what was there with an empty map.
                        list.set(i, inner);
                    }
                }
                if (key(inner, level)) {
                    return new ListResult(list, true);
                }
                return new ListResult(setIndex(list, i, inner), false);
        }
    }

    private Object indexValue(int i) {
        if (mode == Mode.JSON) {
            if (emptyValue()) {
                return null;
            }
            Object value = decodeJson("[" + i + "]");
            emptyValue();
            return value;
        }
        int first = read();
        if (first == EOF) {
            return "";
        }
        if (first == '{') {
            return valueList();
        }
        unread();
        return typed(runesUntil(",").text);
    }

    private List<Object> setIndex(List<Object> list, int index, Object value) {
        if (index < 0) {
            throw error("negative " + index + " index not allowed");
        }
        if (index > MAX_INDEX) {
            throw error("index of " + index + " is greater than maximum supported index of " + MAX_INDEX);
        }
        while (list.size() <= index) {
            list.add(null);
        }
        list.set(index, value);
        return list;
    }

    /** Consumes spaces up to a comma or the end (true), or stops before anything else (false). */
    private boolean emptyValue() {
        while (true) {
            int r = read();
            if (r == EOF || r == ',') {
                return true;
            }
            if (!isGoSpace(r)) {
                unread();
                return false;
            }
        }
    }

    private static boolean isGoSpace(int r) {
        return r == '\t'
                || r == '\n'
                || r == 0x0B
                || r == '\f'
                || r == '\r'
                || r == ' '
                || r == 0x85
                || r == 0xA0
                || Character.isSpaceChar(r);
    }

    /** Decodes one JSON value at the current position, as Go's json.Decoder does, and moves past it. */
    private Object decodeJson(String key) {
        int start = pos;
        while (start < text.length && isJsonSpace(text[start])) {
            start++;
        }
        int end = JsonExtent.end(text, start);
        if (end < 0) {
            throw error("the JSON value for key \"" + key + "\" is incomplete or invalid");
        }
        String json = new String(text, start, end - start);
        try {
            Object value = JSON.readValue(json, Object.class);
            pos = end;
            return normalizeJson(value);
        } catch (JsonProcessingException e) {
            throw error("the JSON value for key \"" + key + "\" is not valid JSON");
        }
    }

    private static boolean isJsonSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Go decodes JSON numbers into float64. */
    private static Object normalizeJson(Object value) {
        if (value instanceof Number) {
            return GoYaml.float64(((Number) value).doubleValue());
        } else if (value instanceof Map) {
            Map<String, Object> map = Trees.table(value);
            map.replaceAll((k, v) -> normalizeJson(v));
            return map;
        } else if (value instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) value;
            list.replaceAll(SetParser::normalizeJson);
            return list;
        }
        return value;
    }

    private Object typed(String value) {
        if (mode == Mode.STRING) {
            return value;
        }
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        } else if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        } else if (value.equalsIgnoreCase("null")) {
            return null;
        } else if (value.equals("0")) {
            return 0L;
        }
        if (!value.isEmpty() && value.charAt(0) != '0' && value.matches("[+-]?[0-9]+")) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    private static void set(Map<String, Object> data, String key, Object value) {
        if (!key.isEmpty()) {
            data.put(key, value);
        }
    }

    private List<Object> asList(Object value, String key) {
        if (value instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) value;
            return list;
        }
        throw error("key \"" + key + "\" is indexed as a list but holds " + GoYaml.kind(value));
    }

    private Map<String, Object> asMap(Object value, String key) {
        if (Trees.isTable(value)) {
            return Trees.table(value);
        }
        throw error("key \"" + key + "\" has nested keys but holds " + GoYaml.kind(value));
    }
}
