package com.webgrip.deploy.helm.values;

import com.webgrip.deploy.helm.internal.GoYaml;
import com.webgrip.deploy.helm.internal.Trees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helm 3.21's {@code pkg/strvals} parsers for {@code --set}, {@code --set-string}, {@code --set-json},
 * {@code --set-file} and {@code --set-literal}: keys with dots ({@code a.b=c}), escaped characters ({@code a\.b=c}),
 * list indexes ({@code a[0].b=c}), {@code {a,b}} lists, commas between assignments, and the typing of {@code --set}
 * (true/false/null, int64 when it does not start with 0, otherwise a string). {@code --set-file} reads each value as
 * a file path; {@code --set-literal} ({@code literal_parser.go}) has no escapes, no lists of values and no commas
 * between assignments: everything after the first {@code =} is one string.
 */
final class SetParser {
    enum Mode {
        TYPED("--set"),
        STRING("--set-string"),
        JSON("--set-json"),
        FILE("--set-file"),
        LITERAL("--set-literal");

        final String flag;

        Mode(String flag) {
            this.flag = flag;
        }
    }

    /** Helm's {@code RunesValueReader} for {@code --set-file}: turns the text after {@code =} into the value. */
    @FunctionalInterface
    interface ValueReader {
        /** Returns the value for one raw value text. */
        Object read(String raw);
    }

    static final int MAX_INDEX = 65536;
    static final int MAX_NESTED_NAME_LEVEL = 30;
    private static final int EOF = -1;

    private final int[] text;
    private final Mode mode;
    private final ValueReader reader;
    private int pos;

    private SetParser(String expression, Mode mode, ValueReader reader) {
        this.text = expression.codePoints().toArray();
        this.mode = mode;
        this.reader = reader;
    }

    /** {@code ParseInto} and its siblings: merges the assignments into {@code dest}. */
    static void parseInto(String expression, Map<String, Object> dest, Mode mode) {
        if (mode == Mode.FILE) {
            throw new IllegalArgumentException("--set-file needs a reader");
        }
        parseInto(expression, dest, mode, null);
    }

    /** {@code ParseIntoFile}: as {@link #parseInto(String, Map, Mode)} with the reader of {@code --set-file}. */
    static void parseInto(String expression, Map<String, Object> dest, Mode mode, ValueReader reader) {
        SetParser parser = new SetParser(expression, mode, reader);
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

    /** {@code runesUntil}, or {@code runesUntilLiteral} (no escapes) for {@code --set-literal}. */
    private Run runesUntil(String stop) {
        StringBuilder v = new StringBuilder();
        while (true) {
            int r = read();
            if (r == EOF) {
                return new Run(v.toString(), EOF);
            } else if (stop.indexOf(r) >= 0) {
                return new Run(v.toString(), r);
            } else if (r == '\\' && mode != Mode.LITERAL) {
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

    /** The rest of the expression: a {@code --set-literal} value. */
    private String rest() {
        String value = new String(text, pos, text.length - pos);
        pos = text.length;
        return value;
    }

    private InvalidSetExpressionException error(String problem) {
        return new InvalidSetExpressionException(mode.flag, problem);
    }

    /**
     * Parses one assignment into {@code data}. Returns true where Go's parser returns {@code io.EOF}; the Go code's
     * distinction between EOF and success decides a few edge cases ({@code --set a[0]} leaves an empty list).
     */
    private boolean key(Map<String, Object> data, int level) {
        Run k = runesUntil(mode == Mode.LITERAL ? "=[." : "=[,.");
        return switch (k.last) {
            case EOF -> {
                if (k.text.isEmpty()) {
                    yield true;
                }
                throw error("key \"" + k.text + "\" has no value");
            }
            case '[' -> {
                int index = keyIndex();
                List<Object> list = new ArrayList<>();
                if (data.containsKey(k.text)) {
                    list = asList(data.get(k.text), k.text);
                }
                ListResult result = listItem(list, index, level);
                set(data, k.text, result.list);
                yield result.eof;
            }
            case '=' -> assign(data, k.text);
            case ',' -> {
                set(data, k.text, "");
                throw error("key \"" + k.text + "\" has no value (cannot end with ,)");
            }
            default -> nestedKey(data, k.text, level); // '.'
        };
    }

    private boolean nestedKey(Map<String, Object> data, String key, int level) {
        int nested = level + 1;
        if (nested > MAX_NESTED_NAME_LEVEL) {
            throw error("value name nested level is greater than maximum supported nested level of "
                    + MAX_NESTED_NAME_LEVEL);
        }
        Map<String, Object> inner = new LinkedHashMap<>();
        if (data.containsKey(key)) {
            inner = asMap(data.get(key), key);
        }
        boolean eof = key(inner, nested);
        if (!eof && inner.isEmpty()) {
            throw error("key map \"" + key + "\" has no value");
        }
        if (!inner.isEmpty()) {
            set(data, key, inner);
        }
        return eof;
    }

    private boolean assign(Map<String, Object> data, String key) {
        if (mode == Mode.LITERAL) {
            set(data, key, rest());
            return false;
        }
        if (mode == Mode.JSON) {
            set(data, key, jsonValue(key));
            return false;
        }
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
        set(data, key, value(runesUntil(",").text));
        return false;
    }

    /** A {@code --set-json} value: null when empty, else one JSON value, then spaces up to a comma. */
    private Object jsonValue(String key) {
        if (emptyValue()) {
            return null;
        }
        Optional<JsonExtent.Decoded> decoded = JsonExtent.decode(text, pos);
        if (decoded.isEmpty()) {
            throw error("the JSON value for key \"" + key + "\" is not valid JSON");
        }
        pos = decoded.get().end();
        emptyValue();
        return decoded.get().value();
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
                list.add(value(item.text));
                return list;
            }
            list.add(value(item.text));
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
        return switch (k.last) {
            case EOF -> new ListResult(list, true);
            case '=' -> new ListResult(setIndex(list, i, indexValue(i)), false);
            case '[' -> {
                int next = keyIndex();
                List<Object> current = new ArrayList<>();
                if (list.size() > i && list.get(i) != null) {
                    current = asList(list.get(i), "[" + i + "]");
                }
                ListResult nested = listItem(current, next, level);
                yield nested.eof ? new ListResult(list, true) : new ListResult(setIndex(list, i, nested.list), false);
            }
            default -> { // '.'
                Map<String, Object> inner = new LinkedHashMap<>();
                if (list.size() > i) {
                    if (Trees.isTable(list.get(i))) {
                        inner = Trees.table(list.get(i));
                    } else {
                        // Indexes out of order: Helm replaces what was there with an empty map.
                        list.set(i, inner);
                    }
                }
                yield key(inner, level) ? new ListResult(list, true) : new ListResult(setIndex(list, i, inner), false);
            }
        };
    }

    private Object indexValue(int i) {
        if (mode == Mode.LITERAL) {
            return rest();
        }
        if (mode == Mode.JSON) {
            return jsonValue("[" + i + "]");
        }
        int first = read();
        if (first == EOF) {
            return "";
        }
        if (first == '{') {
            return valueList();
        }
        unread();
        return value(runesUntil(",").text);
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

    /** The reader of the mode: {@code typedVal} for --set and --set-string, the file reader for --set-file. */
    private Object value(String raw) {
        return mode == Mode.FILE ? reader.read(raw) : typed(raw);
    }

    private Object typed(String value) {
        if (mode == Mode.STRING) {
            return value;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        } else if (value.equalsIgnoreCase("false")) {
            return false;
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
