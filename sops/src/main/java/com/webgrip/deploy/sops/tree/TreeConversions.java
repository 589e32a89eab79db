package com.webgrip.deploy.sops.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between the document tree and plain values: {@code Map<String,Object>} (in
 * document order), {@code List<Object>}, {@code String}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code OffsetDateTime}, {@code byte[]} and {@code null}; and Jackson
 * {@link JsonNode}s. Comments are dropped on the way out; anchors and aliases (keep-anchors mode)
 * are resolved on the way out, merge keys applied (see {@link Anchors}).
 */
public final class TreeConversions {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TreeConversions() {}

    /**
     * The mapping as an unmodifiable map in document order, without comments, its aliases resolved.
     *
     * @throws IllegalArgumentException if an alias cannot be resolved (see {@link Anchors#resolve})
     */
    public static Map<String, Object> toJava(Node.Mapping mapping) {
        return javaMapping(Anchors.resolve(mapping, Anchors.DEFAULT_MAX_NODES));
    }

    private static Map<String, Object> javaMapping(Node.Mapping mapping) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Node.Entry entry : mapping.entries()) {
            result.put(entry.key(), javaValue(entry.value()));
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * One node as a plain value (see the class comment); a comment gives its text.
     *
     * @throws IllegalArgumentException for an alias, which only its document can resolve
     */
    public static Object toJavaValue(Node node) {
        return javaValue(Anchors.resolveValue(node, Anchors.DEFAULT_MAX_NODES));
    }

    private static Object javaValue(Node node) {
        if (node instanceof Node.Str s) {
            return s.value();
        } else if (node instanceof Node.Int i) {
            return i.value();
        } else if (node instanceof Node.Flt f) {
            return f.value();
        } else if (node instanceof Node.Bool b) {
            return b.value();
        } else if (node instanceof Node.Time t) {
            return t.value();
        } else if (node instanceof Node.Bytes b) {
            return b.value();
        } else if (node instanceof Comment c) {
            return c.text();
        } else if (node instanceof Node.Mapping m) {
            return javaMapping(m);
        } else if (node instanceof Node.Sequence s) {
            List<Object> list = new ArrayList<>(s.items().size());
            for (Node item : s.items()) {
                if (!(item instanceof Comment)) {
                    list.add(javaValue(item));
                }
            }
            return Collections.unmodifiableList(list);
        }
        return null;
    }

    /**
     * A plain value as a node: maps (string keys), lists, strings, integral numbers (as int when
     * they fit 64 bits), other numbers (as float), booleans, {@code OffsetDateTime}, {@code byte[]}
     * and null.
     *
     * @throws IllegalArgumentException for another type or a non-string key
     */
    public static Node fromJava(Object value) {
        if (value == null) {
            return Node.Null.INSTANCE;
        }
        if (value instanceof Node node) {
            return node;
        }
        if (value instanceof String s) {
            return new Node.Str(s);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new Node.Int(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? new Node.Int(big.longValue()) : new Node.Flt(big.doubleValue());
        }
        if (value instanceof Number number) {
            return new Node.Flt(number.doubleValue());
        }
        if (value instanceof Boolean b) {
            return new Node.Bool(b);
        }
        if (value instanceof OffsetDateTime time) {
            return new Node.Time(time);
        }
        if (value instanceof byte[] bytes) {
            return new Node.Bytes(bytes);
        }
        if (value instanceof Map<?, ?> map) {
            List<Node.MapItem> items = new ArrayList<>(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("map key of type "
                            + (entry.getKey() == null
                                    ? "null"
                                    : entry.getKey().getClass().getSimpleName())
                            + "; expected a String");
                }
                items.add(new Node.Entry(key, fromJava(entry.getValue())));
            }
            return new Node.Mapping(items);
        }
        if (value instanceof List<?> list) {
            List<Node> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(fromJava(item));
            }
            return new Node.Sequence(items);
        }
        throw new IllegalArgumentException("value of type " + value.getClass().getName()
                + "; expected a Map, List, String, Number, Boolean, OffsetDateTime, byte[] or null");
    }

    /**
     * The mapping as a Jackson object node, in document order, without comments, its aliases
     * resolved.
     *
     * @throws IllegalArgumentException if an alias cannot be resolved (see {@link Anchors#resolve})
     */
    public static ObjectNode toJson(Node.Mapping mapping) {
        return jsonMapping(Anchors.resolve(mapping, Anchors.DEFAULT_MAX_NODES));
    }

    private static ObjectNode jsonMapping(Node.Mapping mapping) {
        ObjectNode object = JSON.objectNode();
        for (Node.Entry entry : mapping.entries()) {
            object.set(entry.key(), jsonValue(entry.value()));
        }
        return object;
    }

    /**
     * One node as a Jackson node; a time becomes its RFC 3339 text, bytes a binary node.
     *
     * @throws IllegalArgumentException for an alias, which only its document can resolve
     */
    public static JsonNode toJsonValue(Node node) {
        return jsonValue(Anchors.resolveValue(node, Anchors.DEFAULT_MAX_NODES));
    }

    private static JsonNode jsonValue(Node node) {
        if (node instanceof Node.Str s) {
            return JSON.textNode(s.value());
        } else if (node instanceof Node.Int i) {
            return JSON.numberNode(i.value());
        } else if (node instanceof Node.Flt f) {
            return JSON.numberNode(f.value());
        } else if (node instanceof Node.Bool b) {
            return JSON.booleanNode(b.value());
        } else if (node instanceof Node.Time t) {
            return JSON.textNode(t.value().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } else if (node instanceof Node.Bytes b) {
            return JSON.binaryNode(b.value());
        } else if (node instanceof Comment c) {
            return JSON.textNode(c.text());
        } else if (node instanceof Node.Mapping m) {
            return jsonMapping(m);
        } else if (node instanceof Node.Sequence s) {
            ArrayNode array = JSON.arrayNode();
            for (Node item : s.items()) {
                if (!(item instanceof Comment)) {
                    array.add(jsonValue(item));
                }
            }
            return array;
        }
        return JSON.nullNode();
    }

    /** A Jackson node as a tree node (integral numbers that fit 64 bits become int). */
    public static Node fromJson(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return Node.Null.INSTANCE;
        }
        if (json.isObject()) {
            List<Node.MapItem> items = new ArrayList<>(json.size());
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                items.add(new Node.Entry(field.getKey(), fromJson(field.getValue())));
            }
            return new Node.Mapping(items);
        }
        if (json.isArray()) {
            List<Node> items = new ArrayList<>(json.size());
            json.forEach(item -> items.add(fromJson(item)));
            return new Node.Sequence(items);
        }
        if (json.isIntegralNumber()) {
            return json.canConvertToLong() ? new Node.Int(json.longValue()) : new Node.Flt(json.doubleValue());
        }
        if (json.isNumber()) {
            BigDecimal decimal = json.decimalValue();
            return new Node.Flt(decimal.doubleValue());
        }
        if (json.isBoolean()) {
            return new Node.Bool(json.booleanValue());
        }
        if (json.isBinary()) {
            return new Node.Bytes(binary(json));
        }
        return new Node.Str(json.asText());
    }

    private static byte[] binary(JsonNode json) {
        try {
            return json.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("binary node could not be read", e);
        }
    }
}
