package com.webgrip.deploy.helm.values;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.webgrip.deploy.helm.HelmInputException;
import com.webgrip.deploy.helm.internal.Coalescing;
import com.webgrip.deploy.helm.internal.GoYaml;
import com.webgrip.deploy.helm.internal.GoYamlWriter;
import com.webgrip.deploy.helm.internal.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable tree of Helm values: a mapping from string keys to {@code null}, {@link String}, {@link Boolean},
 * {@link Long}, {@link Double}, lists of values and nested mappings.
 *
 * <p>Numbers read from YAML are what Helm holds after reading them: a float64, shown as a {@link Long} when it is
 * integral (so {@code 9007199254740993} in a file becomes {@code 9007199254740992}, as in Helm). Numbers from
 * {@code --set} are int64 and stay exact.
 *
 * <p>{@link #toString()} shows the number of top-level keys only: values may hold decrypted secrets.
 */
public final class Values {
    private static final Values EMPTY = new Values(Collections.emptyMap());
    // Non-ASCII and DEL escaped: the output stays readable by YAML readers too (Helm reads JSON values as YAML),
    // which refuse raw DEL, C1 controls and non-characters.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    static {
        JSON.getFactory().setCharacterEscapes(new YamlSafeJsonEscapes());
    }

    private final Map<String, Object> tree;

    private Values(Map<String, Object> frozenTree) {
        this.tree = frozenTree;
    }

    /** Returns the empty tree. */
    public static Values empty() {
        return EMPTY;
    }

    /**
     * Copies a tree of Java values. Accepted leaves: null, String, Boolean, Integer, Long, Short, Byte, BigInteger
     * within int64, Float, Double and BigDecimal (both become Double); lists and maps with string keys nest.
     *
     * @throws IllegalArgumentException naming the key path of a value of another type
     */
    public static Values of(Map<String, ?> tree) {
        Objects.requireNonNull(tree, "tree required");
        return new Values(freezeMap(tree, ""));
    }

    /**
     * Reads a values document the way Helm reads values.yaml and {@code -f} files (go-yaml v2 types, then JSON).
     * An empty document is an empty tree.
     *
     * @param source a name for error messages (a file name)
     * @throws HelmInputException if the text is not YAML or its top is not a mapping
     */
    public static Values parse(String yaml, String source) throws HelmInputException {
        return new Values(freezeMap(GoYaml.readMap(yaml, source), ""));
    }

    /** Reads a values file as Helm does (see {@link #parse}). */
    public static Values read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Returns the tree as unmodifiable nested maps and lists. */
    public Map<String, Object> asMap() {
        return tree;
    }

    /** Returns a deep, mutable copy of the tree. */
    public Map<String, Object> toMutableMap() {
        return Trees.deepCopy(tree);
    }

    /** Returns whether the tree has no keys. */
    public boolean isEmpty() {
        return tree.isEmpty();
    }

    /**
     * Returns the value at a path of keys; empty when a key is missing, a step is not a mapping, or the value is
     * null ({@link #contains} tells the last two apart).
     */
    public Optional<Object> get(String... path) {
        Object current = tree;
        for (String key : path) {
            if (!(current instanceof Map)) {
                return Optional.empty();
            }
            current = ((Map<?, ?>) current).get(key);
        }
        return Optional.ofNullable(current);
    }

    /** Returns whether the path of keys exists (its value may be null). */
    public boolean contains(String... path) {
        Object current = tree;
        for (String key : path) {
            if (!(current instanceof Map) || !((Map<?, ?>) current).containsKey(key)) {
                return false;
            }
            current = ((Map<?, ?>) current).get(key);
        }
        return true;
    }

    /** Returns the sub-tree at a path, or empty if the path does not lead to a mapping. */
    public Optional<Values> table(String... path) {
        return get(path).filter(Map.class::isInstance).map(m -> new Values(asStringMap(m)));
    }

    /**
     * Helm's {@code CoalesceTables(this, defaults)}: this tree wins; maps merge deeply; lists and scalars replace;
     * a null here removes the key from {@code defaults}.
     */
    public Values coalesceOver(Values defaults) {
        Map<String, Object> dst = toMutableMap();
        return new Values(freezeMap(Coalescing.coalesceTables(dst, defaults.toMutableMap()), ""));
    }

    /** Serializes as JSON with sorted keys, as Helm's {@code toJson} does. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serializes as a block YAML document with sorted keys that Helm reads back to this same tree: keys and strings
     * that go-yaml would read as another type ({@code yes}, {@code 0x1F}, {@code 1e3}, {@code ~}) are quoted.
     */
    public String toYaml() {
        return GoYamlWriter.write(tree);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Values other && tree.equals(other.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    /** Shows the number of top-level keys only (values may be secrets). */
    @Override
    public String toString() {
        return "Values[" + tree.size() + " top-level keys]";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringMap(Object map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> freezeMap(Map<?, ?> map, String path) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw new IllegalArgumentException("values at '" + path + "': keys must be strings");
            }
            String key = (String) e.getKey();
            copy.put(key, freeze(e.getValue(), path.isEmpty() ? key : path + "." + key));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object freeze(Object value, String path) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException("values at '" + path + "': NaN and infinities cannot be values");
            }
            return number;
        } else if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        } else if (value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        } else if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValueExact();
        } else if (value instanceof Map<?, ?> map) {
            return freezeMap(map, path);
        } else if (value instanceof List<?> items) {
            List<Object> list = new ArrayList<>(items.size());
            int i = 0;
            for (Object item : items) {
                list.add(freeze(item, path + "[" + i++ + "]"));
            }
            return Collections.unmodifiableList(list);
        }
        throw new IllegalArgumentException(
                "values at '" + path + "': unsupported type " + value.getClass().getSimpleName());
    }
}
