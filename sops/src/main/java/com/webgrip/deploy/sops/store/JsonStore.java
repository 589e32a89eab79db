package com.webgrip.deploy.sops.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.webgrip.deploy.sops.SopsFormatException;
import com.webgrip.deploy.sops.tree.Comment;
import com.webgrip.deploy.sops.tree.Node;
import com.webgrip.deploy.sops.tree.ScalarFormats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * sops's JSON store: one object, key order kept, integers that fit 64 bits typed int and other
 * numbers float (as sops 3.13.2), written as Go's {@code json.Marshal} plus {@code json.Indent}
 * (tab by default) with a final newline. JSON has no comments; comment items are skipped.
 */
final class JsonStore implements Store {
    private final StoreOptions options;
    private final JsonFactory factory;

    JsonStore(StoreOptions options) {
        this.options = options;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(options.maxDepth())
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, options.maxInputBytes()))
                        .build())
                .build();
    }

    @Override
    public Format format() {
        return Format.JSON;
    }

    @Override
    public MetadataLayout metadataLayout() {
        return MetadataLayout.NESTED;
    }

    @Override
    public List<Node.Mapping> loadPlain(byte[] content, String source) throws SopsFormatException {
        if (content.length > options.maxInputBytes()) {
            throw new SopsFormatException(
                    source + ": the input has " + content.length + " bytes; the limit is " + options.maxInputBytes());
        }
        try (JsonParser parser = factory.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new SopsFormatException(source + ": a JSON document must be an object; found "
                        + (first == null ? "nothing" : first.asString() == null ? first.name() : first.asString())
                        + where(parser.currentLocation()));
            }
            Node.Mapping mapping = object(parser, source);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new SopsFormatException(
                        source + ": unexpected content after the JSON object" + where(parser.currentLocation()));
            }
            return List.of(mapping);
        } catch (JsonProcessingException e) {
            throw new SopsFormatException(
                    // Jackson's own message quotes the offending token, which may be a plaintext value
                    source + ": malformed JSON" + where(e.getLocation()) + "; expected a JSON value there");
        } catch (IOException e) {
            throw new SopsFormatException(source + ": could not read JSON: " + e.getMessage(), e);
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private Node.Mapping object(JsonParser parser, String source) throws IOException {
        List<Node.MapItem> items = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            items.add(new Node.Entry(key, value(parser, source)));
        }
        return new Node.Mapping(items);
    }

    private Node value(JsonParser parser, String source) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return object(parser, source);
            case START_ARRAY:
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser, source));
                }
                return new Node.Sequence(items);
            case VALUE_STRING:
                return new Node.Str(parser.getText());
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return new Node.Flt(parser.getBigIntegerValue().doubleValue());
                }
                return new Node.Int(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return new Node.Flt(parser.getDoubleValue());
            case VALUE_TRUE:
                return new Node.Bool(true);
            case VALUE_FALSE:
                return new Node.Bool(false);
            case VALUE_NULL:
                return Node.Null.INSTANCE;
            default:
                throw new SopsFormatException(
                        source + ": unexpected JSON token " + token + where(parser.currentLocation()));
        }
    }

    @Override
    public byte[] emitPlain(List<Node.Mapping> plain) throws SopsFormatException {
        List<Node.Mapping> documents = Stores.resolved(plain, options);
        if (documents.size() != 1) {
            throw new SopsFormatException("JSON holds exactly one document; found " + documents.size());
        }
        return emitValue(documents.get(0));
    }

    @Override
    public byte[] emitValue(Node plain) throws SopsFormatException {
        Node value = Stores.resolved(plain, options);
        StringBuilder out = new StringBuilder(1024);
        write(out, value, 1);
        out.append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void newline(StringBuilder out, int depth) {
        out.append('\n');
        String unit = options.jsonIndent() == 0 ? "\t" : " ".repeat(options.jsonIndent());
        for (int i = 0; i < depth; i++) {
            out.append(unit);
        }
    }

    private void write(StringBuilder out, Node value, int depth) throws SopsFormatException {
        if (value instanceof Node.Mapping m) {
            List<Node.Entry> entries = m.entries();
            if (entries.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            for (int i = 0; i < entries.size(); i++) {
                newline(out, depth);
                string(out, entries.get(i).key());
                out.append(": ");
                write(out, entries.get(i).value(), depth + 1);
                if (i < entries.size() - 1) {
                    out.append(',');
                }
            }
            newline(out, depth - 1);
            out.append('}');
        } else if (value instanceof Node.Sequence s) {
            List<Node> items = new ArrayList<>();
            for (Node item : s.items()) {
                if (!(item instanceof Comment)) {
                    items.add(item);
                }
            }
            if (items.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                newline(out, depth);
                write(out, items.get(i), depth + 1);
                if (i < items.size() - 1) {
                    out.append(',');
                }
            }
            newline(out, depth - 1);
            out.append(']');
        } else {
            scalar(out, value);
        }
    }

    static void scalar(StringBuilder out, Node value) throws SopsFormatException {
        if (value instanceof Node.Str s) {
            string(out, s.value());
        } else if (value instanceof Node.Int i) {
            out.append(i.value());
        } else if (value instanceof Node.Flt f) {
            if (Double.isNaN(f.value()) || Double.isInfinite(f.value())) {
                throw new SopsFormatException("JSON cannot hold the float value " + f.value());
            }
            out.append(ScalarFormats.jsonFloat(f.value()));
        } else if (value instanceof Node.Bool b) {
            out.append(b.value());
        } else if (value instanceof Node.Time t) {
            string(out, t.value().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } else if (value instanceof Node.Bytes b) {
            string(out, Base64.getEncoder().encodeToString(b.value()));
        } else if (value instanceof Comment c) {
            string(out, c.text());
        } else {
            out.append("null");
        }
    }

    /** Go's {@code json.Marshal} of a string (HTML-safe escaping, as sops uses it). */
    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
